package main

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change, as
// diff -u does.
const diffContext = 3

// lineOp is one line of an edit script: ' ' kept, '-' removed, '+' added.
type lineOp struct {
	kind byte
	line string // with its line break, so CRLF files show as they are
}

// unifiedDiff returns the unified diff that turns a into b, under the
// file's name on both sides (patch -p0 applies it); "" when they are equal.
func unifiedDiff(name string, a, b []byte) string {
	ops := diffLines(splitLines(string(a)), splitLines(string(b)))
	var out strings.Builder
	for start := 0; start < len(ops); {
		if ops[start].kind == ' ' {
			start++
			continue
		}
		// A hunk runs from diffContext lines before a change to
		// diffContext lines after the last change that is no further than
		// 2*diffContext unchanged lines from the one before.
		from, end := max(0, start-diffContext), start
		for i := start; i < len(ops); i++ {
			if ops[i].kind != ' ' {
				end = i + 1
			} else if i-end >= 2*diffContext {
				break
			}
		}
		to := min(len(ops), end+diffContext)
		if out.Len() == 0 {
			fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
		}
		writeHunk(&out, ops, from, to)
		start = to
	}
	return out.String()
}

// writeHunk writes ops[from:to] as one hunk with its header.
func writeHunk(out *strings.Builder, ops []lineOp, from, to int) {
	aLine, bLine := 1, 1
	for _, op := range ops[:from] {
		if op.kind != '+' {
			aLine++
		}
		if op.kind != '-' {
			bLine++
		}
	}
	aLen, bLen := 0, 0
	for _, op := range ops[from:to] {
		if op.kind != '+' {
			aLen++
		}
		if op.kind != '-' {
			bLen++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(aLine, aLen), hunkRange(bLine, bLen))
	for _, op := range ops[from:to] {
		out.WriteByte(op.kind)
		out.WriteString(op.line)
		if !strings.HasSuffix(op.line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange writes a hunk side as diff does: an empty side names the line
// before it.
func hunkRange(line, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", line-1)
	case 1:
		return fmt.Sprint(line)
	}
	return fmt.Sprintf("%d,%d", line, n)
}

// splitLines cuts text after each LF, keeping the breaks.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(out, s)
		}
		out, s = append(out, s[:i+1]), s[i+1:]
	}
	return out
}

// diffLines is Myers' O(ND) difference: the shortest edit script from a to
// b. Fixes change few lines, so D is small even in a long file.
func diffLines(a, b []string) []lineOp {
	n, m := len(a), len(b)
	off := n + m + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	var d int
search:
	for d = 0; d <= n+m; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			x := v[off+k-1] + 1
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				break search
			}
		}
	}
	var rev []lineOp
	x, y := n, m
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		prev := k - 1
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			prev = k + 1
		}
		px := v[off+prev]
		py := px - prev
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, lineOp{' ', a[x]})
		}
		if prev == k+1 {
			y--
			rev = append(rev, lineOp{'+', b[y]})
		} else {
			x--
			rev = append(rev, lineOp{'-', a[x]})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, lineOp{' ', a[x]})
	}
	out := make([]lineOp, len(rev))
	for i, op := range rev {
		out[len(rev)-1-i] = op
	}
	return out
}
