package runtime

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every condition of the corpus, on every varied event: where the compiled
// path answers, goja must give the same value, type, exported value and
// error; and Eval, whichever path it takes, must give goja's answer.
func TestCompiledPathAgreesWithGoja(t *testing.T) {
	conds, envs := corpus(t), variedEnvs()
	compiledConds, answered, globalsAnswered := 0, 0, 0
	for _, src := range conds {
		c, err := Compile(src, testTimeout)
		if err != nil || !c.Compiled() {
			continue
		}
		compiledConds++
		readsGlobals := c.withAll || slices.Contains(c.expr.Globals(), "_data")
		for i, env := range envs {
			want := c.evalGoja(context.Background(), &env)
			c.fast.root(inputOf(&env, env.Event, env.System)) // must not panic
			got, ok := c.fast.eval(&env)
			if ok {
				answered++
				if readsGlobals {
					globalsAnswered++
				}
				assertSameResult(t, want, got, "%s on event %d", src, i)
			}
			assertSameResult(t, want, c.Eval(context.Background(), env), "Eval: %s on event %d", src, i)
		}
	}
	t.Logf("%d conditions, %d compiled, %d evaluations answered by the compiled path, %d of them reading globals",
		len(conds), compiledConds, answered, globalsAnswered)
	assert.Greater(t, compiledConds, 250, "the corpus has too few conditions in the subset")
	assert.Greater(t, answered, 1000, "the compiled path answered too few evaluations")
	assert.Greater(t, globalsAnswered, 1000, "the compiled path answered too few evaluations reading globals")
}

func assertSameResult(t *testing.T, want, got Result, msg string, args ...any) {
	t.Helper()
	require.Equal(t, want.Value, got.Value, append([]any{"value: " + msg}, args...)...)
	require.Equal(t, want.Type, got.Type, append([]any{"type: " + msg}, args...)...)
	require.True(t, sameRawDeep(want.Raw, got.Raw), append([]any{"raw: %#v vs %#v: " + msg, want.Raw, got.Raw}, args...)...)
	require.Equal(t, want.Err, got.Err, append([]any{"error: " + msg}, args...)...)
}

// The conditions of the workload take the compiled path and allocate
// nothing there.
func TestCompiledPathAllocatesNothing(t *testing.T) {
	env := variedEnvs()[1]
	for _, src := range []string{
		seedCond,
		"typeof system.SessionID != 'undefined' && system.Type != 'consult' && typeof _event.data.name == 'string' && In('Routing')",
		"_event.data.udata.customer.segment == 'gold' && _event.data.udata.customer.language == 'en-US' && _event.data.n > 3",
		"varInputValue == '1' && _event.data.interactionid == system.InteractionID && varNumber > 3 && varNull == null",
		"App_Target.requestid == _event.data.requestid && App_Target.targets[1] == 2",
		"_data.App_Target.requestid == _event.data.requestid && _data.system.context.InteractionID == _event.data.interactionid",
	} {
		c := MustCompile(src)
		require.True(t, c.Compiled(), src)
		_, ok := c.fast.eval(&env)
		require.True(t, ok, src)
		allocs := testing.AllocsPerRun(100, func() { c.Eval(context.Background(), env) })
		assert.Zero(t, allocs, src)
	}
}
