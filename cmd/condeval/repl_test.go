package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	replRevoking = "../../examples/events/notcontrolled-revoking.json"
	replDeletion = "../../examples/events/notcontrolled-deletion.json"
	replSystem   = "../../examples/system.json"
	// The seed's condition, repaired.
	replSeed = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"
)

// runRepl runs condeval repl on a script given through a pipe.
func runRepl(t *testing.T, script string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runWithInput(t, script, append([]string{"repl"}, args...)...)
}

// lines joins script or output lines, each ending in a newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestReplSwitchover(t *testing.T) {
	code, out, stderr := runRepl(t, lines(replSeed, `:set _event.data.resultof = "deletion"`, replSeed),
		"--event", replRevoking, "--system", replSystem)
	assert.Equal(t, 0, code)
	assert.Empty(t, stderr)
	assert.Equal(t, lines(
		"false (boolean false)",
		`_event.data.resultof = "deletion"`,
		"true  (boolean true)",
	), out)
}

// Each answer is the outcome, then the value's JavaScript type and value.
func TestReplAnswers(t *testing.T) {
	tests := []struct{ cond, want string }{
		{"_event.data.resultof", `true  (string "revoking")`},
		{"_event.data.resultof == 'revoking' && _event.data.resultof", `true  (string "revoking")`},
		{"_event.data.nothing", "false (undefined)"},
		{"_event.sendid", "false (undefined)"},
		{"'sendid' in _event", "true  (boolean true)"},
		{"_event.type", `true  (string "external")`},
		{"system.TenantID", "true  (number 101)"},
		{"system.TenantID / 4", "true  (number 25.25)"},
		{"1e21 + 1", "true  (number 1e+21)"},
		{"0 / 0", "false (number NaN)"},
		{"-1 / 0", "true  (number -Infinity)"},
		{"system === _data.system.context", "true  (boolean true)"},
		{"null", "false (null)"},
		{"''", `false (string "")`},
		{"_event.data", `true  (object {"interactionid":"00A1QW4N8C7H2001","resultof":"revoking"})`},
		{"system.uncaughtApplicationEvents", "true  (array [])"},
		{"[1, 'a', null]", `true  (array [1,"a",null])`},
		{"(function () {})", "true  (function)"},
		{"In('_composer_event_handler')", "true  (boolean true)"},
		{"In('elsewhere')", "false (boolean false)"},
		{"App_Target.requestid", `true  (string "R1")`},
		{"_data.App_Target.requestid == App_Target.requestid", "true  (boolean true)"},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			code, out, _ := runRepl(t, tt.cond+"\n", "--event", replRevoking, "--system", replSystem,
				"--state", "_composer_event_handler", "--global", `App_Target={"requestid":"R1","targetid":"T1"}`)
			assert.Equal(t, 0, code)
			assert.Equal(t, tt.want+"\n", out)
		})
	}
}

// A condition that throws is false and shows its error.execution with a
// caret; a syntax error shows the front end's diagnostic, never goja's.
func TestReplErrorDisplay(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"TypeError", "_event.data.x.y\n", lines(
			"false (error.execution TypeError)",
			"<stdin>:1:15: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
			"_event.data.x.y",
			"              ^",
		)},
		{"ReferenceError on the third line of the input", "_event.name\n\nApp_Missing\n", lines(
			`true  (string "interaction.notcontrolled")`,
			"false (error.execution ReferenceError)",
			"<stdin>:3:1: error: ReferenceError: App_Missing is not defined [error.execution]",
			"App_Missing",
			"^",
			"note: App_Missing is not defined: nothing set App_Missing (:set App_Missing = JSON, or --global App_Missing=JSON)",
		)},
		{"the seed's missing parenthesis", replSeed[:len(replSeed)-1] + "\n\n", lines(
			"false (error.execution SyntaxError)",
			"<stdin>:1:114: error: missing ')' to close '(' opened at 1:54 [C101]",
			replSeed[:len(replSeed)-1],
			strings.Repeat(" ", 113)+"^",
		)},
		{"ES2020 syntax", "_event.data.tags ?? []\n", lines(
			"false (error.execution SyntaxError)",
			"<stdin>:1:18: error: nullish coalescing (??) is ES2020; ORS evaluates ES5 [C110]",
			"_event.data.tags ?? []",
			"                 ^~",
			"  = help: write (a != null ? a : b)",
		)},
		{"error inside a multi-line entry", "true &&\n  _event.data.a.b\n", lines(
			"false (error.execution TypeError)",
			"<stdin>:2:17: error: TypeError: Cannot read property 'b' of undefined [error.execution]",
			"  _event.data.a.b",
			"                ^",
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, _ := runRepl(t, tt.script, "--event", replRevoking)
			assert.Equal(t, 0, code, "an error answer is not a failed command")
			assert.Equal(t, tt.want, out)
			assert.NotContains(t, out, "goja")
		})
	}
}

// An entry goes on while a bracket is open, after a trailing operator, or
// while a command's JSON is open; an empty line or the end of the input
// ends it.
func TestReplMultiLine(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"open bracket", lines("(_event.data.resultof ==", "   'revoking'", ")"), "true  (boolean true)\n"},
		{"trailing operator", lines("_event.data.resultof == 'revoking' &&", "_event.name == 'interaction.notcontrolled'"), "true  (boolean true)\n"},
		{"string continued by a backslash", lines(`_event.data.resultof == 'revo\`, `king'`), "true  (boolean true)\n"},
		{"empty line ends an open entry", lines("(_event.data.resultof", "", "1"), lines(
			"false (error.execution SyntaxError)",
			"<stdin>:1:22: error: missing ')' to close '(' opened at 1:1 [C101]",
			"(_event.data.resultof",
			"                     ^",
			"true  (number 1)",
		)},
		{"end of input ends an open entry", "[1,\n2", lines(
			"false (error.execution SyntaxError)",
			"<stdin>:2:2: error: missing ']' to close '[' opened at 1:1 [C101]",
			"2",
			" ^",
		)},
		{"positions count the lines before the entry", "1\n\n[1,\n2", lines(
			"true  (number 1)",
			"false (error.execution SyntaxError)",
			"<stdin>:4:2: error: missing ']' to close '[' opened at 3:1 [C101]",
			"2",
			" ^",
		)},
		{"JSON over several lines", lines(":event {", `  "name": "interaction.deleted",`, `  "data": {"resultof": "deletion"}`, "}", "_event.data.resultof"), lines(
			`_event = {"data":{"resultof":"deletion"},"name":"interaction.deleted"}`,
			`true  (string "deletion")`,
		)},
		{"comment lines are skipped", lines("// a comment", "1"), "true  (number 1)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, out, _ := runRepl(t, tt.script, "--event", replRevoking)
			assert.Equal(t, tt.want, out)
		})
	}
}

// Every command, what it answers, and the exit code of a script that uses
// it (2 once a command was refused).
func TestReplCommands(t *testing.T) {
	tests := []struct {
		name, script, want string
		code               int
	}{
		{":event FILE", lines(":event "+replDeletion, "_event.data.resultof"), lines(
			`_event = {"data":{"interactionid":"00A1QW4N8C7H2001","resultof":"deletion"},"name":"interaction.notcontrolled","origin":"fm://interaction","type":"external"}`,
			`true  (string "deletion")`,
		), 0},
		{":event JSON", lines(`:event {"name": "interaction.present"}`, "_event.name + ' ' + _event.type"), lines(
			`_event = {"name":"interaction.present"}`,
			`true  (string "interaction.present external")`,
		), 0},
		{":event bad JSON", lines(`:event {"name": }`), "error: 1:10: invalid JSON: invalid character '}' looking for beginning of value\n", 2},
		{":event missing file", lines(":event nowhere.json"), "error: open nowhere.json: no such file or directory\n", 2},
		{":event without argument", lines(":event"), "error: :event needs a file or a JSON object\n", 2},
		{":system JSON", lines(`:system {"InteractionID": "X"}`, "system.InteractionID == _data.system.context.InteractionID"), lines(
			`system = {"InteractionID":"X"}`,
			"true  (boolean true)",
		), 0},
		{":set and :unset", lines(`:set _event.data.resultof = "routing"`, "_event.data.resultof", ":unset _event.data.resultof", "_event.data.resultof"), lines(
			`_event.data.resultof = "routing"`,
			`true  (string "routing")`,
			"_event.data.resultof is unset",
			"false (undefined)",
		), 0},
		{":set system through _data", lines(`:set _data.system.context.ANI = "5550000"`, "system.ANI"), lines(
			`_data.system.context.ANI = "5550000"`,
			`true  (string "5550000")`,
		), 0},
		{":set a global", lines(`:set App_Target1 = {"requestid": 7}`, "_data.App_Target1.requestid + App_Target1.requestid"), lines(
			`App_Target1 = {"requestid":7}`,
			"true  (number 14)",
		), 0},
		{":set _sessionid", lines(`:set _sessionid = "S1"`, "_sessionid"), lines(
			`_sessionid = "S1"`,
			`true  (string "S1")`,
		), 0},
		{":set creates objects on the way", lines(`:set _event.data.party.role = "agent"`, "_event.data.party"), lines(
			`_event.data.party.role = "agent"`,
			`true  (object {"role":"agent"})`,
		), 0},
		{":set without =", lines(":set _event.data.resultof"), "error: usage: :set PATH = JSON, e.g. :set _event.data.resultof = \"revoking\"\n", 2},
		{":set bad JSON", lines(":set _event.data.resultof = {revoking}"), "error: value of _event.data.resultof: 1:3: invalid JSON: invalid character 'r' looking for beginning of object key string\n", 2},
		{":set a bare word", lines(":set _event.data.resultof = revoking"), "note: revoking is not JSON; read as the string \"revoking\" (JSON strings take quotes)\n_event.data.resultof = \"revoking\"\n", 0},
		{":set a built-in", lines(":set Math = 1"), "error: cannot set Math: Math is an ECMAScript built-in\n", 2},
		{":set the data model", lines(":set In = 1"), "error: cannot set In: In is provided by the data model\n", 2},
		{":set _event to a string", lines(`:set _event = "x"`), "error: _event must be a JSON object, not a string\n", 2},
		{":set through a string", lines(`:set _event.name.first = 1`), "error: cannot set _event.name.first: _event.name is a string\n", 2},
		{":unset a missing value", lines(":unset _event.data.resultOf"), "error: cannot unset _event.data.resultOf: it is not set\n", 2},
		{":state", lines(":state a b", "In('a') && In('b')", ":state", "In('a')"), lines(
			"states: a b",
			"true  (boolean true)",
			"states: (none)",
			"false (boolean false)",
		), 0},
		{":show", lines(`:set App_X = 1`, ":state s1", ":show"), lines(
			"App_X = 1",
			"states: s1",
			"_event = {",
			`  "data": {`,
			`    "interactionid": "00A1QW4N8C7H2001",`,
			`    "resultof": "revoking"`,
			"  },",
			`  "name": "interaction.notcontrolled",`,
			`  "origin": "fm://interaction",`,
			`  "type": "external"`,
			"}",
			"system: not loaded (its fields read as undefined)",
			"App_X = 1",
			"states: s1",
		), 0},
		{":lint a clean condition", lines(":lint " + replSeed), "no findings\n", 0},
		{":lint with nothing to lint", lines(":lint"), "error: usage: :lint EXPR (or type a condition first and then :lint)\n", 2},
		{":load", lines(":load testdata/repl/switchover.repl"), lines(
			"cond> // The seed's switchover: the default \"interaction deleted\" condition",
			"cond> // against a revoking and then a deletion interaction.notcontrolled.",
			"cond> :event ../../examples/events/notcontrolled-revoking.json",
			`_event = {"data":{"interactionid":"00A1QW4N8C7H2001","resultof":"revoking"},"name":"interaction.notcontrolled","origin":"fm://interaction","type":"external"}`,
			"cond> :system ../../examples/system.json",
			`system = {"ANI":"5551234","CallID":"41C4EAB7-5F1C-4A50-9A2B-7D80E1B6F0C2","DNIS":"8005550100","InitialInteractionID":"00A1QW4N8C7H2001","InteractionID":"00A1QW4N8C7H200…`,
			"cond> _event.data.interactionid == system.InteractionID &&",
			"  ...   (!_event.data.resultof || _event.data.resultof == 'deletion')",
			"false (boolean false)",
			`cond> :set _event.data.resultof = "deletion"`,
			`_event.data.resultof = "deletion"`,
			"cond> "+replSeed,
			"true  (boolean true)",
		), 0},
		{":load a missing file", lines(":load nowhere.repl"), "error: open nowhere.repl: no such file or directory\n", 2},
		{":load a file that loads itself", lines(":load testdata/repl/loops.repl"), lines(
			"cond> :load testdata/repl/loops.repl",
			"error: :load testdata/repl/loops.repl: the file is already being loaded",
		), 2},
		{":quit stops reading", lines("1", ":quit", "2"), "true  (number 1)\n", 0},
		{":q is :quit", lines(":q", "2"), "", 0},
		{"unknown command", lines(":sate x"), "error: unknown command :sate (did you mean :state?); :help lists the commands\n", 2},
		{"ambiguous command", lines(":s"), "error: :s is ambiguous: :system, :set, :state, :show, :simulate, :send\n", 2},
		{"a refused command does not stop the script", lines(":nope", "1"), lines(
			"error: unknown command :nope; :help lists the commands",
			"true  (number 1)",
		), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runRepl(t, tt.script, "--event", replRevoking)
			assert.Equal(t, tt.want, out)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stderr)
		})
	}
}

// :lint shows the linter's findings (their wording belongs to the rules)
// with the caret, for the loaded event.
func TestReplLint(t *testing.T) {
	tests := []struct {
		name, script string
		want         []string
	}{
		{"EXPR", ":lint _event.data.resultof == 'deleted'\n", []string{
			"<expr>:1:25: warning: ",
			"[C203]\n_event.data.resultof == 'deleted'\n                        ^~~~~~~~~\n",
			"= help: did you mean 'deletion'?",
		}},
		{"the last condition", "_event.data.resultOf\n:lint\n", []string{
			"false (undefined)\n<expr>:1:13: warning: ",
			"[C202]\n_event.data.resultOf\n            ^~~~~~~~\n",
			"= help: did you mean 'resultof'?",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, _ := runRepl(t, tt.script, "--event", replRevoking)
			assert.Equal(t, 0, code)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
		})
	}
}

// :lint applies the .condeval.yaml that lint -e applies.
func TestReplLintHonoursTheConfigFile(t *testing.T) {
	event, err := filepath.Abs(replRevoking)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".condeval.yaml"), []byte("disable: [enum-value]\n"), 0o600))
	t.Chdir(dir)
	const expr = "_event.data.resultof == 'deleted'"
	code, out, _ := runWithInput(t, "", "lint", "-e", expr)
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	code, out, _ = runRepl(t, ":lint "+expr+"\n", "--event", event)
	assert.Equal(t, 0, code)
	assert.Equal(t, "no findings\n", out)

	require.NoError(t, os.WriteFile(filepath.Join(dir, ".condeval.yaml"), []byte("disable: [no-such-rule]\n"), 0o600))
	code, out, _ = runRepl(t, ":lint "+expr+"\n", "--event", event)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, "error: ")
	assert.Contains(t, out, "no-such-rule")
}

// --echo prints each line after its prompt, so that a piped session reads
// like the terminal one (the README transcript is made this way).
func TestReplEcho(t *testing.T) {
	_, out, _ := runRepl(t, lines("(1 +", "1)", "", ":state a"), "--echo")
	assert.Equal(t, lines(
		"cond> (1 +",
		"  ... 1)",
		"true  (number 2)",
		"cond> :state a",
		"states: a",
	), out)
}

func TestReplStartUpErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing event file", []string{"--event", "nowhere.json"}, "condeval: cannot read --event nowhere.json: no such file or directory\n"},
		{"event file that is not an object", []string{"--event", "testdata/repl/loops.repl"}, "condeval: testdata/repl/loops.repl:1:1: invalid JSON: invalid character ':' looking for beginning of value\n"},
		{"global without =", []string{"--global", "App_X"}, "condeval: --global App_X: want NAME=JSON\nTry 'condeval repl --help' for more information.\n"},
		{"global with bad JSON", []string{"--global", "App_X={"}, "condeval: --global App_X: 1:2: invalid JSON: unexpected end of JSON input\n"},
		{"global that is a built-in", []string{"--global", "JSON=1"}, "condeval: --global: cannot set JSON: JSON is an ECMAScript built-in\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runRepl(t, "1\n", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out, "nothing runs after a start-up error")
			assert.Equal(t, tt.wantErr, stderr)
		})
	}
}

// A pipe gets plain answers: no prompt, no colour, whatever NO_COLOR says.
func TestReplPipeIsPlain(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	_, out, _ := runRepl(t, lines("1", "0", "nope"))
	require.NotEmpty(t, out)
	assert.NotContains(t, out, "\x1b[")
	assert.NotContains(t, out, promptMain)
}

func TestUseColour(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		noColor  string
		want     bool
	}{
		{"terminal", true, "", true},
		{"terminal with NO_COLOR", true, "1", false},
		{"pipe", false, "", false},
		{"pipe with NO_COLOR", false, "1", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, useColour(tt.terminal, tt.noColor), tt.name)
	}
}
