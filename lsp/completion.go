package lsp

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/scxml"
)

// The text before the cursor is usually not a complete condition, so
// completion reads it backwards with patterns rather than with the parser.
var (
	// enumString: a string being typed as the value compared with a path,
	// as in `_event.data.resultof == 'de`.
	enumString = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*(?:===?|!==?)\s*['"]([^'"\\]*)$`)
	// memberAccess: a member being typed after a path, as in `system.Int`.
	memberAccess = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*([A-Za-z_$][\w$]*)?$`)
	// globalName: a name being typed on its own, as in `_ev`.
	globalName = regexp.MustCompile(`(?:^|[^\w$.'"])([A-Za-z_$][\w$]*)$`)
)

// completion offers, at the cursor inside a condition: the documented
// values inside a string compared with an enumerated field, the members of
// a known object after '.', and global names while one is typed.
// _event.data is narrowed to the handler's event.
func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	f, off, ok := s.cursor(p.TextDocument.URI, p.Position)
	if !ok {
		return nil, nil
	}
	sp, ok := spotAt(f, off)
	if !ok || sp.item.Kind == scxml.Descriptors {
		return nil, nil
	}
	items := complete(f, sp)
	if items == nil {
		return nil, nil
	}
	return protocol.CompletionList{Items: items}, nil
}

// complete lists the completions at a spot.
func complete(f *scxml.File, sp spot) []protocol.CompletionItem {
	t := sp.item.Text
	before := t.Value[:sp.offset]
	if m := enumString.FindStringSubmatch(before); m != nil {
		d, ok := builtins.Resolve(splitPath(m[1]), sp.item.Event)
		if !ok {
			return nil
		}
		edit := textRange(t, sp.offset-len(m[2]), sp.offset)
		var out []protocol.CompletionItem
		for i, v := range d.Enum() {
			out = append(out, completionItem(v.Value, protocol.CompletionItemKindEnumMember, "'"+v.Value+"'", v.Doc, i, edit))
		}
		return out
	}
	if m := memberAccess.FindStringSubmatch(before); m != nil {
		d, ok := builtins.Resolve(splitPath(m[1]), sp.item.Event)
		if !ok {
			return nil
		}
		edit := textRange(t, sp.offset-len(m[2]), sp.offset)
		var out []protocol.CompletionItem
		for i, member := range d.Members() {
			out = append(out, declItem(member, i, edit))
		}
		return out
	}
	if m := globalName.FindStringSubmatch(before); m != nil {
		edit := textRange(t, sp.offset-len(m[1]), sp.offset)
		return globalItems(f, m[1], edit)
	}
	return nil
}

// globalItems lists the globals and the document's own names that start
// with prefix (ignoring case).
func globalItems(f *scxml.File, prefix string, edit protocol.Range) []protocol.CompletionItem {
	lower := strings.ToLower(prefix)
	var out []protocol.CompletionItem
	for _, d := range builtins.Globals() {
		if strings.HasPrefix(strings.ToLower(d.Name), lower) {
			out = append(out, declItem(d, len(out), edit))
		}
	}
	own := append(append([]string(nil), f.Data...), f.Variables...)
	sort.Strings(own)
	for _, name := range own {
		if strings.HasPrefix(strings.ToLower(name), lower) {
			out = append(out, completionItem(name, protocol.CompletionItemKindVariable, "declared in this file", "", len(out), edit))
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
	item := completionItem(d.Name, kind, detail, d.Doc, rank, edit)
	if d.Deprecated {
		yes := true
		item.Deprecated = &yes
		item.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
	}
	return item
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

// splitPath splits `_data . system.context` into its names.
func splitPath(s string) []string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}
