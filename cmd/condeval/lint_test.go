package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedCond = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestLintText(t *testing.T) {
	tests := []struct {
		name string
		expr string
		code int
		want string
	}{
		{"valid", seedCond, 0, ""},
		{"empty means no condition", "", 0, ""},
		{"unclosed bracket", seedCond[:len(seedCond)-1], 1,
			"<expr>:1:114: error: missing ')' to close '(' opened at 1:54 [C101]\n" + seedCond[:len(seedCond)-1] + "\n" + strings.Repeat(" ", 113) + "^\n"},
		{"es2015 with help", "a?.b", 1,
			"<expr>:1:2: error: optional chaining (?.) is ES2020; ORS evaluates ES5 [C110]\na?.b\n ^~\n  = help: test each step, e.g. a && a.b\n"},
		{"assignment target", "1 = x", 1,
			"<expr>:1:1: error: invalid assignment target: the left side of '=' must be a variable or a property [C120]\n1 = x\n^\n  = help: only a variable or a property (a.b, a[b]) can be assigned; to compare, use == or ===\n"},
		{"second line with tab", "a &&\n\tb c", 1,
			"<expr>:2:4: error: unexpected identifier 'c': expected an operator or the end of the expression [C100]\n\tb c\n\t  ^\n"},
		{"return", "return", 1,
			"<expr>:1:1: error: 'return' is only allowed inside a function; a condition is an expression, not a function body [C121]\nreturn\n^~~~~~\n  = help: write the condition's value itself, e.g. x > 1\n"},
		{"runes", "'é' + é +", 1,
			"<expr>:1:10: error: unexpected end of input: expected an expression [C100]\n'é' + é +\n         ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI("lint", "-e", tt.expr)
			assert.Equal(t, tt.code, code, errOut)
			assert.Equal(t, tt.want, out)
		})
	}
}

func TestLintJSON(t *testing.T) {
	code, out, _ := runCLI("lint", "--format", "json", "-e", "é.b = 1 +")
	assert.Equal(t, 1, code)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, []map[string]any{{
		"file": "<expr>", "line": 1.0, "column": 10.0, "endLine": 1.0, "endColumn": 10.0,
		"severity": "error", "code": "C100", "message": "unexpected end of input: expected an expression", "suggestion": "",
	}}, got)

	code, out, _ = runCLI("lint", "--format=json", "-e", "a == 1")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out)

	code, out, _ = runCLI("lint", "--format=json", "-e", "f(a,\n b,)")
	assert.Equal(t, 1, code)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, 2.0, got[0]["line"])
	assert.Equal(t, 3.0, got[0]["column"])
	assert.Equal(t, 4.0, got[0]["endColumn"])
	assert.Equal(t, "C110", got[0]["code"])
}

func TestLintUsage(t *testing.T) {
	for _, args := range [][]string{{"lint"}, {"lint", "-e", "a", "--format", "xml"}, {"lint", "-e"}} {
		code, _, errOut := runCLI(args...)
		assert.Equal(t, 2, code, args)
		assert.NotEmpty(t, errOut)
	}
}

// A document in another datamodel is skipped, said once on stderr, and is
// no reason to fail.
func TestLintSkipsOtherDatamodels(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.scxml", "b.scxml"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" datamodel="lua"><state id="s"><transition event="e" cond="x ~= nil"/></state></scxml>`), 0o644))
	}
	code, out, errOut := runCLI("lint", dir)
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Equal(t, "linted 0 files, 0 conditions; skipped 2 documents whose datamodel is not ECMAScript\n", errOut)
}
