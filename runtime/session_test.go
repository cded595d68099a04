package runtime

import (
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSandbox(t *testing.T) {
	s := NewSandbox(Timeout(50 * time.Millisecond))
	run := func(src string) (string, *ExecError) {
		p, err := CompileProgram("t", src, false)
		require.NoError(t, err)
		v, err := s.RunProgram(p)
		if err != nil {
			return "", Describe(err)
		}
		return v.String(), nil
	}
	for _, tc := range []struct{ src, value, errType string }{
		{"var n = 1; n", "1", ""},
		{"++n == 2", "true", ""}, // the scope is writable and shared between runs
		{"while (true) {}", "", "TimeoutError"},
		{"n", "2", ""}, // usable after an interrupt
		{"eval('1')", "", "EvalError"},
		{"Function('return 1')()", "", "EvalError"},
		{"(function*(){}).constructor('yield 1')", "", "EvalError"},
		{"(async function(){}).constructor('return 1')", "", "EvalError"},
		{"'x'.repeat(1 << 30)", "", "RangeError"},
		{"typeof Proxy", "undefined", ""},
		{"(function f() { f(); })()", "", "RangeError"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			v, err := run(tc.src)
			if tc.errType == "" {
				require.Nil(t, err)
				assert.Equal(t, tc.value, v)
				return
			}
			require.NotNil(t, err)
			assert.Equal(t, tc.errType, err.Type)
		})
	}
}

// TestSandboxWatchdog: one timer watches every Run, so a Run that loops is
// stopped whether it comes after many short ones or inside another Run.
func TestSandboxWatchdog(t *testing.T) {
	s := NewSandbox(Timeout(30 * time.Millisecond))
	quick, err := CompileProgram("t", "1 + 1", false)
	require.NoError(t, err)
	loop, err := CompileProgram("t", "for (;;) {}", false)
	require.NoError(t, err)
	for range 1000 {
		_, err := s.RunProgram(quick)
		require.NoError(t, err)
	}
	_, err = s.RunProgram(loop)
	require.Error(t, err)
	assert.Equal(t, "TimeoutError", Describe(err).Type)

	_, err = s.Run(func() (goja.Value, error) { return s.RunProgram(loop) })
	require.Error(t, err)
	assert.Equal(t, "TimeoutError", Describe(err).Type)

	v, err := s.RunProgram(quick)
	require.NoError(t, err, "an interrupt does not outlive its Run")
	assert.Equal(t, int64(2), v.ToInteger())
}
