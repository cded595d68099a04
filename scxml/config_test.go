package scxml

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const conformanceData = "../../shared/conformance-data"

func parseFile(t *testing.T, path string) *Document {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := Parse(path, src)
	require.NoError(t, err)
	return d
}

// SCION tests state the configuration each test starts in.
func TestInitialConfigurationOfSCIONTests(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(conformanceData, "scion/*/*.scxml"))
	if len(files) == 0 {
		t.Skip("conformance data not at hand")
	}
	// SCION reports the configuration after the first macrostep; these tests
	// leave their first state by an unconditional eventless transition,
	// which InitialConfiguration does not take.
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
			got := parseFile(t, f).InitialConfiguration()
			if alt, ok := afterEventless[name]; ok {
				assert.ElementsMatch(t, alt, got)
				return
			}
			assert.ElementsMatch(t, want.InitialConfiguration, got)
		})
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
			d, err := Parse("t.scxml", []byte(tt.doc))
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.InitialConfiguration())
		})
	}
}

func TestStateTreeOfTestInPredicate(t *testing.T) {
	path := filepath.Join(conformanceData, "scion/in/TestInPredicate.scxml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("conformance data not at hand")
	}
	d := parseFile(t, path)
	assert.Equal(t, "ecmascript", d.Datamodel)
	p := d.State("p1")
	require.NotNil(t, p)
	assert.Equal(t, TypeParallel, p.Type)
	assert.Equal(t, []string{"r1", "r2"}, ids(p.Children))
	c2 := d.State("c2")
	require.NotNil(t, c2.Default)
	assert.Equal(t, []string{"d2"}, c2.Default.Targets)
	assert.Equal(t, []string{"r2", "p1", "_generated_scxml_0"}, ids(d.State("c2").Ancestors()))

	a1 := d.State("a1")
	require.Len(t, a1.Transitions, 1)
	tr := a1.Transitions[0]
	assert.Equal(t, "t1", tr.Event.Value)
	assert.Equal(t, "In('a1')", tr.Cond.Value)
	assert.Equal(t, []string{"b1"}, tr.Targets)
	assert.Equal(t, "external", tr.Type)
	assert.Equal(t, 32, tr.Pos.Line)
	assert.Equal(t, 32, tr.Cond.Pos(0).Line)
	assert.Equal(t, 58, tr.Cond.Pos(0).Column)

	active, err := d.ActiveSet([]string{"a1", "d2"})
	require.NoError(t, err)
	assert.Equal(t, []string{"p1", "r1", "a1", "r2", "c2", "d2"}, ids(active))
	_, err = d.ActiveSet([]string{"nope"})
	assert.ErrorContains(t, err, `no state with id "nope"`)
}

func ids(states []*State) []string {
	var out []string
	for _, s := range states {
		out = append(out, s.ID)
	}
	return out
}

// Every W3C test parses, and every condition it holds is found where it is.
func TestConformanceDocumentsParse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(conformanceData, "*/*.scxml"))
	if len(files) == 0 {
		t.Skip("conformance data not at hand")
	}
	for _, f := range files {
		d := parseFile(t, f)
		require.NotEmpty(t, d.InitialConfiguration(), f)
		for _, it := range d.Items {
			from, to := it.Text.FileSpan(0, len(it.Text.Value))
			raw := string(d.Source.Data[from:to])
			if it.Kind != Program && !strings.ContainsAny(raw, "&\n\t") {
				assert.Equal(t, it.Text.Value, raw, "%s: %s", f, it.Attr)
			}
		}
	}
}
