package lint

import (
	"fmt"

	"github.com/condeval/condeval/cond"
)

const docComparisonChain = `Two comparisons chained the way mathematics writes a range: 0 < x < 10.

Why: ECMAScript compares left to right, so 0 < x < 10 compares the boolean 0 < x (true or false, read as 1 or 0) with 10: it is true whatever x is. The range that was meant needs two comparisons joined by &&.

Example:

    _event.data.n > 0 < 10

Fix: compare twice:

    0 < _event.data.n && _event.data.n < 10`

// comparison reports whether op compares two values by order: a
// relational operator other than in and instanceof.
func comparison(op cond.BinaryOp) bool {
	return op.IsRelational() && op != cond.OpIn && op != cond.OpInstanceof
}

// comparisonChain reports a < b < c (any of <, >, <=, >=) written without
// parentheses around the first comparison. The fix, a < b && b < c, is
// offered when b can be read twice without a side effect and the chain
// stands where && keeps its meaning (the whole condition, an operand of
// && or ||, or inside parentheses).
func comparisonChain(p *Pass) {
	keeps := map[cond.Node]bool{}
	for _, n := range p.Root() {
		keeps[n] = true
	}
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		switch n := n.(type) {
		case *cond.Logical:
			keeps[n.X], keeps[n.Y] = true, true
		case *cond.Paren:
			keeps[n.X] = true
		case *cond.Binary:
			first, ok := n.X.(*cond.Binary)
			if !ok || !comparison(n.Op) || !comparison(first.Op) {
				return true
			}
			a, b, c := p.Text(first.X.Span()), p.Text(first.Y.Span()), p.Text(n.Y.Span())
			msg := fmt.Sprintf("the boolean %s %s %s is compared with %s, not %s", a, first.Op, b, c, b)
			if !keeps[n] || !readTwice(first.Y) {
				p.Report(n.Span(), msg, fmt.Sprintf("compare %s twice, joined by &&", b))
				return true
			}
			both := fmt.Sprintf("%s %s %s && %s %s %s", a, first.Op, b, b, n.Op, c)
			p.ReportFix(n.Span(), msg, "write "+both, &cond.Fix{Span: n.Span(), NewText: both})
		}
		return true
	})
}

// readTwice reports whether an expression reads the same, with no side
// effect, when it is written twice: a name, a literal, or a member chain of
// them.
func readTwice(n cond.Node) bool {
	switch n := cond.Unparen(n).(type) {
	case *cond.Ident, *cond.Number, *cond.String, *cond.Bool, *cond.Null:
		return true
	case *cond.Member:
		return readTwice(n.Object) && (!n.Computed || readTwice(n.Property))
	}
	return false
}
