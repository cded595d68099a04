package repl

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testCompleter completes against the shipped revoking event and system
// variables, one global, and the files of the working directory.
func testCompleter(t *testing.T) completer {
	t.Helper()
	s := New(io.Discard, Options{})
	env := revokingEnv(t)
	env.Globals = map[string]any{"App_Target": map[string]any{"requestid": "R1", "agent": map[string]any{"dn": "7001"}}}
	require.NoError(t, s.Load(env))
	return s.completer()
}

func TestCompleteCandidates(t *testing.T) {
	c := testCompleter(t)
	tests := []struct {
		name     string
		line     string
		wantHead string
		want     []string // exactly these, in this order
	}{
		{"a global", "_ev", "", []string{"_event"}},
		{"after an operator", "!_ev", "!", []string{"_event"}},
		{"a keyword", "typ", "", []string{"typeof"}},
		{"the session's own global", "App_T", "", []string{"App_Target"}},
		{"a loaded global's fields", "App_Target.", "App_Target.", []string{"agent", "requestid"}},
		{"nested payload fields", "App_Target.agent.", "App_Target.agent.", []string{"dn"}},
		{"_event.data fields by prefix", "_event.data.re", "_event.data.", []string{"resultof"}},
		{"case repaired when nothing matches exactly", "_event.data.resultOf", "_event.data.", []string{"resultof"}},
		{"system from the catalog and the payload", "system.Int", "system.", []string{"InteractionID", "InteractionMediaType", "InteractionSubType", "InteractionType", "InteractionUID"}},
		{"system through _data", "_data.system.context.AN", "_data.system.context.", []string{"ANI"}},
		{"_data.system", "_data.system.c", "_data.system.", []string{"context"}},
		{"_data lists the session's globals", "_data.", "_data.", []string{"App_Target", "keepGVPSessionAlive", "start_workflow_onrouterequest", "system"}},
		{"a bracket key in a string", "_event.data['res", "_event.data['", []string{"resultof'"}},
		{"resultof values after a bracket key", "_event.data['resultof'] == 'de", "_event.data['resultof'] == '", []string{"detaching'", "deletion'"}},
		{"escapes in the typed value", `_event.data.resultof == 'del`, `_event.data.resultof == '`, []string{"deletion'"}},
		{"bracket access", "_event['data'].inter", "_event['data'].", []string{"interactionid"}},
		{"computed key", "_genesys.ixn.interactions[system.InteractionID].par", "_genesys.ixn.interactions[system.InteractionID].", []string{"parentid", "parties"}},
		{"resultof values in a string after ==", "_event.data.resultof == '", "_event.data.resultof == '",
			[]string{"detaching'", "deletion'", "routing'", "revoking'"}},
		{"resultof values after ===, by prefix", `_event.data.resultof === "de`, `_event.data.resultof === "`, []string{`detaching"`, `deletion"`}},
		{"resultof values after !=", "_event.data.resultof != 'r", "_event.data.resultof != '", []string{"routing'", "revoking'"}},
		{"quoted resultof values before the string", "_event.data.resultof == ", "_event.data.resultof == ",
			[]string{"'detaching'", "'deletion'", "'routing'", "'revoking'"}},
		{"in a later clause", "a && (!_event.data.resultof || _event.data.resultof == 'del", "a && (!_event.data.resultof || _event.data.resultof == '", []string{"deletion'"}},
		{"command names", ":s", "", []string{":system ", ":set ", ":state ", ":show", ":simulate ", ":send "}},
		{"command after spaces", "  :he", "  ", []string{":help"}},
		{"a path after :set", ":set _event.data.res", ":set _event.data.", []string{"resultof"}},
		{"a value after :set PATH =", `:set _event.data.resultof = "re`, `:set _event.data.resultof = "`, []string{"revoking\""}},
		{"a path after :unset", ":unset App_Target.re", ":unset App_Target.", []string{"requestid"}},
		{"a condition after :lint", ":lint _event.da", ":lint _event.", []string{"data"}},
		{"a file after :event", ":event ../examples/events/notcontrolled-r", ":event ",
			[]string{"../examples/events/notcontrolled-revoking.json", "../examples/events/notcontrolled-routing.json"}},
		{"a directory after :load", ":load ../examples/ev", ":load ", []string{"../examples/events/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head, got, tail := c.complete(tt.line, len([]rune(tt.line)))
			assert.Equal(t, tt.wantHead, head)
			assert.Equal(t, tt.want, got)
			assert.Empty(t, tail)
		})
	}
}

// Completion offers the fields of the data and the catalog, never what
// every object inherits.
func TestCompleteOffersNoInheritedMembers(t *testing.T) {
	_, got, _ := testCompleter(t).complete("_event.", 7)
	assert.Equal(t, []string{"data", "invokeid", "name", "origin", "origintype", "raw", "sendid", "type"}, got)
	for _, line := range []string{"_event.c", "_event.h", "system.t", "_event.data.resultof.", "App_Target.agent.c"} {
		_, got, _ := testCompleter(t).complete(line, len(line))
		assert.NotContains(t, got, "constructor", line)
		assert.NotContains(t, got, "hasOwnProperty", line)
		assert.NotContains(t, got, "toSource", line)
	}
}

func TestCompleteNothing(t *testing.T) {
	c := testCompleter(t)
	tests := []struct{ name, line string }{
		{"inside a comment", "// _ev"},
		{"inside a block comment", "/* _ev"},
		{"inside a string that is not compared", "'_ev"},
		{"a string compared with an unknown field", "_event.data.nothing == '"},
		{"a member of a call", "foo()."},
		{"a member of a number", "1."},
		{"a string's methods", "_event.data.resultof.index"},
		{"a digit", "1"},
		{":state takes ids", ":state _ev"},
		{"an unknown command's argument", ":nope _ev"},
		{"a file that does not exist", ":load nowhere/x"},
		{"JSON after :event", `:event {"na`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, _ := c.complete(tt.line, len([]rune(tt.line)))
			assert.Empty(t, got)
		})
	}
}

// The cursor may sit inside the line: what follows it is kept, and a
// closing quote already there is not doubled.
func TestCompleteInsideTheLine(t *testing.T) {
	c := testCompleter(t)
	line := "_event.data.resultof == 'de' && x"
	head, got, tail := c.complete(line, len("_event.data.resultof == 'de"))
	assert.Equal(t, "_event.data.resultof == '", head)
	assert.Equal(t, []string{"detaching", "deletion"}, got)
	assert.Equal(t, "' && x", tail)

	// Positions count runes, as the line editor does.
	line = "'é' == 'é' && _event.da"
	head, got, tail = c.complete(line, len([]rune(line)))
	assert.Equal(t, "'é' == 'é' && _event.", head)
	assert.Equal(t, []string{"data"}, got)
	assert.Empty(t, tail)
}

func TestCompleteHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".hidden.json", "event.json"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("{}"), 0o600))
	}
	c := completer{readDir: os.ReadDir}
	_, got, _ := c.complete(":event "+dir+"/", len([]rune(":event "+dir+"/")))
	assert.Equal(t, []string{dir + "/event.json"}, got)
	_, got, _ = c.complete(":event "+dir+"/.", len([]rune(":event "+dir+"/.")))
	assert.Equal(t, []string{dir + "/.hidden.json"}, got)
}
