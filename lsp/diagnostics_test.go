package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestInitializeAdvertisesCapabilities(t *testing.T) {
	c := startServer(t, Options{}, nil)
	caps := c.capabilities
	assert.Equal(t, map[string]any{"openClose": true, "change": float64(2), "save": true}, caps["textDocumentSync"])
	assert.Equal(t, true, caps["hoverProvider"])
	assert.Equal(t, map[string]any{"triggerCharacters": []any{".", "'", `"`}}, caps["completionProvider"])
	assert.Equal(t, map[string]any{"codeActionKinds": []any{"quickfix", "source.fixAll.condeval"}}, caps["codeActionProvider"])
}

// emptyAt is the empty range at the offset of needle plus delta.
func emptyAt(t *testing.T, text, needle string, delta int) protocol.Range {
	p := position(t, text, needle, delta)
	return protocol.Range{Start: p, End: p}
}

func TestDiagnosticsOnOpen(t *testing.T) {
	unclosed := scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion'" target="s"/>`)
	astral := scxmlDoc(`<transition event="interaction.deleted" cond="_event.name == '😀 &lt;é&gt;' &amp;&amp; _event.data.resultOf == 'deletion'"/>`)
	ipd := ipdDoc(`    <events name="gone" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; _event.data.resultof == 'deleted'" body=""/>`)
	workflow := workflowDoc(`    <blocks xmi:type="ird:BranchingBlock" name="CheckCaller">
      <conditions name="Known" expression="system.ANI = &quot;5551234&quot;"/>
    </blocks>`)
	list := "// conditions\n_event.data.interactionid == system.InteractionId\n"
	malformed := scxmlDoc(`<transition event="error" cond="a &amp;& b"/>`)
	tests := []struct {
		name, file, text string
		want             []wireDiagnostic
	}{
		{"an unclosed parenthesis is an empty range before the closing quote", "a.scxml", unclosed, []wireDiagnostic{{
			Range: emptyAt(t, unclosed, `" target`, 0), Severity: 1, Code: "C101", Source: "condeval",
			Message: "missing ')' to close '(' opened at 3:114",
		}}},
		{"columns count UTF-16 units of the file, entities included", "a.scxml", astral, []wireDiagnostic{{
			Range: rangeOf(t, astral, "resultOf"), Severity: 2, Code: "C202", Source: "condeval",
			Message: "'resultOf' is not a field of _event.data\ndid you mean 'resultof'?",
		}}},
		{"a condition escaped twice", "default.ixnprocess", ipd, []wireDiagnostic{{
			Range: rangeOf(t, ipd, "'deleted'"), Severity: 2, Code: "C203", Source: "condeval",
			Message: "'deleted' is not a value of _event.data.resultof (detaching, deletion, routing, revoking)\ndid you mean 'deletion'?",
		}}},
		{"a workflow branch", "Main.workflow", workflow, []wireDiagnostic{{
			Range: protocol.Range{Start: position(t, workflow, " = ", 1), End: position(t, workflow, " = ", 2)}, Severity: 1, Code: "C204", Source: "condeval",
			Message: "'=' assigns to system.ANI; a condition should compare\nuse '==' to compare",
		}}},
		{"a condition list", "list.cond", list, []wireDiagnostic{{
			Range: rangeOf(t, list, "InteractionId"), Severity: 2, Code: "C202", Source: "condeval",
			Message: "'InteractionId' is not a field of system\ndid you mean 'InteractionID'?",
		}}},
		{"XML that is not well-formed", "a.scxml", malformed, []wireDiagnostic{{
			Range: emptyAt(t, malformed, "& b", 1), Severity: 1, Code: "C200", Source: "condeval",
			Message: "invalid character entity & (no semicolon)\nin XML write && as &amp;&amp; (and < as &lt;)",
		}}},
		{"near miss: the seed's filter, closed", "a.scxml", scxmlDoc(`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion')"/>`), []wireDiagnostic{}},
		{"near miss: an empty condition is no condition", "a.scxml", scxmlDoc(`<transition event="error" cond=""/>`), []wireDiagnostic{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{}, nil)
			got := c.open(fileURI(t, tt.file), tt.text)
			assert.Equal(t, tt.want, got.Diagnostics)
		})
	}
}

func TestDiagnosticsRelatedInformation(t *testing.T) {
	related := map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{"relatedInformation": true}}}
	unclosed := scxmlDoc(`<transition event="error" cond="a &lt; b &amp;&amp; (c" target="s"/>`)
	mismatched := ipdDoc(`    <events name="gone" event="interaction.deleted" condition="&amp;amp;quot;x&amp;amp;quot; + f(1]" body=""/>`)
	multiLine := scxmlDoc("<transition event=\"error\" cond=\"[a,\n   b\"/>")
	tests := []struct {
		name, file, text string
		want             []protocol.DiagnosticRelatedInformation
	}{
		{"an unclosed parenthesis after entities", "a.scxml", unclosed, []protocol.DiagnosticRelatedInformation{
			{Location: protocol.Location{Range: firstChar(t, unclosed, "(c")}, Message: "'(' opened here"},
		}},
		{"a mismatched bracket in a condition escaped twice", "default.ixnprocess", mismatched, []protocol.DiagnosticRelatedInformation{
			{Location: protocol.Location{Range: firstChar(t, mismatched, "(1")}, Message: "'(' opened here"},
		}},
		{"a bracket opened on an earlier line", "a.scxml", multiLine, []protocol.DiagnosticRelatedInformation{
			{Location: protocol.Location{Range: firstChar(t, multiLine, "[a")}, Message: "'[' opened here"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri := fileURI(t, tt.file)
			for i := range tt.want {
				tt.want[i].Location.URI = uri
			}
			got := startClient(t, Options{}, nil, related).open(uri, tt.text)
			require.Len(t, got.Diagnostics, 1)
			assert.Equal(t, tt.want, got.Diagnostics[0].Related)

			// A client that does not show related information gets none.
			plain := startServer(t, Options{}, nil).open(uri, tt.text)
			require.Len(t, plain.Diagnostics, 1)
			assert.Nil(t, plain.Diagnostics[0].Related)
		})
	}
}

// firstChar is the range of the first character of needle.
func firstChar(t *testing.T, text, needle string) protocol.Range {
	return protocol.Range{Start: position(t, text, needle, 0), End: position(t, text, needle, 1)}
}
