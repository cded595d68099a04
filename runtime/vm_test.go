package runtime

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The watchdog's timer outlives the evaluation that armed it. A firing that
// arrives late, during the next evaluation, must judge that one by its own
// deadline, and an interrupt raised as an evaluation ends must not reach
// the next one.
func TestWatchdogFiringsDoNotOutliveTheirEvaluation(t *testing.T) {
	c := MustCompile("true", Timeout(time.Hour))
	v := c.env.newVM()

	past, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	v.start(past)
	v.finish()

	v.start(context.Background())
	v.wd.watch() // a late firing meant for the evaluation above
	fn, err := v.function(c, nil)
	require.NoError(t, err)
	_, err = fn(goja.Undefined())
	require.NoError(t, err, "a firing for an earlier evaluation stopped this one")
	v.rt.Interrupt(errTimeout) // the deadline passes just as the condition returns
	v.finish()

	for range 3 {
		r := v.eval(context.Background(), c, &Env{}, nil)
		require.Nil(t, r.Err)
		assert.True(t, r.Value)
	}
}

// The time limit starts once a runtime is ready: an evaluation that first
// has to prepare one, however slowly, still has its whole limit.
func TestTimeLimitExcludesPreparation(t *testing.T) {
	e := NewEnvironment(Timeout(250 * time.Millisecond))
	c := e.MustCompile("true")
	prepare := e.pool.newVM
	e.pool.newVM = func() *vm {
		time.Sleep(500 * time.Millisecond)
		return prepare()
	}
	r := c.Eval(context.Background(), Env{})
	require.Nil(t, r.Err)
	assert.True(t, r.Value)
}

// Preparing a runtime walks the whole built-in graph without recursion, so
// a small call-depth limit does not stop it.
func TestSmallCallDepthStillPrepares(t *testing.T) {
	c := MustCompile("(function f(n){ return n == 0 ? 'done' : f(n - 1) })(2)", MaxCallDepth(8), testTimeout)
	r := c.Eval(context.Background(), Env{})
	require.Nil(t, r.Err)
	assert.Equal(t, "done", r.Raw)
}

// No evaluation is stopped before its limit: with a limit of a millisecond,
// the watchdog fires all the time, and firings armed by one evaluation land
// in the next ones. Every TimeoutError must come from an evaluation that
// really took that long, and every other result must be right.
func TestNoTimeoutBeforeTheLimit(t *testing.T) {
	const goroutines, each, limit = 4, 5000, time.Millisecond
	c := MustCompile("_event.data.n % 2 == 0", Timeout(limit), Interpreted())
	var wg sync.WaitGroup
	failures := make(chan string, goroutines)
	for range goroutines {
		wg.Go(func() {
			for i := range each {
				env := Env{Event: map[string]any{"data": map[string]any{"n": i}}}
				start := time.Now()
				r := c.Eval(context.Background(), env)
				took := time.Since(start)
				switch {
				case r.Err != nil && execErr(r).Type == "TimeoutError" && took < limit:
					failures <- fmt.Sprintf("evaluation %d stopped after %v, before its limit", i, took)
					return
				case r.Err != nil && execErr(r).Type != "TimeoutError":
					failures <- fmt.Sprintf("evaluation %d: %v", i, r.Err)
					return
				case r.Err == nil && r.Value != (i%2 == 0):
					failures <- fmt.Sprintf("evaluation %d: got %v", i, r.Value)
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
