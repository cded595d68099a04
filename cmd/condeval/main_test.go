package main

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// runWithInput runs the command line on args with stdin as its input and
// returns the exit code and what it wrote.
func runWithInput(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// A command line kong refuses exits 2 with one line saying what is wrong
// and one pointing to the help of the command that was meant.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		error string
		help  string
	}{
		{"no arguments", nil, "missing command: lint, eval, dispatch, consume, repl, simulate, test, conformance, lsp, help, version", "condeval"},
		{"unknown command", []string{"frob"}, "unknown command frob", "condeval"},
		{"misspelt command", []string{"evl"}, `unknown command evl, did you mean one of "eval", "repl"?`, "condeval"},
		{"unknown flag", []string{"--frob"}, "unknown flag --frob", "condeval"},
		{"unknown flag of a command", []string{"lint", "--frob"}, "unknown flag --frob", "condeval lint"},
		{"bad enum value", []string{"lint", "--format", "xml", "x.scxml"}, `--format must be text, json, sarif or github, not "xml"`, "condeval lint"},
		{"bad enum value of simulate", []string{"simulate", "--format", "xml", "d.scxml"}, `--format must be text or json, not "xml"`, "condeval simulate"},
		{"simulate without a document", []string{"simulate"}, "give the SCXML document to run (.scxml): condeval simulate [flags] DOC", "condeval simulate"},
		{"flag without its value", []string{"eval", "--event"}, "--event needs a file name", "condeval eval"},
		{"flag followed by a flag", []string{"eval", "--event", "--system", "s.json", "true"}, "--event needs a file name, not the flag --system (write --event=--system if that is the value)", "condeval eval"},
		{"list flag without its value", []string{"eval", "--state"}, "--state needs a state id", "condeval eval"},
		{"global without its value", []string{"eval", "--global"}, `--global needs NAME=JSON, e.g. App_X={"a":1}`, "condeval eval"},
		{"enum flag without its value", []string{"lint", "--format"}, "--format needs text, json, sarif or github", "condeval lint"},
		{"global that is no name", []string{"eval", "--global", "1x=1", "true"}, `--global 1x=1: "1x" is not a name a condition can use (letters, digits, _ and $, not starting with a digit, and not a keyword)`, "condeval eval"},
		{"global that is a keyword", []string{"eval", "--global", "if=1", "true"}, `--global if=1: "if" is not a name a condition can use (letters, digits, _ and $, not starting with a digit, and not a keyword)`, "condeval eval"},
		{"missing required flag", []string{"dispatch", "--event", "e.json"}, "missing flags: --handlers=FILE", "condeval dispatch"},
		{"extra argument", []string{"dispatch", "--handlers", "h.yaml", "--event", "e.json", "x"}, "unexpected argument x", "condeval dispatch"},
		{"help of an unknown command", []string{"help", "frob"}, "unknown command frob", "condeval"},
		{"lint with nothing to lint", []string{"lint"}, "give either -e EXPR or one or more paths", "condeval lint"},
		{"eval without a condition", []string{"eval"}, "give the condition to evaluate: condeval eval [flags] EXPR, or -e EXPR", "condeval eval"},
		{"dispatch without an event", []string{"dispatch", "--handlers", "h.yaml"}, "give the event: --event FILE, or --events FILE.ndjson for several", "condeval dispatch"},
		{"stdin twice", []string{"eval", "-e", "-", "-"}, "- (standard input) can be given once", "condeval eval"},
		{"a --global without =", []string{"eval", "--global", "x", "x"}, "--global x: want NAME=JSON", "condeval eval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWithInput(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Equal(t, "condeval: "+tt.error+"\nTry '"+tt.help+" --help' for more information.\n", errOut)
		})
	}
}

// TestRepeatableFlagsKeepCommas: a repeatable flag whose value is JSON or a
// path is taken whole, never split at its commas.
func TestRepeatableFlagsKeepCommas(t *testing.T) {
	var check func(path string, v reflect.Type)
	check = func(path string, v reflect.Type) {
		for f := range v.Fields() {
			if _, isCmd := f.Tag.Lookup("cmd"); isCmd {
				check(path+" "+strings.ToLower(f.Name), f.Type)
				continue
			}
			if _, embedded := f.Tag.Lookup("embed"); embedded || f.Anonymous {
				check(path, f.Type)
				continue
			}
			placeholder := f.Tag.Get("placeholder")
			if f.Type == reflect.TypeFor[[]string]() && slices.Contains([]string{"NAME=JSON", "JSON", "DIR", "FILE"}, placeholder) {
				assert.Equal(t, "none", f.Tag.Get("sep"), "condeval%s: the flag of field %s (%s)", path, f.Name, placeholder)
			}
		}
	}
	check("", reflect.TypeFor[CLI]())
}
