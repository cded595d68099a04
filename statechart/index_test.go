package statechart

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
)

// The index hands dispatch exactly the enabled handlers whose descriptors
// match the event's name, whatever form the descriptors take.
func TestCandidatesAreTheHandlersWhoseDescriptorsMatch(t *testing.T) {
	attrs := []string{
		"a", "a.b", "a.b.c", "a.*", "a.", "a..", "*", ".*", ".", "a.b a", "a a.*",
		"b", "ab", "a.bc", "foo*", "interaction.notcontrolled*", "*.deleted", "", "a.b.c.d.e",
	}
	var src strings.Builder
	src.WriteString("handlers:\n")
	for i, attr := range attrs {
		fmt.Fprintf(&src, "  - {name: h%d, event: %q}\n", i, attr)
		fmt.Fprintf(&src, "  - {name: off%d, event: %q, enabled: false}\n", i, attr)
	}
	set, err := ReadHandlerFile("h.yaml", []byte(src.String()), testTimeout)
	require.NoError(t, err)

	names := []string{
		"", "a", "a.b", "a.b.c", "a.b.c.d", "a.b.c.d.e", "a.b.c.d.e.f", "a.", "a..", "a...x", "ab", "ab.c",
		"a.bc", "a.bcd", "b", "b.a", "foo", "foo*", "foo*.x", "interaction.notcontrolled",
		"interaction.notcontrolled*", "*.deleted", "x.deleted", ".", ".a", "*", "é.a",
	}
	for _, name := range names {
		var want []string
		for _, h := range set.Handlers {
			if h.Enabled && h.Event.Match(name) {
				want = append(want, h.Name)
			}
		}
		assert.Equal(t, want, handlerNames(set.index.candidates(false, name, nil)), "event %q", name)
	}
	assert.Equal(t, []string{fmt.Sprintf("h%d", slices.Index(attrs, ""))}, handlerNames(set.index.candidates(true, "", nil)), "an eventless step")
}

// A dispatch that hits several stems merges their handlers into the
// caller's buffer and leaves the index's own lists as they were.
func TestCandidatesMergeLeavesTheIndexAlone(t *testing.T) {
	set, err := ReadHandlerFile("h.yaml", []byte(`
handlers:
  - {name: deep, event: a.b.c}
  - {name: all, event: "*"}
  - {name: top, event: a}
  - {name: mid, event: a.b}
`), testTimeout)
	require.NoError(t, err)
	buf := make([]*Handler, 0, 1)
	assert.Equal(t, []string{"deep", "all", "top", "mid"}, handlerNames(set.index.candidates(false, "a.b.c", buf)))
	assert.Equal(t, []string{"all", "top"}, handlerNames(set.index.candidates(false, "a", nil)))
	assert.Equal(t, []string{"all", "mid"}, handlerNames(set.index.byStem["a.b"]))
}

// Fire answers as Dispatch does about what fires and what failed, and
// explains nothing else.
func TestFireIsDispatchWithoutReasons(t *testing.T) {
	flat, err := ReadHandlerFile("flat.yaml", []byte(flatHandlers), testTimeout)
	require.NoError(t, err)
	doc, err := ReadSCXMLHandlers("p.scxml", []byte(parallelDoc), testTimeout)
	require.NoError(t, err)
	system := map[string]any{"InteractionID": "IX1"}
	for _, set := range []*HandlerSet{flat, doc} {
		for _, event := range []map[string]any{
			nil,
			{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX1"}},
			{"name": "interaction.notcontrolled", "data": map[string]any{}},
			{"name": "go"}, {"name": "halt"}, {"name": "go.far"}, {"name": "stop"},
		} {
			env := runtime.Env{System: system}
			want, err := set.Dispatch(context.Background(), event, env)
			require.NoError(t, err)
			got, err := set.Fire(context.Background(), event, env)
			require.NoError(t, err)
			assert.Nil(t, got.Skipped)
			want.Skipped = nil
			assert.Equal(t, want, got, "%s: %v", set.Name, event)
		}
	}
	_, err = doc.Fire(context.Background(), map[string]any{"name": "go"}, runtime.Env{States: []string{"nowhere"}})
	assert.ErrorContains(t, err, `no state "nowhere"`)
}

// Skipped lists every handler that did not fire once, in document order.
func TestSkippedInDocumentOrder(t *testing.T) {
	set, err := ReadHandlerFile("flat.yaml", []byte(flatHandlers), testTimeout)
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{}}, runtime.Env{})
	require.NoError(t, err)
	var skipped []string
	for _, s := range out.Skipped {
		skipped = append(skipped, s.Handler.Name)
	}
	assert.Equal(t, []string{"deleted", "throws", "off", "never"}, skipped)
}

func handlerNames(hs []*Handler) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Name)
	}
	return out
}
