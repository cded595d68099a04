package statechart

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const scionDir = "../../shared/conformance-data/scion-suite"

// scionCase is a SCION test's NAME.json.
type scionCase struct {
	Initial []string     `json:"initialConfiguration"`
	Events  []scionEvent `json:"events"`
	Legacy  *scionCase   `json:"legacySemantics"`
}

type scionEvent struct {
	After int64 `json:"after"`
	Event struct {
		Name string `json:"name"`
		Data any    `json:"data"`
	} `json:"event"`
	Next []string `json:"nextConfiguration"`
}

// scionFailing are SCION tests whose configuration differs, with the reason.
var scionFailing = map[string]string{}

// scionLegacy are the tests whose "legacySemantics" expectations are the
// W3C Recommendation's: SCION's own semantics take a transition from a
// parallel region to itself as leaving only the region, but W3C's findLCCA
// looks only at compound states and <scxml>, so the transition leaves the
// <parallel> too.
var scionLegacy = map[string]bool{"more-parallel/test10": true, "more-parallel/test10b": true}

func TestSCION(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(scionDir, "*", "*.scxml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "the SCION suite is missing at %s", scionDir)
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, scionDir+"/"), ".scxml")
		t.Run(name, func(t *testing.T) {
			if why, ok := scionFailing[name]; ok {
				t.Skip("known failure: " + why)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(f, ".scxml") + ".json")
			require.NoError(t, err)
			var c scionCase
			require.NoError(t, json.Unmarshal(raw, &c))
			if scionLegacy[name] {
				require.NotNil(t, c.Legacy)
				c = *c.Legacy
			}
			m, err := Load(f, LoadOptions{})
			require.NoError(t, err)
			s, st, err := m.Start(Options{})
			require.NoError(t, err)
			assert.Equal(t, sorted(c.Initial), sorted(s.Configuration()), "after start-up; errors %v", st.Errors)
			for i, e := range c.Events {
				if e.After > 0 {
					s.Advance(e.After)
				}
				st := s.Send(Event{Name: e.Event.Name, Data: e.Event.Data})
				assert.Equal(t, sorted(e.Next), sorted(s.Configuration()), "after event %d (%s); errors %v", i+1, e.Event.Name, st.Errors)
			}
		})
	}
}

func sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	if out == nil {
		out = []string{}
	}
	return out
}
