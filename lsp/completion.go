package lsp

import (
	"fmt"
	"sort"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// completion offers, at the cursor inside a condition: the global names
// while one is typed, the fields of a known object after '.', and the
// documented values of the path a string is compared with. It reads the
// text before the cursor with cond.ReadCursor, as the REPL does, and
// offers what the REPL offers. _event.data is narrowed to the handler's
// event.
func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	f, off, ok := s.cursor(p.TextDocument.URI, p.Position)
	if !ok {
		return nil, nil
	}
	sp, ok := spotAt(f, off)
	if !ok || sp.item.Kind == scxml.Descriptors {
		return nil, nil
	}
	items, filtered := complete(f, sp)
	if items == nil {
		return nil, nil
	}
	// Items filtered by what is typed are incomplete: a client that edits
	// the word back must ask again.
	return protocol.CompletionList{IsIncomplete: filtered, Items: items}, nil
}

// complete lists the completions for what is typed at a spot; filtered
// says whether a typed prefix left some out.
func complete(f *scxml.File, sp spot) (items []protocol.CompletionItem, filtered bool) {
	cur := cond.ReadCursor(sp.item.Text.Value, sp.offset)
	edit := textRange(sp.item.Text, cur.Start, cur.End)
	switch cur.Kind {
	case cond.CursorName:
		items = nameItems(f, edit)
	case cond.CursorMember:
		d, ok := builtins.Resolve(cur.Path, sp.item.Event)
		if !ok {
			return nil, false
		}
		for _, field := range d.Fields() {
			if !field.Deprecated {
				items = append(items, declItem(field, len(items), edit))
			}
		}
	case cond.CursorValue:
		d, ok := builtins.Resolve(cur.Path, sp.item.Event)
		if !ok || cur.Quote == 0 && singleQuoted(sp.item.Text) {
			return nil, false
		}
		for i, v := range d.Enum() {
			label := v.Value
			if cur.Quote == 0 {
				label = "'" + label + "'"
			}
			items = append(items, completionItem(label, protocol.CompletionItemKindEnumMember, "'"+v.Value+"'", v.Doc, i, edit))
		}
	}
	return filterItems(cur, items), cur.Prefix != ""
}

// singleQuoted reports whether t is an attribute value in single quotes,
// where a quoted value cannot be inserted as it is.
func singleQuoted(t scxml.Text) bool {
	start := t.FileOffset(-1)
	return start > 0 && t.Source().Data[start-1] == '\''
}

// nameItems lists the names a condition can start with: the globals
// (deprecated ones left out), the document's own names and the keywords.
func nameItems(f *scxml.File, edit protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	for _, d := range builtins.Globals() {
		if !d.Deprecated {
			out = append(out, declItem(d, len(out), edit))
		}
	}
	own := append(append([]string(nil), f.Data...), f.Variables...)
	sort.Strings(own)
	for _, name := range own {
		out = append(out, completionItem(name, protocol.CompletionItemKindVariable, "declared in this file", "", len(out), edit))
	}
	for _, k := range cond.ExpressionKeywords() {
		out = append(out, completionItem(k, protocol.CompletionItemKindKeyword, "keyword", "", len(out), edit))
	}
	return out
}

// filterItems keeps the items whose label fits what is typed (cur.Filter).
func filterItems(cur cond.CursorContext, items []protocol.CompletionItem) []protocol.CompletionItem {
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.Label
	}
	keep := map[string]bool{}
	for _, l := range cur.Filter(labels) {
		keep[l] = true
	}
	var out []protocol.CompletionItem
	seen := map[string]bool{}
	for _, it := range items {
		if keep[it.Label] && !seen[it.Label] {
			seen[it.Label] = true
			out = append(out, it)
		}
	}
	return out
}

// declKinds are the completion icons of declaration kinds.
var declKinds = map[builtins.Kind]protocol.CompletionItemKind{
	builtins.KindObject:   protocol.CompletionItemKindModule,
	builtins.KindFunction: protocol.CompletionItemKindFunction,
}

func declItem(d builtins.Decl, rank int, edit protocol.Range) protocol.CompletionItem {
	kind, ok := declKinds[d.Kind]
	if !ok {
		kind = protocol.CompletionItemKindField
	}
	detail := d.Kind.String()
	if d.Signature != "" {
		detail = d.Signature
	}
	return completionItem(d.Name, kind, detail, d.Doc, rank, edit)
}

// completionItem builds an item that replaces the partly typed word
// (edit) by label. rank keeps the declaration order (fields before
// inherited methods) instead of the client's alphabetical one.
func completionItem(label string, kind protocol.CompletionItemKind, detail, doc string, rank int, edit protocol.Range) protocol.CompletionItem {
	sortText := fmt.Sprintf("%04d", rank)
	item := protocol.CompletionItem{
		Label:    label,
		Kind:     &kind,
		Detail:   &detail,
		SortText: &sortText,
		TextEdit: protocol.TextEdit{Range: edit, NewText: label},
	}
	if doc != "" {
		item.Documentation = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}
	}
	return item
}
