package runtime

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One compiled condition, 8 goroutines, 100,000 evaluations against
// different events; every result is checked. Run with -race.
func TestConcurrentEval(t *testing.T) {
	for _, path := range []struct {
		name string
		opts []Option
	}{{"compiled", nil}, {"goja", []Option{Interpreted()}}} {
		t.Run(path.name, func(t *testing.T) { concurrentEval(t, path.opts...) })
	}
}

func concurrentEval(t *testing.T, opts ...Option) {
	const goroutines, total = 8, 100_000
	// The limit is wall-clock time: on a loaded machine under -race a
	// goroutine can wait for a CPU longer than the default 100ms.
	c, err := Compile(seedCond, append(opts, Timeout(10*time.Second))...)
	require.NoError(t, err)
	resultofs := []any{nil, "deletion", "detaching", "routing", "revoking"}
	var wg sync.WaitGroup
	failures := make(chan string, goroutines)
	for w := range goroutines {
		wg.Go(func() {
			for i := w; i < total; i += goroutines {
				id := strconv.Itoa(i)
				sysID := id
				if i%3 == 0 {
					sysID = "other"
				}
				resultof := resultofs[i%len(resultofs)]
				env := Env{
					Event:  map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{"interactionid": id, "resultof": resultof}},
					System: map[string]any{"InteractionID": sysID},
				}
				want := i%3 != 0 && (resultof == nil || resultof == "deletion")
				r := c.Eval(context.Background(), env)
				if r.Err != nil || r.Value != want {
					failures <- fmt.Sprintf("event %s: got %v, %v", id, r.Value, r.Err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		assert.Fail(t, f)
	}
}
