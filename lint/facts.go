package lint

import (
	"strings"

	"github.com/condeval/condeval/cond"
)

// treeFacts are the facts about a tree that several rules need: which
// identifiers are globals, which members head a path, what is written.
type treeFacts struct {
	globals map[*cond.Ident]bool
	inner   map[*cond.Member]bool // members that are the object of another member
	written map[cond.Node]bool    // assignment targets, ++/-- and delete operands (parentheses stripped)
	typeofd map[cond.Node]bool    // operands of typeof (parentheses stripped)
}

// factsOf returns the facts of the pass's tree, computing them once.
func factsOf(p *Pass) treeFacts {
	if p.facts == nil {
		f := computeFacts(p)
		p.facts = &f
	}
	return *p.facts
}

func computeFacts(p *Pass) treeFacts {
	f := treeFacts{globals: map[*cond.Ident]bool{}, inner: map[*cond.Member]bool{}, written: map[cond.Node]bool{}, typeofd: map[cond.Node]bool{}}
	for _, id := range p.GlobalRefs() {
		f.globals[id] = true
	}
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		switch n := n.(type) {
		case *cond.Member:
			if o, ok := cond.Unparen(n.Object).(*cond.Member); ok {
				f.inner[o] = true
			}
		case *cond.Assign:
			f.written[cond.Unparen(n.Target)] = true
		case *cond.Update:
			f.written[cond.Unparen(n.X)] = true
		case *cond.Unary:
			switch n.Op {
			case cond.OpDelete:
				f.written[cond.Unparen(n.X)] = true
			case cond.OpTypeof:
				f.typeofd[cond.Unparen(n.X)] = true
			}
		}
		return true
	})
	return f
}

// globalPaths calls visit for each longest property path rooted at a
// global name (system.Type in system.Type.toLowerCase() is one, the call
// breaks the chain).
func (f treeFacts) globalPaths(p *Pass, visit func(cond.Path)) {
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		m, ok := n.(*cond.Member)
		if !ok || f.inner[m] {
			return true
		}
		if pa, ok := cond.PathOf(m); ok && f.globals[pa.Root] {
			visit(pa)
		}
		return true
	})
}

// readsResultof reports whether a tree reads _event.data.resultof, in any
// spelling of its case (a misspelling is another rule's finding).
func readsResultof(roots []cond.Node) bool {
	found := false
	cond.InspectAll(roots, func(n cond.Node) bool {
		if pa, ok := cond.PathOf(n); ok && len(pa.Segments) == 3 && pa.Segments[0] == "_event" && pa.Segments[1] == "data" && strings.EqualFold(pa.Segments[2], "resultof") {
			found = true
		}
		return !found
	})
	return found
}
