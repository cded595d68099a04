package lsp

import (
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// parsed is the tree of an item's text, when it parses.
type parsed struct {
	roots   []cond.Node
	globals map[*cond.Ident]bool // identifiers that name globals, not locals of the text
}

// parseItem parses an item's text as the linter does: a script as a
// program, anything else as an expression (a final ';' tolerated).
func parseItem(it scxml.Item) (parsed, bool) {
	var roots []cond.Node
	var refs []*cond.Ident
	if it.Kind == scxml.Program {
		p, err := cond.ParseProgram(it.Text.Value)
		if err != nil {
			return parsed{}, false
		}
		roots, refs = p.Body, p.GlobalRefs()
	} else {
		src := it.Text.Value
		if t := strings.TrimRight(src, " \t\r\n"); strings.HasSuffix(t, ";") {
			src = src[:len(t)-1] + " " + src[len(t):]
		}
		e, err := cond.ParseExpression(src)
		if err != nil {
			return parsed{}, false
		}
		roots, refs = []cond.Node{e.Root}, e.GlobalRefs()
	}
	p := parsed{roots: roots, globals: make(map[*cond.Ident]bool, len(refs))}
	for _, id := range refs {
		p.globals[id] = true
	}
	return p, true
}

// globalPath reads the property path a node spells from a global name
// (system.InteractionID, _event.data['resultof']); ok is false for
// anything else, or for a path from a local variable.
func (p parsed) globalPath(n cond.Node) (cond.Path, bool) {
	pa, ok := cond.PathOf(n)
	return pa, ok && p.globals[pa.Root]
}

func contains(s cond.Span, i int) bool { return s.Start <= i && i < s.End }
