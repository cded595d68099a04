package lint

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

const docSideEffect = `An assignment (=, +=, …), ++, -- or delete inside a condition.

Why: W3C SCXML says conditions should have no side effects, and ORS may evaluate a condition at any time a matching event arrives. A lone = is nearly always a comparison mistyped: system.ANI = "5551234" is always true (a non-empty string) and overwrites the caller's ANI for the rest of the session.

Example:

    system.ANI = "5551234"

Fix: compare instead of assigning:

    system.ANI == "5551234"`

// sideEffect reports assignments, ++/-- and delete in a condition.
func sideEffect(p *Pass) {
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		switch n := n.(type) {
		case *cond.Function:
			return false // its own variables are its business
		case *cond.Assign:
			target := p.Text(n.Target.Span())
			if n.Op == cond.OpAssign {
				p.ReportFix(n.OpSpan, fmt.Sprintf("'=' assigns to %s; a condition should compare", target),
					"use '==' to compare", &cond.Fix{Span: n.OpSpan, NewText: "=="})
				return true
			}
			p.Report(n.OpSpan, fmt.Sprintf("'%s' changes %s; a condition should have no side effects", n.Op, target),
				fmt.Sprintf("compare with %s %s … instead", target, n.Op.Binary()))
		case *cond.Update:
			p.Report(n.Pos, fmt.Sprintf("'%s' changes %s; a condition should have no side effects", n.Op, p.Text(n.X.Span())),
				"compute the new value in an <assign> or <script> of the handler instead")
		case *cond.Unary:
			if n.Op == cond.OpDelete {
				p.Report(n.OpSpan, fmt.Sprintf("delete removes %s; a condition should have no side effects", p.Text(n.X.Span())),
					"test the property instead, e.g. typeof x.y != 'undefined'")
			}
		}
		return true
	})
}

const docTypeof = `A typeof result compared with something typeof never yields.

That is the value undefined instead of the string 'undefined', or a misspelt type name such as 'undefind' or 'String'.

Why: typeof always yields one of the strings 'undefined', 'object', 'boolean', 'number', 'string' or 'function' in ES5. typeof x == undefined is therefore always false and typeof x != undefined always true, whatever x is — the guard that was meant to stop a TypeError never works.

Example:

    typeof system.LastErrorEventName == undefined

Fix: compare with the string:

    typeof system.LastErrorEventName == 'undefined'`

// typeofResults are the strings typeof yields in ES5.
var typeofResults = []string{"undefined", "object", "boolean", "number", "string", "function"}

// typeofCompare reports comparisons of typeof with impossible values.
func typeofCompare(p *Pass) {
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		b, ok := n.(*cond.Binary)
		if !ok || !b.Op.IsEquality() {
			return true
		}
		for _, side := range [2][2]cond.Node{{b.X, b.Y}, {b.Y, b.X}} {
			if u, ok := cond.Unparen(side[0]).(*cond.Unary); !ok || u.Op != cond.OpTypeof {
				continue
			}
			outcome := "always false"
			if b.Op == cond.OpNe || b.Op == cond.OpStrictNe {
				outcome = "always true"
			}
			switch other := cond.Unparen(side[1]).(type) {
			case *cond.Ident:
				if other.Name == "undefined" {
					p.ReportFix(other.Pos, "typeof yields a string, never the value undefined: this comparison is "+outcome,
						"compare with the string 'undefined'", &cond.Fix{Span: other.Pos, NewText: "'undefined'"})
				}
			case *cond.String:
				if slices.Contains(typeofResults, other.Value) {
					continue
				}
				msg := fmt.Sprintf("typeof never yields '%s' in ES5: this comparison is %s", other.Value, outcome)
				if guess, ok := builtins.Suggest(other.Value, typeofResults); ok {
					p.ReportFix(other.Pos, msg, fmt.Sprintf("did you mean '%s'?", guess), replaceString(other, guess))
				} else {
					p.Report(other.Pos, msg, "typeof yields one of "+strings.Join(typeofResults, ", "))
				}
			case *cond.Number, *cond.Null, *cond.Bool:
				p.Report(other.Span(), "typeof yields a string: this comparison is "+outcome, "compare with one of "+strings.Join(typeofResults, ", "))
			}
		}
		return true
	})
}

const docConstant = `A condition, or a part of one, whose value does not depend on anything.

That is a lone string or number literal, a value compared with itself (x == x), or a string or number literal as an operand of || or &&.

Why: ToBoolean of a non-empty string or a non-zero number is true, so the handler fires for every event (or, for '' and 0, never). x == x is true for every x but NaN. _event.data.resultof == 'deletion' || 'detaching' reads as "deletion or detaching" but is always true: the right operand is a non-empty string.

Example:

    _event.data.resultof == 'deletion' || 'detaching'

Fix: compare each value:

    _event.data.resultof == 'deletion' || _event.data.resultof == 'detaching'`

// selfCompareOps are the comparisons whose result is fixed when both sides
// are the same expression, and that result (!= and !== are left out:
// x != x is the NaN test). A true one is false for NaN, which only a
// literal cannot be.
var selfCompareOps = map[cond.BinaryOp]bool{
	cond.OpEq: true, cond.OpStrictEq: true, cond.OpLE: true, cond.OpGE: true,
	cond.OpLT: false, cond.OpGT: false,
}

// constantCondition reports conditions and operands with a fixed value.
func constantCondition(p *Pass) {
	if p.Expr == nil {
		return
	}
	if v, ok := truthOf(p.Expr.Root); ok {
		p.Report(p.Expr.Root.Span(), fmt.Sprintf("the condition is a constant: always %t", v),
			"compare a field with the value instead, e.g. _event.data.x == "+p.Text(p.Expr.Root.Span()))
		return
	}
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		switch n := n.(type) {
		case *cond.Assign:
			return false // the assignment is the finding (side-effect)
		case *cond.Binary:
			always, ok := selfCompareOps[n.Op]
			if ok && pure(n.X) && squeeze(p.Text(n.X.Span())) == squeeze(p.Text(n.Y.Span())) {
				outcome := fmt.Sprintf("always %t", always)
				if always && !isLiteral(n.X) {
					outcome += " (unless it is NaN)"
				}
				p.Report(n.Pos, fmt.Sprintf("%s is compared with itself: %s", p.Text(n.X.Span()), outcome),
					"compare it with another value")
			}
		case *cond.Logical:
			for _, side := range []cond.Node{n.X, n.Y} {
				if v, ok := truthOf(side); ok {
					p.Report(side.Span(), fmt.Sprintf("%s is always %t as an operand of %s", p.Text(side.Span()), v, n.Op),
						"compare it with something, e.g. x == "+p.Text(side.Span()))
				}
			}
		}
		return true
	})
}

// isLiteral reports whether n is written as a literal value (1, 'a', true,
// null), which is never NaN.
func isLiteral(n cond.Node) bool {
	switch cond.Unparen(n).(type) {
	case *cond.Number, *cond.String, *cond.Bool, *cond.Null:
		return true
	}
	return false
}

// truthOf returns the ToBoolean value of a string or number literal.
func truthOf(n cond.Node) (bool, bool) {
	switch v := cond.Unparen(n).(type) {
	case *cond.String:
		return v.Value != "", true
	case *cond.Number:
		return v.Value != 0 && !math.IsNaN(v.Value), true
	}
	return false, false
}

// pure reports whether evaluating n twice gives the same value: no calls,
// no assignments, no new.
func pure(n cond.Node) bool {
	ok := true
	cond.Inspect(n, func(c cond.Node) bool {
		switch c.(type) {
		case *cond.Call, *cond.New, *cond.Assign, *cond.Update, *cond.Function:
			ok = false
		}
		return ok
	})
	return ok
}

// squeeze drops white space, so a == a and a==a compare alike.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }
