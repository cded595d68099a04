package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/repl"
)

// typed runs entry in a REPL session as if typed at a terminal and returns
// what it printed after its answer line.
func typed(t *testing.T, entry string) string {
	t.Helper()
	var out bytes.Buffer
	s := newSession(&out, false)
	require.NoError(t, s.Run(typedInput(repl.ReaderLines(strings.NewReader(entry+"\n\n")))))
	_, rest, ok := strings.Cut(out.String(), "\n")
	require.True(t, ok, out.String())
	return rest
}

// TestOneErrorReadsTheSameEverywhere renders the same error through every
// command that can meet it and wants the same text from each.
func TestOneErrorReadsTheSameEverywhere(t *testing.T) {
	dir := t.TempDir()
	event := writeJSON(t, dir, "event.json", `{"name": "e", "data": {}}`)
	const unclosed = "_event.data.a == 1 && (_event.data.b"
	doc := filepath.Join(dir, "doc.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
  <state id="s">
    <transition event="e" cond="`+strings.ReplaceAll(unclosed, "&", "&amp;")+`" target="s"/>
  </state>
</scxml>
`), 0o600))
	broken := filepath.Join(dir, "broken.scxml")
	require.NoError(t, os.WriteFile(broken, []byte("<scxml xmlns=\"http://www.w3.org/2005/07/scxml\">\n  <state id=\"s\">\n</scxml>\n"), 0o600))
	scenario := filepath.Join(dir, "broken.scenario.yaml")
	require.NoError(t, os.WriteFile(scenario, []byte("document: broken.scxml\n"), 0o600))

	stdout := func(args ...string) func(*testing.T) string {
		return func(t *testing.T) string { _, out, _ := runWithInput(t, "", args...); return out }
	}
	stderr := func(args ...string) func(*testing.T) string {
		return func(t *testing.T) string { _, _, errOut := runWithInput(t, "", args...); return errOut }
	}
	tests := []struct {
		name  string
		want  string
		paths map[string]func(*testing.T) string
	}{
		{
			name: "a syntax error in a condition, with its code",
			want: lines(
				"<expr>:1:37: error: missing ')' to close '(' opened at 1:23 [C101]",
				unclosed,
				"                                    ^",
			),
			paths: map[string]func(*testing.T) string{
				"lint -e": stdout("lint", "-e", unclosed),
				"eval":    stderr("eval", unclosed),
				"repl":    func(t *testing.T) string { return typed(t, unclosed) },
			},
		},
		{
			name: "an error.execution",
			want: lines(
				"<expr>:1:19: error: TypeError: Cannot read property 'role' of undefined [error.execution]",
				"_event.data.party.role",
				"                  ^",
			),
			paths: map[string]func(*testing.T) string{
				"eval": stderr("eval", "--event", event, "_event.data.party.role"),
				"repl": func(t *testing.T) string {
					var out bytes.Buffer
					s := newSession(&out, false)
					require.NoError(t, s.Run(typedInput(repl.ReaderLines(strings.NewReader(":event "+event+"\n_event.data.party.role\n")))))
					_, rest, _ := strings.Cut(out.String(), "(error.execution TypeError)\n")
					return rest
				},
			},
		},
		{
			name: "a syntax error in a document's condition",
			want: lines(
				doc+":3:77: error: missing ')' to close '(' opened at 3:63 [C101]",
				`    <transition event="e" cond="_event.data.a == 1 &amp;&amp; (_event.data.b" target="s"/>`,
				"                                                                            ^",
			),
			paths: map[string]func(*testing.T) string{
				"lint": stdout("lint", doc),
				"dispatch": func(t *testing.T) string {
					_, _, errOut := runWithInput(t, "", "dispatch", "--handlers", doc, "--event", event)
					before, _, _ := strings.Cut(errOut, "  = note: ")
					return before
				},
			},
		},
		{
			name: "a document that is not well-formed",
			want: lines(
				broken+":3:1: error: element <state> closed by </scxml> [C200]",
				"</scxml>",
				"^",
			),
			paths: map[string]func(*testing.T) string{
				"lint":     stdout("lint", broken),
				"simulate": stderr("simulate", broken),
				"dispatch": stderr("dispatch", "--handlers", broken, "--event", event),
				"test": func(t *testing.T) string {
					_, out, _ := runWithInput(t, "", "test", scenario)
					_, report, _ := strings.Cut(out, "\n") // after ERROR and the scenario's name
					report, _, _ = strings.Cut(report, "1 scenario,")
					return strings.ReplaceAll(strings.TrimPrefix(report, "  "), "\n  ", "\n")
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, path := range tt.paths {
				assert.Equal(t, tt.want, path(t), name)
			}
		})
	}
}
