package scxml

import (
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
		for _, it := range d.Items {
			from, to := it.Text.FileSpan(0, len(it.Text.Value))
			raw := string(d.Source.Data[from:to])
			if it.Kind != Program && !strings.ContainsAny(raw, "&\n\t") {
				assert.Equal(t, it.Text.Value, raw, "%s: %s", f, it.Attr)
			}
		}
	}
}
