package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

type wireAction struct {
	Title       string           `json:"title"`
	Kind        string           `json:"kind"`
	Diagnostics []wireDiagnostic `json:"diagnostics"`
	IsPreferred bool             `json:"isPreferred"`
	Edit        struct {
		Changes map[string][]protocol.TextEdit `json:"changes"`
	} `json:"edit"`
}

// actionsAt asks for the code actions of a range, as an editor does for
// the cursor's position or a diagnostic's range.
func (c *client) actionsAt(uri string, r protocol.Range) []wireAction {
	c.t.Helper()
	var out []wireAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        r,
		"context":      map[string]any{"diagnostics": []any{}},
	}, &out)
	return out
}

// applyEdits applies text edits as an editor does: all ranges refer to the
// text before any of them, so they are applied from the last.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		start, end := offset(t, text, e.Range.Start), offset(t, text, e.Range.End)
		text = text[:start] + e.NewText + text[end:]
	}
	return text
}

func TestCodeActionsFixTheFile(t *testing.T) {
	tests := []struct {
		name, file, text, code string
		newText                string // the edit's text, escaped for where it goes
		fixed                  string // the text after the fix
	}{
		{"the seed's missing ')' in SCXML", "a.scxml",
			scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion'" target="s"/>`), "C101", ")",
			scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion')" target="s"/>`)},
		{"the seed's missing ')' in an IPD condition", "default.ixnprocess",
			ipdDoc(`    <events name="revoked" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion'" body=""/>`), "C101", ")",
			ipdDoc(`    <events name="revoked" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion')" body=""/>`)},
		{"a missing ']' in a condition list", "list.cond",
			"_event.data['resultof' == 'routing'\n", "C101", "]",
			"_event.data['resultof' == 'routing']\n"},
		{"a misspelt field", "a.scxml",
			scxmlDoc(`<transition event="interaction.deleted" cond="_event.data.resultOf == 'deletion'"/>`), "C202", "resultof",
			scxmlDoc(`<transition event="interaction.deleted" cond="_event.data.resultof == 'deletion'"/>`)},
		{"= instead of ==", "Main.workflow",
			workflowDoc(`    <blocks name="B"><conditions name="Known" expression="system.ANI = &quot;5551234&quot;"/></blocks>`), "C204", "==",
			workflowDoc(`    <blocks name="B"><conditions name="Known" expression="system.ANI == &quot;5551234&quot;"/></blocks>`)},
		{"a value that is not a resultof value", "list.cond",
			"_event.data.resultof == \"deleted\"\n", "C203", `"deletion"`,
			"_event.data.resultof == \"deletion\"\n"},
		{"the resultof filter in SCXML: && escaped once", "a.scxml",
			scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID"/>`), "C207",
			" &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion')",
			scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion')"/>`)},
		{"the resultof filter in an IPD condition: && escaped twice", "default.ixnprocess",
			ipdDoc(`    <events name="gone" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body=""/>`), "C207",
			" &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion')",
			ipdDoc(`    <events name="gone" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion')" body=""/>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{}, nil)
			uri := fileURI(t, tt.file)
			before := c.open(uri, tt.text)
			require.Contains(t, before.codes(), tt.code)
			var diag wireDiagnostic
			for _, d := range before.Diagnostics {
				if d.Code == tt.code {
					diag = d
				}
			}
			actions := c.actionsAt(uri, diag.Range)
			require.Len(t, actions, 1)
			a := actions[0]
			assert.Equal(t, "quickfix", a.Kind)
			assert.Equal(t, lint.FixKindOf(tt.code) == cond.FixSafe, a.IsPreferred, "only safe fixes are preferred")
			assert.Equal(t, []wireDiagnostic{diag}, a.Diagnostics)
			edits := a.Edit.Changes[uri]
			require.Len(t, edits, 1)
			assert.Equal(t, tt.newText, edits[0].NewText)

			fixed := applyEdits(t, tt.text, edits)
			assert.Equal(t, tt.fixed, fixed)
			after := c.change(uri, 2, fixed)
			assert.NotContains(t, after.codes(), tt.code)
		})
	}
}

func TestCodeActionTitlesAndRanges(t *testing.T) {
	text := scxmlDoc(`<transition event="interaction.deleted" cond="_event.data.resultOf == 'deletion' &amp;&amp; system.InteractionId != ''"/>`)
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)

	cursor := position(t, text, "resultOf", 3)
	actions := c.actionsAt(uri, protocol.Range{Start: cursor, End: cursor})
	require.Len(t, actions, 1, "only the finding under the cursor")
	assert.Equal(t, "Did you mean 'resultof'? (C202)", actions[0].Title)

	line := protocol.Range{Start: protocol.Position{Line: 2}, End: protocol.Position{Line: 3}}
	assert.Len(t, c.actionsAt(uri, line), 2, "every finding of the line")

	elsewhere := position(t, text, "transition", 0)
	assert.Empty(t, c.actionsAt(uri, protocol.Range{Start: elsewhere, End: elsewhere}))

	unclosed := "(a || b\n"
	uri = fileURI(t, "list.cond")
	p := c.open(uri, unclosed)
	require.Len(t, p.Diagnostics, 1)
	actions = c.actionsAt(uri, p.Diagnostics[0].Range)
	require.Len(t, actions, 1)
	assert.Equal(t, "Add the missing ')' (C101)", actions[0].Title)
}
