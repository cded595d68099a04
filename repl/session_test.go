package repl

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/runtime"
)

const (
	testRevoking = "../examples/events/notcontrolled-revoking.json"
	testSystem   = "../examples/system.json"
	// The seed's condition, repaired.
	testSeed = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"
)

// lines joins script or output lines, each ending in a newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// runScript runs a script through a new session loaded with env and
// returns what it wrote.
func runScript(t *testing.T, env runtime.Env, script string) (string, *Session) {
	t.Helper()
	var out bytes.Buffer
	s := New(&out, Options{})
	require.NoError(t, s.Load(env))
	require.NoError(t, s.Run(Input{Lines: ReaderLines(strings.NewReader(script)), File: "<stdin>", Numbered: true}))
	return out.String(), s
}

func revokingEnv(t *testing.T) runtime.Env {
	t.Helper()
	event, err := jsonin.ReadObjectFile(testRevoking)
	require.NoError(t, err)
	system, err := jsonin.ReadObjectFile(testSystem)
	require.NoError(t, err)
	return runtime.Env{Event: event, System: system}
}

func TestSessionSwitchover(t *testing.T) {
	out, s := runScript(t, revokingEnv(t), lines(testSeed, `:set _event.data.resultof = "deletion"`, testSeed, "_event.data.x.y", "(1"))
	assert.Equal(t, lines(
		"false (boolean false)",
		`_event.data.resultof = "deletion"`,
		"true  (boolean true)",
		"false (error.execution TypeError)",
		"<stdin>:4:15: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
		"_event.data.x.y",
		"              ^",
		"false (error.execution SyntaxError)",
		"<stdin>:5:3: error: missing ')' to close '(' opened at 5:1 [C101]",
		"(1",
		"  ^",
	), out)
	assert.False(t, s.Failed())
}

// Load sets what the flags name: globals may be paths, through _data too,
// and a path goes into the object another global sets, whatever the order.
func TestSessionLoad(t *testing.T) {
	env := runtime.Env{
		Event:  map[string]any{"name": "interaction.deleted"},
		States: []string{"s1"},
		Globals: map[string]any{
			"App.y":                    2.0,
			"App":                      map[string]any{"x": 1.0},
			"_data.system.context.ANI": "555",
			"_data.Other":              true,
		},
	}
	out, _ := runScript(t, env, lines("App.x + App.y", "system.ANI", "Other && In('s1')", "_event.name"))
	assert.Equal(t, lines(
		"true  (number 3)",
		`true  (string "555")`,
		"true  (boolean true)",
		`true  (string "interaction.deleted")`,
	), out)

	s := New(io.Discard, Options{})
	assert.EqualError(t, s.Load(runtime.Env{Globals: map[string]any{"JSON": 1.0}}), "cannot set JSON: JSON is an ECMAScript built-in")
}

func TestSessionFailedCommand(t *testing.T) {
	out, s := runScript(t, runtime.Env{}, lines(":nope", "1"))
	assert.Equal(t, lines("error: unknown command :nope; :help lists the commands", "true  (number 1)"), out)
	assert.True(t, s.Failed())
}

func TestHelpListsEveryCommand(t *testing.T) {
	out, _ := runScript(t, runtime.Env{}, ":help\n")
	for _, c := range replCommands() {
		assert.Contains(t, out, "\n  :"+c.name, c.name)
	}
	assert.Contains(t, out, "Ctrl-C clears the line, Ctrl-D leaves.")
}

// :lint applies the .condeval.yaml of the working directory, read afresh
// for each :lint, and shows one that cannot be read as a refused command.
func TestLintConfig(t *testing.T) {
	const script = ":lint _event.data.resultof == 'deleted'\n"
	event := runtime.Env{Event: map[string]any{"name": "interaction.notcontrolled"}}
	t.Chdir(t.TempDir())
	run := func() (string, bool) {
		var b bytes.Buffer
		s := New(&b, Options{})
		require.NoError(t, s.Load(event))
		require.NoError(t, s.Run(Input{Lines: ReaderLines(strings.NewReader(script)), File: "<stdin>"}))
		return b.String(), s.Failed()
	}
	out, failed := run()
	assert.Contains(t, out, "[C203]", "no settings file: the rules' defaults")
	assert.False(t, failed)

	require.NoError(t, os.WriteFile(lint.ConfigName, []byte("disable: [C203]\n"), 0o600))
	out, failed = run()
	assert.Equal(t, "no findings\n", out)
	assert.False(t, failed)

	require.NoError(t, os.WriteFile(lint.ConfigName, []byte("disable: [C999]\n"), 0o600))
	out, failed = run()
	assert.Regexp(t, `^error: .*\.condeval\.yaml:1:11: disable: unknown rule "C999"`, out)
	assert.True(t, failed)
}
