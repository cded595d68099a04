package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A mistyped key or a missing name in an event given on the command line
// is said, at the key, rather than sending an event nobody meant.
func TestEventKeys(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"/></scxml>`), 0o600))
	handlers := filepath.Join(dir, "h.yaml")
	require.NoError(t, os.WriteFile(handlers, []byte("handlers:\n  - name: any\n    event: \"*\"\n"), 0o600))
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}
	tests := []struct {
		name    string
		args    []string
		file    string // the file the last flag names, and its text
		text    string
		wantErr string // "" for none
	}{
		{"simulate: a typo in name", []string{"simulate", doc, "--events"}, "e.ndjson", "{\"name\":\"x\"}\n{\"nme\":\"z\"}\n", `e.ndjson:2:2: unknown key "nme" (did you mean "name"?)`},
		{"simulate: data without a name", []string{"simulate", doc, "--events"}, "e.ndjson", `{"data":{"a":1}}`, `e.ndjson:1: not an event: no "name" (a line with only "after" moves the clock)`},
		{"simulate: a clock step", []string{"simulate", doc, "--events"}, "e.ndjson", `{"after":5}`, ""},
		{"simulate: no key like it", []string{"simulate", doc, "--events"}, "e.ndjson", `{"name":"x","zzzzzz":1}`, `e.ndjson:1:13: unknown key "zzzzzz" (want name, type, sendid, origin, origintype, invokeid, data, raw or after)`},
		{"dispatch: no name", []string{"dispatch", "--handlers", handlers, "--event"}, "e.json", `{"data":{}}`, `e.json: the event has no "name"; give one, as in {"name": "interaction.deleted", "data": {…}}`},
		{"dispatch: a typo in data", []string{"dispatch", "--handlers", handlers, "--event"}, "e.json", "{\"name\":\"x\",\n \"dta\":{}}", `e.json:2:2: unknown key "dta" (did you mean "data"?)`},
		{"dispatch: a U+2028 in a string breaks no line", []string{"dispatch", "--handlers", handlers, "--event"}, "e.json", "{\"name\":\"x\u2028y\",\n \"dta\":{}}", `e.json:2:2: unknown key "dta" (did you mean "data"?)`},
		{"dispatch: a line without a name", []string{"dispatch", "--handlers", handlers, "--events"}, "e.ndjson", "{\"name\":\"x\"}\n{\"data\":{}}\n", `e.ndjson:2: the event has no "name"`},
		{"dispatch: a named event", []string{"dispatch", "--handlers", handlers, "--event"}, "e.json", `{"name":"x","data":{}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(tt.file, tt.text)
			code, _, errOut := runCLI(append(tt.args, path)...)
			if tt.wantErr == "" {
				assert.Equal(t, 0, code, errOut)
				assert.Empty(t, errOut)
				return
			}
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, filepath.Join(dir, tt.wantErr))
		})
	}
}
