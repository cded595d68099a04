package statechart

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/scxml"
)

const conformanceData = "../../shared/conformance-data"

func parseFile(t *testing.T, path string) *scxml.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	return parse(t, string(src))
}

// SCION tests state the configuration each test starts in.
func TestInitialConfigurationOfSCIONTests(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(conformanceData, "scion/*/*.scxml"))
	if len(files) == 0 {
		t.Skip("conformance data not at hand")
	}
	// SCION reports the configuration after the first macrostep; these tests
	// leave their first state by an unconditional eventless transition,
	// which initialConfiguration does not take.
	afterEventless := map[string][]string{"TestConditionalTransition": {"a"}}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".scxml")
		t.Run(filepath.Base(filepath.Dir(f))+"/"+name, func(t *testing.T) {
			var want struct {
				InitialConfiguration []string `json:"initialConfiguration"`
			}
			raw, err := os.ReadFile(strings.TrimSuffix(f, ".scxml") + ".json")
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(raw, &want))
			got := initialConfiguration(parseFile(t, f))
			if alt, ok := afterEventless[name]; ok {
				assert.ElementsMatch(t, alt, got)
				return
			}
			assert.ElementsMatch(t, want.InitialConfiguration, got)
		})
	}
}

// Every W3C and SCION document starts in a configuration its chart knows.
func TestConformanceDocumentsConfigure(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(conformanceData, "*/*.scxml"))
	if len(files) == 0 {
		t.Skip("conformance data not at hand")
	}
	for _, f := range files {
		d := parseFile(t, f)
		initial := initialConfiguration(d)
		require.NotEmpty(t, initial, f)
		_, err := documentChart(d).configure(initial)
		require.NoError(t, err, f)
	}
}

func TestInitialConfiguration(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"first child by default", `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"/><state id="b"/></scxml>`, []string{"a"}},
		{"initial attribute on the root", `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="b"><state id="a"/><state id="b"/></scxml>`, []string{"b"}},
		{"nested compound", `<scxml><state id="a" initial="a2"><state id="a1"/><state id="a2"><state id="a21"/></state></state></scxml>`, []string{"a21"}},
		{"initial element", `<scxml><state id="a"><initial><transition target="a2"/></initial><state id="a1"/><state id="a2"/></state></scxml>`, []string{"a2"}},
		{"parallel regions all active", `<scxml><parallel id="p"><state id="r1"><state id="x"/></state><state id="r2"/><history id="h"/></parallel></scxml>`, []string{"x", "r2"}},
		{"deep target through a parallel enters the other regions", `<scxml initial="b2"><parallel id="p"><state id="r1"><state id="a1"/><state id="b1"/></state><state id="r2"><state id="a2"/><state id="b2"/></state></parallel></scxml>`, []string{"a1", "b2"}},
		{"two targets in parallel regions", `<scxml initial="b1 b2"><parallel id="p"><state id="r1"><state id="a1"/><state id="b1"/></state><state id="r2"><state id="a2"/><state id="b2"/></state></parallel></scxml>`, []string{"b1", "b2"}},
		{"history default", `<scxml><state id="s" initial="h"><history id="h"><transition target="s2"/></history><state id="s1"/><state id="s2"/></state></scxml>`, []string{"s2"}},
		{"final", `<scxml><final id="done"/></scxml>`, []string{"done"}},
		{"unknown initial falls back to the first child", `<scxml><state id="a" initial="nowhere"><state id="a1"/></state></scxml>`, []string{"a1"}},
		{"anonymous states get ids", `<scxml><state><state/></state></scxml>`, []string{"_generated_state_2"}},
		{"empty document", `<scxml/>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.doc)
			assert.Equal(t, tt.want, initialConfiguration(d))
			assert.Equal(t, tt.want, DocumentHandlers(d).DefaultStates())
		})
	}
}

func TestGeneratedIPDStartsInInitAndHandlerRegion(t *testing.T) {
	set, err := LoadHandlers(filepath.Join("..", "examples", "src-gen", "IPD_default_defaultWorkflow.scxml"), testTimeout)
	require.NoError(t, err)
	assert.Equal(t, []string{"_composer_init", "_composer_event_handler"}, set.DefaultStates())
}

// The active configuration of a dispatch is the named states and all their
// ancestors, in document order; In() sees exactly these.
func TestConfigurationAddsAncestors(t *testing.T) {
	path := filepath.Join(conformanceData, "scion/in/TestInPredicate.scxml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("conformance data not at hand")
	}
	c := documentChart(parseFile(t, path))
	cfg, err := c.configure([]string{"a1", "d2"})
	require.NoError(t, err)
	assert.Equal(t, []string{"p1", "r1", "a1", "r2", "c2", "d2"}, cfg.ids)
	_, err = c.configure([]string{"nope"})
	assert.ErrorContains(t, err, `no state "nope"`)
}

func FuzzDocumentHandlers(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(conformanceData, "scion/*/*.scxml"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(parallelDoc))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := scxml.Parse("f.scxml", data)
		if err != nil {
			return
		}
		set := DocumentHandlers(d, testTimeout)
		if _, err := set.chart.configure(set.DefaultStates()); err != nil {
			t.Fatal(err)
		}
	})
}

// A default that leads back to itself, through a history state or an
// initial attribute naming its own state, is followed once: reading the
// document and running it both end, in the states the rest of it names.
func TestLoopingDefaultsEnd(t *testing.T) {
	tests := []struct {
		name, states string
		want         []string
	}{
		{"history default naming itself", `<state id="s" initial="h s2"><history id="h"><transition target="h h"/></history><state id="s1"/><state id="s2"/></state>`, []string{"s2"}},
		{"initial naming its own state", `<state id="s" initial="s s s2"><state id="s1"/><state id="s2"/></state>`, []string{"s2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := scxmlHead + ">" + tt.states + "</scxml>"
			assert.Equal(t, tt.want, initialConfiguration(parse(t, doc)))
			s, _ := start(t, t.TempDir(), doc, Options{})
			assert.Equal(t, tt.want, s.Configuration())
		})
	}
}

// A transition into a history state whose default leads back to the same
// history state is a broken document; taking it must end, not recurse.
func TestTransitionIntoALoopingHistoryEnds(t *testing.T) {
	doc := scxmlHead + ` initial="a"><state id="a"><transition event="go" target="h"/></state>` +
		`<state id="s"><history id="h"><transition target="h"/></history><state id="s1"/></state></scxml>`
	s, _ := start(t, t.TempDir(), doc, Options{})
	st := s.Send(Event{Name: "go"})
	assert.Equal(t, []string{"a"}, st.Configuration, "nothing more can be entered: the transition is taken as targetless")
}
