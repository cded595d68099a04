package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

// actionsOfKind asks for the code actions of a range limited to kinds, as
// an editor does on save for source.fixAll.
func (c *client) actionsOfKind(uri string, r protocol.Range, only ...string) []wireAction {
	c.t.Helper()
	var out []wireAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        r,
		"context":      map[string]any{"diagnostics": []any{}, "only": only},
	}, &out)
	return out
}

// The Composer upgrade's quick fix is the one lint --fix applies: the
// editor's edit gives the text lint.FixFile gives.
func TestCodeActionAddsTheRequeuedHandlerAsLintFixDoes(t *testing.T) {
	text := ipdDoc(`    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="_h1" name="interaction not controlled" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="&lt;raise event=&quot;application.exit&quot;/>" target="false"/>`)
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "default.ixnprocess")
	p := c.open(uri, text)
	var diag wireDiagnostic
	for _, d := range p.Diagnostics {
		if d.Code == "C209" {
			diag = d
		}
	}
	require.Equal(t, "C209", diag.Code, "the upgrade finding: %v", p.codes())

	var action *wireAction
	for _, a := range c.actionsAt(uri, diag.Range) {
		if len(a.Diagnostics) == 1 && a.Diagnostics[0].Code == "C209" {
			action = &a
		}
	}
	require.NotNil(t, action, "a quick fix for C209")
	assert.False(t, action.IsPreferred, "an unsafe fix is never the preferred one")
	assert.Equal(t, `Add the "interaction re-queued" (interaction.present) handler, or narrow this one with (!_event.data.resultof || _event.data.resultof == 'deletion') (C209)`, action.Title)

	only := lint.Config{Disabled: map[string]bool{"C207": true}}
	want, err := lint.FixFile("default.ixnprocess", []byte(text), only, cond.FixUnsafe)
	require.NoError(t, err)
	require.True(t, want.Changed())
	assert.Equal(t, string(want.After), applyEdits(t, text, action.Edit.Changes[uri]))
}

// source.fixAll applies every safe fix, as lint --fix does, and only when
// the editor asks for it.
func TestCodeActionFixAll(t *testing.T) {
	text := scxmlDoc("<transition event=\"interaction.deleted\" cond=\"(_event.data.resultof == 'deletion';\" target=\"s\"/>\n" +
		"<transition event=\"interaction.present\" cond=\"system.ANI = '1' // mine\n  || (_event.data.x\"/>")
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)
	whole := protocol.Range{End: protocol.Position{Line: 99}}

	for _, a := range c.actionsAt(uri, whole) {
		assert.Equal(t, "quickfix", a.Kind, "fix all is not offered unasked")
	}
	actions := c.actionsOfKind(uri, whole, "source.fixAll")
	require.Len(t, actions, 1)
	assert.Equal(t, "source.fixAll.condeval", actions[0].Kind)
	want, err := lint.FixFile("a.scxml", []byte(text), lint.Config{}, cond.FixSafe)
	require.NoError(t, err)
	got := applyEdits(t, text, actions[0].Edit.Changes[uri])
	assert.Equal(t, string(want.After), got)
	assert.Contains(t, got, `cond="(_event.data.resultof == 'deletion')"`, "two overlapping safe fixes, both applied")
	assert.Contains(t, got, "system.ANI = '1' /* mine */\n  || (_event.data.x)", "the unsafe = stays")

	after := c.change(uri, 2, got)
	assert.Empty(t, c.actionsOfKind(uri, whole, "source.fixAll"), "nothing left to fix safely: %v", after.codes())
}
