package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// What a command says about its own input or help, once and in words: an
// empty condition, a directory with nothing to lint, the variable a flag
// also reads, the REPL's commands.
func TestSaidInWords(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		stream   string // "out" or "err"
		want     string
		wantOnce string // said exactly once, when not ""
	}{
		{"empty condition", []string{"lint", "-e", ""}, 0, "err",
			"condeval: the condition is empty; a blank cond is no condition: its handler fires for every event it matches\n", ""},
		{"one empty condition of two", []string{"lint", "-e", "a", "-e", " "}, 0, "err",
			"condeval: <expr2> is empty; a blank cond is no condition: its handler fires for every event it matches\n", ""},
		{"directory with nothing to lint", []string{"lint", empty}, 0, "err",
			"linted 0 files, 0 conditions\ncondeval: no file to lint in " + empty + ": lint reads .scxml, .ixnprocess, .workflow and .cond files, and the handler files (.yaml, .yml, .json) it is given by name\n", ""},
		{"the password's variable, named once", []string{"consume", "--help"}, 0, "out", "", "CONDEVAL_SASL_PASSWORD"},
		{"repl lists its simulation commands", []string{"repl", "--help"}, 0, "out", "", ":simulate, :send, :advance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			got := map[string]string{"out": out, "err": errOut}[tt.stream]
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
			}
			if tt.wantOnce != "" {
				assert.Equal(t, 1, strings.Count(strings.Join(strings.Fields(got), " "), tt.wantOnce), got)
			}
		})
	}
}
