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
	// Manual tests (ecma/MANIFEST.md): no automatic verdict.
	"test178": "manual: a human checks the log output",
	"test230": "manual: a human compares the logged _event fields",
	"test301": "manual: the processor may reject the document (it does: a missing <script src>)",
	"test307": "manual: a human checks that late-bound data logs undefined",
	"test313": "manual: the processor may reject the document or raise error.execution",
	"test314": "manual: error.execution is raised only when the bad expression runs",
	"test415": "manual: a human checks that the session halts",
	"test513": "manual: a human runs wget against the HTTP processor",
}

// w3cManual are manual tests whose log output is checked here instead of
// by a human.
var w3cManual = map[string]func(t *testing.T, steps []*Step){
	// The invoked session is cancelled before its timeout: its onexit
	// handlers run, innermost first, and it never reaches its final state.
	"test250": func(t *testing.T, steps []*Step) {
		var logs []string
		for _, st := range steps {
			for _, l := range st.Logs {
				assert.NotEmpty(t, l.Session, "logged by the invoked session")
				logs = append(logs, l.Message)
			}
		}
		assert.Equal(t, []string{"Exiting sub01", "Exiting sub0"}, logs)
	},
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
			final, steps := runW3C(t, f)
			if check, ok := w3cManual[name]; ok {
				check(t, steps)
				return
			}
			assert.Equal(t, "pass", final, "steps:\n%s", steps)
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
