package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// hover documents what is under the cursor: a name or member path from a
// global (_event.data.resultof, system.InteractionID), a string compared
// with an enumerated field ('revoking'), or an event descriptor.
func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	f, off, ok := s.cursor(p.TextDocument.URI, p.Position)
	if !ok {
		return nil, nil
	}
	sp, ok := spotAt(f, off)
	if !ok {
		return nil, nil
	}
	t := sp.item.Text
	i := charAt(t, off)
	var span cond.Span
	var text string
	if sp.item.Kind == scxml.Descriptors {
		span, text, ok = hoverDescriptor(t.Value, i)
	} else {
		span, text, ok = hoverCode(sp.item, i)
	}
	if !ok {
		return nil, nil
	}
	r := textRange(t, span.Start, span.End)
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: text}, Range: &r}, nil
}

// hoverTarget is what the cursor is on inside a condition.
type hoverTarget struct {
	span  cond.Span
	path  cond.Path
	value *cond.String // a string compared with the field path names
}

// hoverCode finds, in the tree of the item's text, the smallest name,
// member or compared string under decoded offset i and documents it.
func hoverCode(it scxml.Item, i int) (cond.Span, string, bool) {
	tree, ok := parseItem(it)
	if !ok {
		return cond.Span{}, "", false
	}
	var best *hoverTarget
	consider := func(t hoverTarget) {
		if contains(t.span, i) && (best == nil || t.span.End-t.span.Start < best.span.End-best.span.Start) {
			best = &t
		}
	}
	cond.InspectAll(tree.roots, func(n cond.Node) bool {
		switch n := n.(type) {
		case *cond.Ident:
			if path, ok := tree.globalPath(n); ok {
				consider(hoverTarget{span: n.Pos, path: path})
			}
		case *cond.Member:
			if path, ok := tree.globalPath(n); ok {
				consider(hoverTarget{span: n.Property.Span(), path: path})
			}
		case *cond.Binary:
			if n.Op.IsEquality() {
				for _, pair := range [][2]cond.Node{{n.X, n.Y}, {n.Y, n.X}} {
					str, isStr := cond.Unparen(pair[1]).(*cond.String)
					if path, ok := tree.globalPath(pair[0]); ok && isStr {
						consider(hoverTarget{span: str.Pos, path: path, value: str})
					}
				}
			}
		}
		return true
	})
	if best == nil {
		return cond.Span{}, "", false
	}
	d, ok := builtins.Resolve(best.path.Segments, it.Event)
	if !ok {
		return cond.Span{}, "", false
	}
	if best.value != nil {
		text, ok := describeValue(d, best.path, best.value.Value)
		return best.span, text, ok
	}
	return best.span, describeDecl(d, best.path, it.Event), true
}

// hoverDescriptor documents the event descriptor under decoded offset i of
// an event attribute.
func hoverDescriptor(attr string, i int) (cond.Span, string, bool) {
	start := strings.LastIndexAny(attr[:min(i, len(attr))], " \t\r\n") + 1
	end := i + strings.IndexAny(attr[i:]+" ", " \t\r\n")
	if start >= end {
		return cond.Span{}, "", false
	}
	e, ok := builtins.LookupEvent(attr[start:end])
	if !ok {
		return cond.Span{}, "", false
	}
	return cond.Span{Start: start, End: end}, describeEvent(e), true
}
