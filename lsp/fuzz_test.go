package lsp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/scxml"
)

// FuzzApplyChange applies an edit at any position to any text: it must
// never panic, and the text outside the edited range must stay as it was.
func FuzzApplyChange(f *testing.F) {
	f.Add("a == b", uint32(0), uint32(2), uint32(0), uint32(3), "=")
	f.Add("'😀é'\r\n== x\ry", uint32(0), uint32(2), uint32(2), uint32(1), "!")
	f.Add("", uint32(3), uint32(9), uint32(0), uint32(0), "x")
	f.Fuzz(func(t *testing.T, text string, l1, c1, l2, c2 uint32, insert string) {
		r := protocol.Range{Start: protocol.Position{Line: l1 % 8, Character: c1 % 64}, End: protocol.Position{Line: l2 % 8, Character: c2 % 64}}
		start, end := offsetAt(text, r.Start), offsetAt(text, r.End)
		if start > end {
			start, end = end, start
		}
		d := &document{text: text}
		d.apply([]any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: insert}})
		require.True(t, strings.HasPrefix(d.text, text[:start]))
		require.True(t, strings.HasSuffix(d.text, text[end:]))
		require.Equal(t, len(text)-(end-start)+len(insert), len(d.text))
	})
}

// FuzzCursorQueries asks for hover and completion at every offset of a
// document around any condition and event attribute: never a panic, and
// every range returned lies in the file.
func FuzzCursorQueries(f *testing.F) {
	f.Add("interaction.notcontrolled", "_event.data.resultof == 'de")
	f.Add("error", "_data.system.context.")
	f.Add("a b.*", "system.InteractionID &amp;&amp; (_event.data[&quot;resultof&quot;] === '😀')")
	f.Add("*", "function (x) { return x.y; }(_event) &lt; 2")
	f.Fuzz(func(t *testing.T, event, condition string) {
		text := scxmlDoc(`<transition event="` + event + `" cond="` + condition + `"/>`)
		file, err := scxml.Read("a.scxml", []byte(text))
		if err != nil {
			return
		}
		lines := protocol.UInteger(strings.Count(text, "\n") + 1)
		inFile := func(r protocol.Range) {
			require.Less(t, r.Start.Line, lines)
			require.Less(t, r.End.Line, lines)
			require.False(t, before(r.End, r.Start), "range ends before it starts: %+v", r)
		}
		for off := 0; off <= len(text); off++ {
			sp, ok := spotAt(file, off)
			if !ok {
				continue
			}
			items, _ := complete(file, sp)
			for _, it := range items {
				inFile(it.TextEdit.(protocol.TextEdit).Range)
			}
			i := charAt(sp.item.Text, off)
			if sp.item.Kind == scxml.Descriptors {
				hoverDescriptor(sp.item.Text.Value, i)
			} else if span, _, ok := hoverCode(sp.item, i); ok {
				inFile(textRange(sp.item.Text, span.Start, span.End))
			}
		}
	})
}
