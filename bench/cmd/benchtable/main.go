// Command benchtable turns `go test -bench` output into the README's markdown
// table: each benchmark's median time and allocations over its runs, and its
// time as a multiple of the baseline engine measured in the same run (the Go
// floor, or for compile times, where the floor has nothing to do, condeval).
// The ratio is given twice: of the medians, and of the fastest runs — on a
// machine shared with other work, interference only ever adds time, so the
// fastest run is the closest to the uncontended cost.
//
//	go run ./cmd/benchtable < results.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// baselines are the engines a group's ratios are taken against, first present wins.
var baselines = []string{"go", "condeval"}

// line matches one result: name-GOMAXPROCS, iterations, ns/op, then optional B/op and allocs/op.
var line = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:.*?\s(\d+) allocs/op)?`)

type sample struct{ ns, allocs []float64 }

// result is one benchmark's median time, fastest time and median allocations.
type result struct {
	group, engine    string
	ns, fast, allocs float64
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(r io.Reader, w io.Writer) error {
	results, err := parse(r)
	if err != nil {
		return err
	}
	if len(results) == 0 {
		return fmt.Errorf("no benchmark results in input")
	}
	return write(w, results)
}

// parse reads benchmark lines in order of first appearance and summarises
// each benchmark's runs.
func parse(r io.Reader) ([]result, error) {
	samples := map[string]*sample{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		s, ok := samples[m[1]]
		if !ok {
			s = &sample{}
			samples[m[1]] = s
			order = append(order, m[1])
		}
		ns, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m[1], err)
		}
		s.ns = append(s.ns, ns)
		if m[3] != "" {
			allocs, _ := strconv.ParseFloat(m[3], 64) // the pattern admits digits only
			s.allocs = append(s.allocs, allocs)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	results := make([]result, 0, len(order))
	for _, name := range order {
		cut := strings.LastIndex(name, "/")
		if cut < 0 {
			continue // not a per-engine benchmark
		}
		s := samples[name]
		results = append(results, result{
			group:  strings.TrimPrefix(name[:cut], "Benchmark"),
			engine: name[cut+1:],
			ns:     median(s.ns),
			fast:   minimum(s.ns),
			allocs: median(s.allocs),
		})
	}
	return results, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	sort.Float64s(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

func minimum(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Min(xs)
}

func write(w io.Writer, results []result) error {
	base := map[string]result{}
	for _, b := range slices.Backward(baselines) {
		for _, r := range results {
			if r.engine == b {
				base[r.group] = r
			}
		}
	}
	const header = "| benchmark | engine | ns/op | allocs/op | × baseline | × baseline, fastest runs |\n" +
		"|---|---|--:|--:|--:|--:|"
	if _, err := fmt.Fprintln(w, header); err != nil {
		return err
	}
	for _, r := range results {
		ratio, fast := "—", "—"
		if b, ok := base[r.group]; ok && b.ns > 0 && b.fast > 0 {
			ratio, fast = fmt.Sprintf("%.2f", r.ns/b.ns), fmt.Sprintf("%.2f", r.fast/b.fast)
			if b.engine == r.engine {
				ratio, fast = "1 ("+r.engine+")", "1"
			}
		}
		if _, err := fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n",
			r.group, r.engine, number(r.ns), number(r.allocs), ratio, fast); err != nil {
			return err
		}
	}
	return nil
}

// number prints times and counts the way benchstat does: three significant
// digits, no exponent.
func number(x float64) string {
	switch {
	case x >= 100 || x == float64(int64(x)):
		return strconv.FormatFloat(x, 'f', 0, 64)
	case x >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	default:
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
}
