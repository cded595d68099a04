package lsp

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

type wireCompletion struct {
	Label         string                 `json:"label"`
	Detail        string                 `json:"detail"`
	Documentation protocol.MarkupContent `json:"documentation"`
	TextEdit      protocol.TextEdit      `json:"textEdit"`
}

// completeAt asks for completions at the offset of needle plus delta.
func (c *client) completeAt(uri, text, needle string, delta int) []wireCompletion {
	c.t.Helper()
	var raw json.RawMessage
	c.call("textDocument/completion", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     position(c.t, text, needle, delta),
	}, &raw)
	if string(raw) == "null" {
		return nil
	}
	var list struct {
		Items []wireCompletion `json:"items"`
	}
	require.NoError(c.t, json.Unmarshal(raw, &list))
	return list.Items
}

func labels(items []wireCompletion) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		name, file, text, needle string // the cursor is just after needle
		want, not                []string
		replaced                 string // the text the items replace
	}{
		{"_event.", "a.scxml", scxmlDoc(`<transition event="error" cond="_event."/>`), "_event.",
			[]string{"name", "type", "sendid", "origin", "origintype", "invokeid", "data"}, []string{"constructor", "hasOwnProperty", "toSource"}, ""},
		{"_event.data. narrowed to interaction.notcontrolled", "a.scxml", scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data."/>`), "_event.data.",
			[]string{"interactionid", "resultof"}, []string{"focusdeviceid", "requestid"}, ""},
		{"_event.data. narrowed to interaction.partystatechanged", "a.scxml", scxmlDoc(`<transition event="interaction.partystatechanged" cond="x &amp;&amp; _event.data.foc"/>`), "_event.data.foc",
			[]string{"focusdeviceid"}, []string{"resultof", "interactionid"}, "foc"},
		{"_event.data. of an unknown event: every known field", "a.scxml", scxmlDoc(`<transition event="my.event" cond="_event.data."/>`), "_event.data.",
			[]string{"interactionid", "resultof", "focusdeviceid", "requestid"}, nil, ""},
		{"system.", "a.scxml", scxmlDoc(`<if cond="system.Int"/>`), "system.Int",
			[]string{"InteractionID", "InteractionType"}, []string{"ThisDN", "ANI"}, "Int"},
		{"_data.system.context.", "a.scxml", scxmlDoc(`<if cond="_data.system.context."/>`), "context.",
			[]string{"InteractionID", "InitialInteractionID"}, nil, ""},
		{"resultof values in a string", "a.scxml", scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.resultof == 'de"/>`), "'de",
			[]string{"detaching", "deletion"}, []string{"routing", "revoking"}, "de"},
		{"resultof values after !==, in an IPD condition", "default.ixnprocess", ipdDoc(`    <events name="gone" event="interaction.deleted" condition="a &amp;amp;&amp;amp; _event.data.resultof !== &quot;" body=""/>`), "&quot;",
			[]string{"detaching", "deletion", "routing", "revoking"}, nil, ""},
		{"quoted resultof values before the string", "a.scxml", scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.resultof == "/>`), "== ",
			[]string{"'detaching'", "'deletion'", "'routing'", "'revoking'"}, nil, ""},
		{"keywords with the names", "list.cond", "typ\n", "typ", []string{"typeof"}, nil, "typ"},
		{"a bracket key", "a.scxml", scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data['res"/>`), "['res",
			[]string{"resultof"}, nil, "res"},
		{"a global being typed", "list.cond", "_ev\n", "_ev", []string{"_event"}, []string{"system"}, "_ev"},
		{"a workflow variable being typed", "Main.workflow", workflowDoc(`    <blocks name="Entry1">
      <variables name="varVip" value="false" type="User"/>
    </blocks>
    <blocks name="IsVip"><conditions name="Vip" expression="var"/></blocks>`), `expression="var`, []string{"varVip"}, nil, "var"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{}, nil)
			uri := fileURI(t, tt.file)
			c.open(uri, tt.text)
			items := c.completeAt(uri, tt.text, tt.needle, len(tt.needle))
			got := labels(items)
			assert.Subset(t, got, tt.want)
			for _, n := range tt.not {
				assert.NotContains(t, got, n)
			}
			end := position(t, tt.text, tt.needle, len(tt.needle))
			start := position(t, tt.text, tt.needle, len(tt.needle)-len(tt.replaced))
			for _, it := range items {
				assert.Equal(t, protocol.Range{Start: start, End: end}, it.TextEdit.Range, it.Label)
				assert.Equal(t, it.Label, it.TextEdit.NewText)
			}
		})
	}
}

// A value cannot be inserted with its quotes into an attribute in single
// quotes.
func TestCompletionInSingleQuotes(t *testing.T) {
	text := scxmlDoc(`<transition event="interaction.notcontrolled" cond='_event.data.resultof == '/>`)
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)
	assert.Empty(t, c.completeAt(uri, text, "== ", 3))
}

func TestCompletionDocuments(t *testing.T) {
	text := scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.resultof == '"/>`)
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)
	items := c.completeAt(uri, text, "'", 1)
	require.Len(t, items, 4)
	assert.Equal(t, "'routing'", items[2].Detail)
	assert.Contains(t, items[2].Documentation.Value, "An expected event in a session: it is a result of the strategy's own actions.")

	text = scxmlDoc(`<if cond="system."/>`)
	uri = fileURI(t, "b.scxml")
	c.open(uri, text)
	items = c.completeAt(uri, text, "system.", len("system."))
	require.NotEmpty(t, items)
	assert.Equal(t, "InteractionID", items[0].Label, "fields first, in declaration order")
	assert.Equal(t, "string", items[0].Detail)
	assert.Contains(t, items[0].Documentation.Value, "The current interaction ID.")
}

func TestCompletionNearMisses(t *testing.T) {
	text := scxmlDoc(`<transition event="interaction.notcontrolled" cond="nothing. &amp;&amp; _event.nmae. &amp;&amp; _event.data.interactionid == ' &amp;&amp; /* _ev */ 1"/>`)
	tests := []struct {
		name, needle string
	}{
		{"members of an unknown name", "nothing."},
		{"members of a misspelt field", "nmae."},
		{"a string compared with a field without documented values", "== '"},
		{"an event attribute", "interaction."},
		{"outside any attribute", "<transition"},
		{"inside a comment", "/* _ev"},
	}
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Empty(t, c.completeAt(uri, text, tt.needle, len(tt.needle)))
		})
	}
}
