package stream

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
)

// Summary counts what a worker committed.
type Summary struct {
	Records     int64 // input records evaluated and committed
	Written     int64 // results written to the output topic
	DeadLetters int64 // records that were not valid input
	Errors      int64 // error.execution events raised while evaluating
	Changed     int64 // compare mode: records whose outcomes differ
	// Handlers counts, in compare mode, for each condition or handler, the
	// changed records in which it fired on one side and nothing that does
	// the same fired on the other.
	Handlers map[HandlerKey]int64
}

// HandlerKey names a condition or handler of one side of a comparison.
type HandlerKey struct {
	Side  string // "base" (what --cond or --handlers gives) or "compare"
	Label string // Firing.Label
}

// add counts one decision.
func (s *Summary) add(d decision) {
	if d.marker {
		return // no record of the input's, only a transaction's end
	}
	s.Records++
	switch {
	case d.err != nil:
		s.DeadLetters++
		return
	case !d.compared:
		s.Written++
		s.Errors += int64(d.base.Errors)
		return
	}
	s.Errors += int64(d.base.Errors + d.compare.Errors)
	if Same(d.base, d.compare) {
		return
	}
	s.Changed++
	s.Written++
	if s.Handlers == nil {
		s.Handlers = make(map[HandlerKey]int64)
	}
	for _, f := range unmatched(d.base.Fired, d.compare.Fired) {
		s.Handlers[HandlerKey{"base", f.Label}]++
	}
	for _, f := range unmatched(d.compare.Fired, d.base.Fired) {
		s.Handlers[HandlerKey{"compare", f.Label}]++
	}
}

// unmatched are the firings of a that nothing in b does the same as.
func unmatched(a, b []Firing) []Firing {
	left := make(map[string]int)
	for _, f := range b {
		left[f.Key]++
	}
	var out []Firing
	for _, f := range a {
		if left[f.Key] > 0 {
			left[f.Key]--
			continue
		}
		out = append(out, f)
	}
	return out
}

func (s *Summary) merge(o Summary) {
	s.Records += o.Records
	s.Written += o.Written
	s.DeadLetters += o.DeadLetters
	s.Errors += o.Errors
	s.Changed += o.Changed
	for k, n := range o.Handlers {
		if s.Handlers == nil {
			s.Handlers = make(map[HandlerKey]int64)
		}
		s.Handlers[k] += n
	}
}

func (s Summary) clone() Summary {
	s.Handlers = maps.Clone(s.Handlers)
	return s
}

// WriteCompare writes the summary of a comparison: how many records
// changed, and for each condition or handler how many changed records it
// fired in on its side only, base first, most first.
func (s Summary) WriteCompare(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%d of %d records changed\n", s.Changed, s.Records)
	keys := slices.SortedFunc(maps.Keys(s.Handlers), func(a, b HandlerKey) int {
		return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(s.Handlers[b], s.Handlers[a]), cmp.Compare(a.Label, b.Label))
	})
	if len(keys) > 0 {
		fmt.Fprintln(tw, "side\tfired only there\tcondition or handler")
	}
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", k.Side, s.Handlers[k], k.Label)
	}
	return tw.Flush()
}
