package stream

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/statechart"
)

// examples are the example project's files.
func example(parts ...string) string {
	return filepath.Join(append([]string{"..", "examples"}, parts...)...)
}

func loadSet(t testing.TB, path string) *statechart.HandlerSet {
	t.Helper()
	set, err := statechart.LoadHandlers(path)
	require.NoError(t, err)
	return set
}

func readObject(t testing.TB, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(b, &v))
	return v
}

// switchoverEvents are the example notcontrolled events and
// interaction.present, for the example's interaction and for another one,
// each as a bare _event whose sendid names its file, interaction and round.
func switchoverEvents(t testing.TB, rounds int) (values [][]byte) {
	t.Helper()
	files := []string{"notcontrolled-absent", "notcontrolled-deletion", "notcontrolled-revoking", "notcontrolled-routing", "present"}
	for r := range rounds {
		for _, f := range files {
			for _, ixn := range []string{"00A1QW4N8C7H2001", "00A1QW4N8C7H2999"} {
				ev := readObject(t, example("events", f+".json"))
				ev["sendid"] = fmt.Sprintf("%s-%s-%d", f, ixn, r)
				ev["data"].(map[string]any)["interactionid"] = ixn
				b, err := json.Marshal(ev)
				require.NoError(t, err)
				values = append(values, b)
			}
		}
	}
	return values
}

func TestCompareTheResultofFix(t *testing.T) {
	c := newCluster(t, 4)
	events := switchoverEvents(t, 10)
	produce(t, c, events...)
	in := Input{EventOnly: true, System: readObject(t, example("system.json"))}
	before := loadSet(t, example("src-gen", "IPD_default_defaultWorkflow.scxml"))
	after := loadSet(t, example("src-gen", "IPD_filtered_defaultWorkflow.scxml"))
	cfg := config(c, NewHandlers(before, in))
	cfg.Compare = NewHandlers(after, in)
	w := newWorker(t, cfg)
	require.NoError(t, w.Run(t.Context()), "a bounded replay stops by itself")

	var changed []string
	for _, r := range readAll(t, c, outTopic, false) {
		assert.Equal(t, "changed", headers(r)[HeaderResult])
		var v struct {
			Base, Compare struct {
				Event string
				Ends  bool
				Fired []struct{ Handler string }
			}
		}
		require.NoError(t, json.Unmarshal(r.Value, &v))
		assert.True(t, v.Base.Ends, "before the fix the session ends")
		assert.False(t, v.Compare.Ends, "after it, it does not")
		var ev struct{ SendID string }
		require.NoError(t, json.Unmarshal(eventOf(t, events, r.Key), &ev))
		changed = append(changed, ev.SendID)
	}
	var want []string
	for r := range 10 {
		for _, f := range []string{"notcontrolled-revoking", "notcontrolled-routing"} {
			want = append(want, fmt.Sprintf("%s-00A1QW4N8C7H2001-%d", f, r))
		}
	}
	assert.ElementsMatch(t, want, changed, "exactly the revoking and routing events of the session's interaction changed")

	s := w.Summary()
	assert.EqualValues(t, len(events), s.Records)
	assert.EqualValues(t, 20, s.Changed)
	var out bytes.Buffer
	require.NoError(t, s.WriteCompare(&out))
	assert.Equal(t, "20 of 100 records changed\n"+
		"side  fired only there  condition or handler\n"+
		"base  20                _composer_event_handler#10 ("+example("src-gen", "IPD_default_defaultWorkflow.scxml")+":173)\n", out.String())
}

// eventOf is the input value that the record with key was produced from.
func eventOf(t testing.TB, values [][]byte, key []byte) []byte {
	t.Helper()
	var i int
	_, err := fmt.Sscanf(string(key), "k%d", &i)
	require.NoError(t, err)
	return values[i]
}
