package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilesThatCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "d.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"/></scxml>`), 0o600))
	handlers := "../../examples/ipd/default.ixnprocess"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"lint of a file that is not there", []string{"lint", "nonexist.scxml"}, "condeval: cannot read nonexist.scxml: no such file or directory\n"},
		{"lint --config that is not there", []string{"lint", "--config", "nope.yaml", "-e", "1"}, "condeval: cannot read --config nope.yaml: no such file or directory\n"},
		{"lint --config that is a directory", []string{"lint", "--config", dir, "-e", "1"}, "condeval: cannot read --config " + dir + ": is a directory\n"},
		{"eval --event that is not there", []string{"eval", "--event", "event.json", "true"}, "condeval: cannot read --event event.json: no such file or directory\n"},
		{"eval --system that is not there", []string{"eval", "--system", "system.json", "true"}, "condeval: cannot read --system system.json: no such file or directory\n"},
		{"dispatch --event that is not there", []string{"dispatch", "--handlers", handlers, "--event", "event.json"}, "condeval: cannot read --event event.json: no such file or directory\n"},
		{"dispatch --events that is not there", []string{"dispatch", "--handlers", handlers, "--events", "e.ndjson"}, "condeval: cannot read --events e.ndjson: no such file or directory\n"},
		{"simulate --events that is not there", []string{"simulate", "--events", "e.ndjson", doc}, "condeval: cannot read --events e.ndjson: no such file or directory\n"},
		{"simulate --genesys that is not there", []string{"simulate", "--genesys", "g.json", doc}, "condeval: cannot read --genesys g.json: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, tt.want)
			assert.NotContains(t, errOut, "open ")
			assert.NotContains(t, errOut, "stat ")
		})
	}
}
