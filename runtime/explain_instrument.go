package runtime

import (
	"sort"
	"strconv"
	"strings"

	"github.com/condeval/condeval/cond"
)

// Explaining on goja: a variant of the condition's text in which every part
// that can be observed without changing what the condition does reports
// itself to the host, as
//
//	 $condeval$e(ID,($condeval$b(ID),PART))
//
// (the space keeps it from running into a word before it: void/x/)
//
// b says the part began, e hands over the value it ended with and returns
// it unchanged. A part that began and never ended threw (or was stopped),
// so an explanation is exact for a part that throws as for one that does
// not, and the values are those of the one evaluation that ran.
//
// Some parts are left as written because wrapping them would change what
// they mean: an assignment's or ++'s target and delete's operand (a
// reference, not a value), typeof's identifier operand (typeof x is no
// ReferenceError), a called member or identifier (it gives the call its
// this), and the callee of new. Parts of such a part that are values (the
// object of a called member, a computed key) are still traced. Function
// bodies are not traced: a function shows as the value it is.

const (
	beginParam = "$condeval$b"
	endParam   = "$condeval$e"
)

// traceNode is a traced part of the condition, numbered by its index.
type traceNode struct {
	span   cond.Span
	anchor int // the byte offset the layout writes the value under
	parent int // index of the nearest traced ancestor; -1 for none
	// position is the offset goja places an error of the part at.
	position int
	// literal is a part whose value is written in the condition: the
	// layout does not repeat it.
	literal bool
}

// instrumented is a condition's traced text and how to map positions in
// it back to the condition.
type instrumented struct {
	nodes []traceNode
	text  string
	// inserted are the stretches of inserted text, in order, for mapping
	// offsets back to the condition's.
	inserted []insert
}

// insert is text inserted at offset orig of the condition, found at
// [from, to) of the traced text, for part node.
type insert struct {
	from, to, orig int
	node           int
}

// instrument builds the traced text of the condition src with tree expr.
func instrument(src string, expr *cond.Expr) *instrumented {
	in := &instrumented{}
	type insertion struct {
		at    int
		depth int // outer parts open first and close last
		open  bool
		text  string
		node  int
	}
	var ins []insertion
	var walk func(n cond.Node, parent, depth int, traced bool)
	walk = func(n cond.Node, parent, depth int, traced bool) {
		if n == nil {
			return
		}
		if p, ok := n.(*cond.Paren); ok {
			walk(p.X, parent, depth, traced)
			return
		}
		if traced && isValuePart(n) {
			id := len(in.nodes)
			in.nodes = append(in.nodes, traceNode{span: n.Span(), anchor: anchorOf(src, n), position: gojaPosition(src, n), parent: parent, literal: isLiteral(n)})
			ins = append(ins,
				insertion{n.Span().Start, depth, true, " " + endParam + "(" + strconv.Itoa(id) + ",(" + beginParam + "(" + strconv.Itoa(id) + "),", id},
				insertion{n.Span().End, depth, false, "))", id})
			parent = id
		}
		for _, c := range tracedChildren(n) {
			walk(c.n, parent, depth+1, c.traced)
		}
	}
	walk(expr.Root, -1, 0, true)
	sort.SliceStable(ins, func(i, j int) bool {
		a, b := ins[i], ins[j]
		switch {
		case a.at != b.at:
			return a.at < b.at
		case a.open != b.open:
			return !a.open // a part ending here closes before the next opens
		case a.open:
			return a.depth < b.depth
		}
		return a.depth > b.depth
	})
	var b strings.Builder
	last := 0
	for _, x := range ins {
		b.WriteString(src[last:x.at])
		from := b.Len()
		b.WriteString(x.text)
		last = x.at
		in.inserted = append(in.inserted, insert{from: from, to: b.Len(), orig: x.at, node: x.node})
	}
	b.WriteString(src[last:])
	in.text = b.String()
	return in
}

// original maps an offset of the traced text to the condition's. goja
// places an error at a token of the expression that failed; where that
// expression is a part's wrapper, the offset is in inserted text, and maps
// to the token goja places the part itself at.
func (in *instrumented) original(off int) int {
	i := sort.Search(len(in.inserted), func(i int) bool { return in.inserted[i].from > off })
	if i == 0 {
		return off
	}
	x := in.inserted[i-1]
	if off < x.to {
		return in.nodes[x.node].position
	}
	return x.orig + off - x.to
}

// isValuePart reports whether n is an expression whose value a part can
// show. Property names and the statements of function bodies are not.
func isValuePart(n cond.Node) bool {
	switch n.(type) {
	case *cond.Name, *cond.Property:
		return false
	}
	return true
}

func isLiteral(n cond.Node) bool {
	switch n.(type) {
	case *cond.String, *cond.Number, *cond.Bool, *cond.Null, *cond.Regexp:
		return true
	}
	return false
}

type child struct {
	n      cond.Node
	traced bool
}

// tracedChildren lists the children of n that are expressions and whether
// each may be wrapped; a child not listed is not walked at all.
func tracedChildren(n cond.Node) []child {
	all := func(ns ...cond.Node) []child {
		out := make([]child, 0, len(ns))
		for _, c := range ns {
			out = append(out, child{c, true})
		}
		return out
	}
	switch n := n.(type) {
	case *cond.Member:
		if n.Computed {
			return all(n.Object, n.Property)
		}
		return all(n.Object)
	case *cond.Call:
		return append(reference(n.Callee), all(n.Args...)...)
	case *cond.New:
		return all(n.Args...)
	case *cond.Assign:
		return append(reference(n.Target), all(n.Value)...)
	case *cond.Update:
		return reference(n.X)
	case *cond.Unary:
		if n.Op == cond.OpDelete {
			// goja does not evaluate an operand that is no reference
			// (delete void x++ is true without running x++).
			if m, ok := cond.Unparen(n.X).(*cond.Member); ok {
				return reference(m)
			}
			return nil
		}
		if _, ident := cond.Unparen(n.X).(*cond.Ident); ident && n.Op == cond.OpTypeof {
			return nil
		}
		return all(n.X)
	case *cond.Binary:
		return all(n.X, n.Y)
	case *cond.Logical:
		return all(n.X, n.Y)
	case *cond.Conditional:
		return all(n.Test, n.Then, n.Else)
	case *cond.Sequence:
		return all(n.List...)
	case *cond.Array:
		return all(n.Elements...)
	case *cond.Object:
		out := []child{}
		for _, p := range n.Properties {
			if p.Kind == cond.PropInit {
				out = append(out, child{p.Value, true})
			}
		}
		return out
	}
	return nil
}

// reference lists the traced parts of a reference that must stay one (a
// called member, an assignment's target): not the reference itself, but the
// values inside it.
func reference(n cond.Node) []child {
	if m, ok := cond.Unparen(n).(*cond.Member); ok {
		if m.Computed {
			return []child{{m.Object, true}, {m.Property, true}}
		}
		return []child{{m.Object, true}}
	}
	if _, ok := cond.Unparen(n).(*cond.Ident); ok {
		return nil
	}
	return []child{{n, true}}
}

// anchorOf is where the layout writes a part's value: under its operator,
// under a member's name, under a called method's name, or at its start.
func anchorOf(src string, n cond.Node) int {
	switch n := n.(type) {
	case *cond.Member:
		if !n.Computed {
			return n.Property.Span().Start
		}
		return lastByte(src, n.Object.Span().End, n.Property.Span().Start, '[')
	case *cond.Call:
		switch callee := cond.Unparen(n.Callee).(type) {
		case *cond.Member:
			if !callee.Computed {
				return callee.Property.Span().Start
			}
		case *cond.Ident:
			return callee.Span().Start
		}
		return firstByte(src, n.Callee.Span().End, n.Span().End, '(')
	case *cond.Binary:
		return n.OpSpan.Start
	case *cond.Logical:
		return n.OpSpan.Start
	case *cond.Assign:
		return n.OpSpan.Start
	case *cond.Update:
		return n.OpSpan.Start
	case *cond.Conditional:
		return lastByte(src, n.Test.Span().End, n.Then.Span().Start, '?')
	case *cond.Sequence:
		if k := len(n.List); k > 1 {
			return lastByte(src, n.List[k-2].Span().End, n.List[k-1].Span().Start, ',')
		}
	}
	return n.Span().Start
}

// gojaPosition is the offset goja gives as the position of an error in
// evaluating n: where the layout anchors it, except that a call's is its (.
func gojaPosition(src string, n cond.Node) int {
	if c, ok := n.(*cond.Call); ok {
		return firstByte(src, c.Callee.Span().End, c.Span().End, '(') // not the method's name
	}
	return anchorOf(src, n)
}

// lastByte is the offset of the last c in src[from:to], or from.
func lastByte(src string, from, to int, c byte) int {
	if i := strings.LastIndexByte(src[from:to], c); i >= 0 {
		return from + i
	}
	return from
}

// firstByte is the offset of the first c in src[from:to], or from.
func firstByte(src string, from, to int, c byte) int {
	if i := strings.IndexByte(src[from:to], c); i >= 0 {
		return from + i
	}
	return from
}
