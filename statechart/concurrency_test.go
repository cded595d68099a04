package statechart

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
)

// A handler set is immutable once built: goroutines dispatching different
// events to it at once each get the outcome a lone dispatch gets.
func TestDispatchConcurrently(t *testing.T) {
	set, err := ReadSCXMLHandlers("p.scxml", []byte(parallelDoc), testTimeout)
	require.NoError(t, err)
	events := []string{"go", "halt", "go.far", "stop"}
	want := map[string]string{}
	for _, ev := range events {
		out, err := set.Dispatch(context.Background(), map[string]any{"name": ev}, runtime.Env{})
		require.NoError(t, err)
		want[ev] = fmt.Sprint(outcomeView(out))
	}
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for g := range got {
		wg.Go(func() {
			for i := range 50 {
				ev := events[(g+i)%len(events)]
				out, err := set.Dispatch(context.Background(), map[string]any{"name": ev}, runtime.Env{})
				if err != nil {
					got[g] = append(got[g], err.Error())
					continue
				}
				if v := fmt.Sprint(outcomeView(out)); v != want[ev] {
					got[g] = append(got[g], ev+": "+v)
				}
			}
		})
	}
	wg.Wait()
	for _, diffs := range got {
		assert.Empty(t, diffs)
	}
}
