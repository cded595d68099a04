package runtime

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two conditions on one runtime: the first tries to leave something behind,
// the second looks for it. With a pool of one runtime both run on it, and a
// function cache of one makes the runtime drop and re-instantiate each
// function between them, so both the cached and the fresh path are covered.
func TestNothingLeaksBetweenConditionsSharingARuntime(t *testing.T) {
	for _, tc := range []struct{ write, read string }{
		{"leaked = 1", "typeof leaked == 'undefined'"},
		{"Object.prototype.leaked = 1", "typeof ({}).leaked == 'undefined'"},
		{"String.prototype.indexOf = function() { return 42 }", "'abc'.indexOf('b') == 1"},
		{"Math.max = Math.min", "Math.max(1, 2) == 2"},
		{"In.leaked = 1", "typeof In.leaked == 'undefined'"},
		{"arguments.callee.leaked = 1", "typeof arguments.callee.leaked == 'undefined'"},
		{"Object.getPrototypeOf(arguments.callee).leaked = 1", "typeof Function.prototype.leaked == 'undefined'"},
		{"arguments.callee.prototype.leaked = 1", "typeof arguments.callee.prototype.leaked == 'undefined'"},
		{"Object.defineProperty(Array.prototype, 'x', {value: 1})", "[].x === undefined"},
		{"_event.leaked = 1", "typeof _event.leaked == 'undefined'"},
	} {
		for _, cache := range []int{1, 8} {
			t.Run(fmt.Sprintf("%s/cache %d", tc.write, cache), func(t *testing.T) {
				e := NewEnvironment(PoolSize(1), FunctionCache(cache), testTimeout)
				writer, reader := e.MustCompile("("+tc.write+"), true"), e.MustCompile(tc.read)
				for i := range 3 {
					writer.Eval(context.Background(), Env{}) // it may throw: frozen objects refuse writes
					r := reader.Eval(context.Background(), Env{})
					require.Nil(t, r.Err, "round %d", i)
					assert.True(t, r.Value, "round %d: the second condition saw the first one's write", i)
				}
			})
		}
	}
}

// Conditions compiled in one environment run on its few runtimes; each keeps
// at most FunctionCache functions, however many conditions there are.
func TestEnvironmentSharesRuntimesAndBoundsFunctions(t *testing.T) {
	e := NewEnvironment(PoolSize(1), FunctionCache(4), testTimeout, Interpreted())
	made := 0
	newVM := e.pool.newVM
	e.pool.newVM = func() *vm { made++; return newVM() }
	var conds []*Condition
	for i := range 20 {
		conds = append(conds, e.MustCompile(fmt.Sprintf("_event.data.n == %d", i)))
	}
	for round := range 2 {
		for i, c := range conds {
			r := c.Eval(context.Background(), Env{Event: map[string]any{"data": map[string]any{"n": float64(i)}}})
			require.Nil(t, r.Err)
			assert.True(t, r.Value, "round %d, condition %d", round, i)
		}
	}
	assert.Equal(t, 1, made, "one runtime serves every condition evaluated one at a time")
	v := e.pool.get()
	assert.Equal(t, 4, v.fns.len(), "the runtime keeps only the functions its cache holds")
	e.pool.put(v)
}

// Conditions sharing a runtime keep their own limits: the runtime takes the
// limits of the condition it evaluates.
func TestConditionsSharingARuntimeKeepTheirLimits(t *testing.T) {
	e := NewEnvironment(PoolSize(1), testTimeout)
	small := e.MustCompile("'x'.repeat(100)", MaxStringLength(10))
	large := e.MustCompile("'x'.repeat(100)")
	for range 2 {
		r := small.Eval(context.Background(), Env{})
		require.NotNil(t, r.Err)
		assert.Equal(t, "RangeError", execErr(r).Type)
		r = large.Eval(context.Background(), Env{})
		require.Nil(t, r.Err)
		assert.Equal(t, 100, len(r.Raw.(string)))
	}
}

// PoolSize given to Compile gives the condition an environment of its own,
// as before environments existed.
func TestPoolSizeGivesAConditionItsOwnEnvironment(t *testing.T) {
	e := NewEnvironment()
	same, own := e.MustCompile("true", testTimeout), e.MustCompile("true", PoolSize(1))
	assert.Same(t, e, same.env)
	assert.NotSame(t, e, own.env)
	assert.Same(t, defaultEnvironment(), MustCompile("true").env)
}
