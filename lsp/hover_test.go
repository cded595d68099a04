package lsp

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hoverAt asks for the hover at the offset of needle plus delta; nil when
// the server has nothing to say.
func (c *client) hoverAt(uri, text, needle string, delta int) *protocol.Hover {
	c.t.Helper()
	var raw json.RawMessage
	c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     position(c.t, text, needle, delta),
	}, &raw)
	if string(raw) == "null" {
		return nil
	}
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
		Range    *protocol.Range        `json:"range"`
	}
	require.NoError(c.t, json.Unmarshal(raw, &h))
	return &protocol.Hover{Contents: h.Contents, Range: h.Range}
}

func TestHover(t *testing.T) {
	notcontrolled := scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == _data.system.context.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'revoking')"/>
<transition event="interaction.partystatechanged" cond="_event.data.focusdeviceid != system.ThisDN"/>
<transition event="error" cond="function (x) { return x; }(1) &amp;&amp; local.InteractionID"/>`)
	ipd := ipdDoc(`    <events name="gone" event="interaction.deleted" condition="system.InteractionID != '' &amp;amp;&amp;amp; _event.data.resultof == &apos;deletion&apos;" body=""/>`)
	tests := []struct {
		name, text, file, needle string
		delta                    int
		word                     string   // the range the hover covers
		want                     []string // in the Markdown
	}{
		{"resultof: the doc and the seed's four values", notcontrolled, "a.scxml", "resultof ||", 3, "resultof", []string{
			"_event.data.resultof: string",
			"Absent (undefined) with older ORS releases",
			"- `'detaching'`: The interaction became not controlled because it was detached from a running session.",
			"- `'deletion'`: The interaction became not controlled because it was deleted.",
			"- `'routing'`: The interaction became not controlled because of ORS actions",
			"- `'revoking'`: The interaction being processed by ORS (pulled) was taken away",
			"Switchovers (docs/ors.md §1)",
		}},
		{"a resultof value: the seed's explanation", notcontrolled, "a.scxml", "'revoking'", 2, "'revoking'", []string{
			"_event.data.resultof == 'revoking'",
			"taken away from this ORS instance, explicitly (by an agent, by a media server, by Interaction Server for inactivity)",
		}},
		{"_event.data narrowed to the handler's event", notcontrolled, "a.scxml", "data.interactionid", 1, "data", []string{
			"_event.data: object", "Fields: `interactionid`, `resultof` (for `interaction.notcontrolled`)",
		}},
		{"an _event.data field of another handler's event", notcontrolled, "a.scxml", "focusdeviceid", 0, "focusdeviceid", []string{
			"_event.data.focusdeviceid: string", "The device (DN) where the interaction now is",
		}},
		{"_event", notcontrolled, "a.scxml", "_event.data.interactionid ==", 2, "_event", []string{"_event: object", "seven W3C fields"}},
		{"a system variable through _data.system.context", notcontrolled, "a.scxml", "InteractionID &amp;", 0, "InteractionID", []string{
			"_data.system.context.InteractionID: string", "The current interaction ID.",
		}},
		{"a system variable", notcontrolled, "a.scxml", "ThisDN", 1, "ThisDN", []string{"system.ThisDN: string", "ThisDN of the last point of presence"}},
		{"an event descriptor", notcontrolled, "a.scxml", "interaction.partystatechanged", 5, "interaction.partystatechanged", []string{
			"**interaction.partystatechanged** (Composer: interaction party state changed)", "`_event.data`: `interactionid`, `focusdeviceid`",
		}},
		{"a condition escaped twice", ipd, "default.ixnprocess", "resultof ==", 0, "resultof", []string{"_event.data.resultof: string"}},
		{"a value in entity-quoted string", ipd, "default.ixnprocess", "deletion&apos;", 0, "&apos;deletion&apos;", []string{"because it was deleted"}},
		{"a system variable before an escaped operator", ipd, "default.ixnprocess", "InteractionID !=", 0, "InteractionID", []string{"system.InteractionID: string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{}, nil)
			uri := fileURI(t, tt.file)
			c.open(uri, tt.text)
			h := c.hoverAt(uri, tt.text, tt.needle, tt.delta)
			require.NotNil(t, h)
			assert.Equal(t, protocol.MarkupKindMarkdown, h.Contents.(protocol.MarkupContent).Kind)
			for _, w := range tt.want {
				assert.Contains(t, h.Contents.(protocol.MarkupContent).Value, w)
			}
			require.NotNil(t, h.Range)
			assert.Equal(t, rangeOf(t, tt.text, tt.word), *h.Range)
		})
	}
}

func TestHoverNearMisses(t *testing.T) {
	text := scxmlDoc(`<transition event="error" cond="function (system) { return system.InteractionID; }(1) &amp;&amp; local.InteractionID &amp;&amp;  _event.nmae"/>`)
	tests := []struct {
		name, needle string
		delta        int
	}{
		{"a parameter that shadows a global", "InteractionID;", 0},
		{"a member of an unknown name", "InteractionID &amp;", 0},
		{"a misspelt field", "nmae", 1},
		{"white space", "&amp;  _event", 6},
		{"outside any condition", "transition", 2},
	}
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "a.scxml")
	c.open(uri, text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Nil(t, c.hoverAt(uri, text, tt.needle, tt.delta))
		})
	}
}
