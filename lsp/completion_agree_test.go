package lsp

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/repl"
	"github.com/condeval/condeval/scxml"
)

// The REPL and the language server complete the same text before the
// cursor with the same candidates, replacing the same text: both read it
// with cond.ReadCursor and offer the fields of the catalog, never what
// every object inherits. The REPL also offers its loaded payloads' keys
// and the language server the document's own names; neither has any here.
func TestCompletionAgreesWithTheREPL(t *testing.T) {
	tests := []struct {
		before string
		want   []string
	}{
		{"_ev", []string{"_event"}},
		{"!_ev", []string{"_event"}},
		{"typ", []string{"typeof"}},
		{"_event.", []string{"data", "invokeid", "name", "origin", "origintype", "raw", "sendid", "type"}},
		{"_event.c", nil},
		{"_event.h", nil},
		// Nothing every object inherits (Object.prototype), at any depth.
		{"_event.data.constr", nil},
		{"_event.data.hasOwn", nil},
		{"_event.data.toS", nil},
		{"_event.data.__", nil},
		{"_event.data.valueO", nil},
		{"system.isProto", nil},
		{"system.propertyIs", nil},
		{"_data.system.context.toLocale", nil},
		{"_event.data.re", []string{"resultof"}},
		{"_event.data.resultOf", []string{"resultof"}},
		{"system.int", []string{"InteractionID", "InteractionMediaType", "InteractionSubType", "InteractionType", "InteractionUID"}},
		{"_data.system.", []string{"context"}},
		{"_data.system.context.AN", []string{"ANI"}},
		{"_event['data'].inter", []string{"interactionid"}},
		{"_event.data['res", []string{"resultof"}},
		{"_genesys.ixn.interactions[system.InteractionID].par", []string{"parentid", "parties"}},
		{"_event.data.resultof == '", []string{"detaching", "deletion", "routing", "revoking"}},
		{"_event.data['resultof'] == 'de", []string{"detaching", "deletion"}},
		{`_event.data.resultof != "r`, []string{"routing", "revoking"}},
		{`_event.data.resultof == 'de\x6c`, []string{"deletion"}},
		{"_event.data.resultof == ", []string{"'detaching'", "'deletion'", "'routing'", "'revoking'"}},
		{"a && (!_event.data.resultof || _event.data.resultof == 'del", []string{"deletion"}},
		{"// _ev", nil},
		{"/* _ev", nil},
		{"/* ' */ _ev", []string{"_event"}},
		{"'_ev", nil},
		{"_event.data.interactionid == '", nil},
		{"_event.data.resultof.index", nil},
		{"foo().", nil},
		{"1.", nil},
		{"App_Last_Error", nil},     // deprecated globals are left out
		{"InteractionI", nil},       // deprecated, use system.InteractionID
		{"a && ", replNames(t, "")}, // every name: globals and keywords
	}
	session := repl.New(io.Discard, repl.Options{})
	require.NoError(t, session.Load(builtins.Env{Event: map[string]any{"name": "interaction.notcontrolled"}}))
	for _, tt := range tests {
		t.Run(tt.before, func(t *testing.T) {
			cur := cond.ReadCursor(tt.before, len(tt.before))

			head, got, _ := session.Complete(tt.before, len([]rune(tt.before)))
			for i := range got {
				got[i] = strings.TrimSuffix(got[i], string(cur.Quote)) // the REPL closes the string it completes
			}
			assert.ElementsMatch(t, tt.want, got, "REPL")
			if len(got) > 0 {
				assert.Equal(t, tt.before[:cur.Start], head, "REPL replaces from the cursor's start")
			}

			attr := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;").Replace(tt.before)
			doc := scxmlDoc(`<transition event="interaction.notcontrolled" cond="` + attr + `"/>`)
			f, err := scxml.Read("a.scxml", []byte(doc))
			require.NoError(t, err)
			sp, ok := spotAt(f, strings.Index(doc, `cond="`)+len(`cond="`)+len(attr))
			require.True(t, ok)
			items, _ := complete(f, sp)
			var labels []string
			for _, it := range items {
				labels = append(labels, it.Label)
				assert.Equal(t, textRange(sp.item.Text, cur.Start, cur.End), it.TextEdit.(protocol.TextEdit).Range, "LSP replaces from the cursor's start")
			}
			assert.ElementsMatch(t, tt.want, labels, "language server")
		})
	}
}

// replNames is what the REPL of an empty session offers for a name
// starting with prefix.
func replNames(t *testing.T, prefix string) []string {
	t.Helper()
	_, got, _ := repl.New(io.Discard, repl.Options{}).Complete(prefix, len(prefix))
	require.NotEmpty(t, got)
	return got
}
