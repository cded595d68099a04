package statechart

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const w3cDir = "../../shared/conformance-data/w3c-scxml-irp/ecma"

// w3cSkipped are the tests of the ECMAScript IRP set that have no automatic
// verdict here, with the reason.
var w3cSkipped = map[string]string{
	"test178": "manual: a human reads the logged _event.raw of an SCXML event (only the Basic HTTP processor sets raw here)",
}

// w3cManual are manual tests (ecma/MANIFEST.md) whose outcome is checked
// here instead of by a human.
var w3cManual = map[string]func(t *testing.T, path string){
	// The invoked session is cancelled before its timeout: its onexit
	// handlers run, innermost first, and it never reaches its final state.
	"test250": func(t *testing.T, path string) {
		_, steps := runW3C(t, path)
		var logs []string
		for _, l := range logsOf(steps) {
			assert.NotEmpty(t, l.Session, "logged by the invoked session")
			logs = append(logs, l.Message)
		}
		assert.Equal(t, []string{"Exiting sub01", "Exiting sub0"}, logs)
	},
	// An autoforwarded event reaches the child with every field the parent
	// saw.
	"test230": func(t *testing.T, path string) {
		final, steps := runW3C(t, path)
		assert.Equal(t, "final", final)
		seen := map[string][]string{}
		for _, l := range logsOf(steps) {
			seen[l.Session] = append(seen[l.Session], l.Label+l.Message)
		}
		require.Len(t, seen, 2, "both sessions log the event")
		assert.Len(t, seen[""], 7)
		for who, logs := range seen {
			assert.Equal(t, seen[""], logs, "session %q", who)
		}
	},
	// The document cannot be read: it is rejected at load, with where.
	"test301": func(t *testing.T, path string) {
		_, err := Load(path, LoadOptions{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "test301.scxml:5:3: <script src>")
	},
	// Late binding: a variable not bound yet, and a missing property, both
	// read as undefined without an error.
	"test307": func(t *testing.T, path string) {
		final, steps := runW3C(t, path)
		assert.Equal(t, "final", final)
		var logs []string
		for _, l := range logsOf(steps) {
			logs = append(logs, l.Label+l.Message)
		}
		assert.Equal(t, []string{
			"entering s0 value of Var 1 is: undefined", "no error in s0",
			"entering s1, value of non-existent substructure of Var 1 is: undefined", "No error in s1",
		}, logs)
	},
	// The processor may reject the documents; it runs them, and raises
	// error.execution only when the bad expression is evaluated.
	"test313": passes,
	"test314": passes,
	// Entering a top-level final state halts: the event its onentry raises
	// is never processed.
	"test415": func(t *testing.T, path string) {
		final, steps := runW3C(t, path)
		assert.Equal(t, "final", final)
		require.Len(t, steps, 1)
		assert.True(t, steps[0].Done)
		assert.Empty(t, steps[0].Transitions)
	},
}

func passes(t *testing.T, path string) {
	final, steps := runW3C(t, path)
	assert.Equal(t, "pass", final, "steps:\n%s", steps)
}

func logsOf(steps []*Step) []Log {
	var out []Log
	for _, st := range steps {
		out = append(out, st.Logs...)
	}
	return out
}

// w3cFailing are automatic tests that do not reach <final id="pass">, with
// the reason.
var w3cFailing = map[string]string{}

var w3cTest = regexp.MustCompile(`^test\d+\.scxml$`)

func TestW3C(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(w3cDir, "*.scxml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "the W3C suite is missing at %s", w3cDir)
	for _, f := range files {
		base := filepath.Base(f)
		if !w3cTest.MatchString(base) {
			continue // documents the tests load, and the encoding tests (see scxml)
		}
		name := base[:len(base)-len(".scxml")]
		t.Run(name, func(t *testing.T) {
			if why, ok := w3cSkipped[name]; ok {
				t.Skip(why)
			}
			if why, ok := w3cFailing[name]; ok {
				t.Skip("known failure: " + why)
			}
			if check, ok := w3cManual[name]; ok {
				check(t, f)
				return
			}
			passes(t, f)
		})
	}
}

// runW3C runs a test until it ends, jumping the clock over delays.
func runW3C(t *testing.T, path string) (string, []*Step) {
	m, err := Load(path, LoadOptions{})
	require.NoError(t, err)
	s, st, err := m.Start(Options{})
	require.NoError(t, err)
	defer s.Close()
	steps := []*Step{st}
	if !s.Done() {
		steps = append(steps, s.Settle())
	}
	return s.Final(), steps
}
