package lsp

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func pos(line, char int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)}
}

func TestDocumentApply(t *testing.T) {
	edit := func(l1, c1, l2, c2 int, text string) any {
		r := protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
		return protocol.TextDocumentContentChangeEvent{Range: &r, Text: text}
	}
	tests := []struct {
		name, text string
		changes    []any
		want       string
	}{
		{"insert", "a == b", []any{edit(0, 2, 0, 2, "=")}, "a === b"},
		{"replace across lines", "a &&\nb ||\nc", []any{edit(0, 2, 1, 2, "&")}, "a &||\nc"},
		{"columns count UTF-16 units", "'😀é' == x", []any{edit(0, 6, 0, 8, "!=")}, "'😀é' != x"},
		{"CRLF ends a line once", "a\r\nb\rc\nd", []any{edit(2, 0, 3, 0, "")}, "a\r\nb\rd"},
		{"a column past the end of its line", "ab\ncd", []any{edit(0, 40, 1, 0, "")}, "abcd"},
		{"a line past the end", "ab", []any{edit(5, 0, 6, 0, "!")}, "ab!"},
		{"changes apply in order", "x", []any{edit(0, 1, 0, 1, " == 1"), edit(0, 0, 0, 1, "y")}, "y == 1"},
		{"a whole text", "x", []any{protocol.TextDocumentContentChangeEventWhole{Text: "y"}}, "y"},
		{"a reversed range", "abc", []any{edit(0, 2, 0, 1, "-")}, "a-c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document{text: tt.text}
			d.apply(tt.changes)
			assert.Equal(t, tt.want, d.text)
		})
	}
}

func TestDiagnosticsFollowIncrementalEdits(t *testing.T) {
	text := "system.ANI == '5551234'\n"
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "list.cond")
	assert.Empty(t, c.open(uri, text).Diagnostics)

	change := func(version int, r protocol.Range, s string) published {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []map[string]any{{"range": r, "text": s}},
		})
		return c.diagnostics(uri, version)
	}
	broken := change(2, protocol.Range{Start: pos(0, 11), End: pos(0, 13)}, "=")
	require.Equal(t, []string{"C204"}, broken.codes(), "system.ANI = '5551234'")
	assert.Equal(t, protocol.Range{Start: pos(0, 11), End: pos(0, 12)}, broken.Diagnostics[0].Range)
	assert.Equal(t, 2, *broken.Version)

	fixed := change(3, protocol.Range{Start: pos(0, 11), End: pos(0, 11)}, "=")
	assert.Empty(t, fixed.Diagnostics)
	assert.Equal(t, 3, *fixed.Version)
}

func TestBurstOfChangesEndsWithTheLastText(t *testing.T) {
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "list.cond")
	c.open(uri, "x == 1\n")
	const last = 40
	for v := 2; v <= last; v++ {
		text := fmt.Sprintf("x = %d\n", v) // a finding
		if v == last {
			text = "system.InteractionId == 'a'\n"
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []map[string]any{{"text": text}},
		})
	}
	var versions []int
	for {
		p := c.diagnostics(uri, 0)
		versions = append(versions, *p.Version)
		if *p.Version == last {
			assert.Equal(t, []string{"C202"}, p.codes(), "the findings of the last text")
			break
		}
	}
	assert.IsNonDecreasing(t, versions)
}

// recorder stands for a client: it keeps what the server sends.
type recorder struct {
	mu   sync.Mutex
	sent []protocol.PublishDiagnosticsParams
}

func (r *recorder) notify(method string, params any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := params.(protocol.PublishDiagnosticsParams); ok {
		r.sent = append(r.sent, p)
	}
}

func TestStaleResultsAreDropped(t *testing.T) {
	s := newServer(Options{})
	rec := &recorder{}
	s.bind(rec.notify)
	uri := protocol.DocumentUri(fileURI(t, "list.cond"))
	s.docs[uri] = &document{uri: uri, path: pathOf(uri, ""), text: "x = 1\n", version: 7, generation: 3}

	s.lintAndPublish(uri, 2)
	assert.Empty(t, rec.sent, "a lint of an older text is not published")

	s.lintAndPublish(uri, 3)
	require.Len(t, rec.sent, 1)
	assert.Equal(t, protocol.UInteger(7), *rec.sent[0].Version)
	assert.Len(t, rec.sent[0].Diagnostics, 1)

	delete(s.docs, uri)
	s.lintAndPublish(uri, 3)
	assert.Len(t, rec.sent, 1, "nothing is published for a closed document")
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := startServer(t, Options{}, nil)
	uri := fileURI(t, "list.cond")
	require.NotEmpty(t, c.open(uri, "x = 1\n").Diagnostics)
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	cleared := c.diagnostics(uri, 0)
	assert.Empty(t, cleared.Diagnostics)
	assert.NotNil(t, cleared.Diagnostics, "an empty list, not null")
}
