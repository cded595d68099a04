package runtime

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each of these would hang, exhaust memory or overflow the Go stack without
// its limit; each must end with an error.execution of the given type.
func TestLimits(t *testing.T) {
	for _, tc := range []struct {
		name, src, typ string
	}{
		{"endless loop", "(function(){for(;;){}})()", "TimeoutError"},
		{"backreference", `/^(a+)+\1$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')`, "SyntaxError"},
		{"lookahead", `/(?=a)b/.test('ab')`, "SyntaxError"},
		{"constructed backreference", `new RegExp('^(a+)+\\1$').test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')`, "SyntaxError"},
		{"nested quantifier, non-ASCII subject", `'é aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.replace(/(a+)+b/g, '')`, "SyntaxError"},
		{"overlapping alternation from lastIndex", `(function(){ var r = /(a|a)*b/g; r.lastIndex = 1; return r.exec('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') })()`, "SyntaxError"},
		{"match through String.prototype.match", `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.match(/^(a+)+\1$/)`, "SyntaxError"},
		{"split", `'ab'.split(/(?=b)/)`, "SyntaxError"},
		{"search", `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.search(/^(a+)+\1$/)`, "SyntaxError"},
		{"search with a pattern string", `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.search('^(a+)+\\1$')`, "SyntaxError"},
		{"recursion", "(function f(){ return f(); })()", "RangeError"},
		{"recursion through native calls", "(function f(){ return [0].map(f); })()", "RangeError"},
		{"deep JSON.parse", "JSON.parse(new Array(200001).join('['))", "SyntaxError"},
		{"deep JSON.stringify", "(function(){ var o = {}, i = 0; while (i++ < 200000) o = {a: o}; return JSON.stringify(o) })()", "RangeError"},
		{"deep join", "(function(){ var a = [], i = 0; while (i++ < 200000) a = [a]; return String(a) })()", "RangeError"},
		{"huge join", "new Array(1e9).join('x')", "RangeError"},
		{"join in a loop", "(function(){ var s = ''; for (;;) s += Array(1e7).join('ab'); })()", "RangeError"},
		{"repeat", "'x'.repeat(1e9)", "RangeError"},
		{"repeat on a number", "String.prototype.repeat.call(1e6, 1e9)", "RangeError"},
		{"padStart", "'x'.padStart(1e10)", "RangeError"},
		{"string doubling", "(function(){ var s = 'x'; for (;;) s += s; })()", ""},
		{"concat of big strings", "(function(){ var s = 'x'.repeat(1e7); return s.concat(s, s) })()", "RangeError"},
		{"replace expansion", "'x'.repeat(1e6).replace(/x/g, 'yyyyyyyyyyyyyyyyyyyy')", "RangeError"},
		{"fill a huge array", "new Array(1e9).fill(0)", "RangeError"},
		{"apply a huge array-like", "String.fromCharCode.apply(null, {length: 1e9})", "RangeError"},
		{"array growth", "(function(){ var a = []; for (;;) a.push(a.length); })()", ""},
		{"a huge sparse array as the value", "Array(1e9)", "RangeError"},
		{"a huge array inside the value", "[1, {a: Array(1e9)}]", "RangeError"},
		{"a huge array-like object as the value", "(function(){ var o = {}, i = 0; while (i < 5e6) o[i++] = i; return o })()", ""},
		{"typed array", "new Uint8Array(1e10)", "ReferenceError"},
		{"Function constructor", "Function('return 1')()", "EvalError"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Only the cases that may end by running out of time get a short
			// limit; the others must end by their own check, however loaded
			// the machine.
			limit := testTimeout
			if tc.typ == "TimeoutError" || tc.typ == "" {
				limit = Timeout(2 * time.Second)
			}
			c, err := Compile(tc.src, limit)
			require.NoError(t, err)
			start := time.Now()
			r := c.Eval(context.Background(), Env{})
			require.NotNil(t, r.Err, "got %v", r.Raw)
			assert.False(t, r.Value)
			if tc.typ != "" {
				assert.Equal(t, tc.typ, execErr(r).Type, execErr(r).Message)
			} else {
				assert.Contains(t, []string{"RangeError", "TimeoutError"}, execErr(r).Type, execErr(r).Message)
			}
			assert.Less(t, time.Since(start), 30*time.Second)
		})
	}
}

// Values within the limit are exported whole, cycles included.
func TestExportedValues(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want any
	}{
		{"Array(3)", []any{nil, nil, nil}},
		{"[1, [2, 'x']]", []any{int64(1), []any{int64(2), "x"}}},
		{"Array(1e9).length > 0", true},
	} {
		t.Run(tc.src, func(t *testing.T) {
			r := MustCompile(tc.src, testTimeout).Eval(context.Background(), Env{})
			require.NoError(t, r.Err)
			assert.Equal(t, tc.want, r.Raw)
		})
	}
	r := MustCompile("(function(){ var a = [1]; a.push(a); return a })()", testTimeout).Eval(context.Background(), Env{})
	require.NoError(t, r.Err)
	assert.True(t, r.Value)
}

func TestDefaultTimeoutAndContext(t *testing.T) {
	c, err := Compile("(function(){for(;;){}})()")
	require.NoError(t, err)
	r := c.Eval(context.Background(), Env{})
	require.NotNil(t, r.Err)
	assert.Equal(t, "TimeoutError", execErr(r).Type)

	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	c, err = Compile("(function(){for(;;){}})()", Timeout(time.Hour))
	require.NoError(t, err)
	r = c.Eval(ctx, Env{})
	require.NotNil(t, r.Err)
	assert.Equal(t, "TimeoutError", execErr(r).Type)
	assert.Contains(t, execErr(r).Message, "cancelled")

	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	r = c.Eval(ctx, Env{})
	require.NotNil(t, r.Err)
	assert.Equal(t, "TimeoutError", execErr(r).Type)
}

// After an interrupted evaluation, the same runtime evaluates normally.
func TestRuntimeReusableAfterInterrupt(t *testing.T) {
	c, err := Compile("_event.data.loop ? (function(){for(;;){}})() : 1", PoolSize(1), testTimeout)
	require.NoError(t, err)
	for i := range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		r := c.Eval(ctx, Env{Event: map[string]any{"data": map[string]any{"loop": true}}})
		cancel()
		require.NotNil(t, r.Err, "run %d", i)
		assert.Equal(t, "TimeoutError", execErr(r).Type)
		r = c.Eval(context.Background(), Env{Event: map[string]any{"data": map[string]any{"loop": false}}})
		require.Nil(t, r.Err, "run %d", i)
		assert.True(t, r.Value)
	}
}

func TestDeeplyNestedSourceIsRejected(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000),
		strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		strings.Repeat("!", 100000) + "1",
	} {
		_, err := Compile(src)
		require.Error(t, err)
		assert.Equal(t, "SyntaxError", CompileError(err).Type)
	}
}

func TestSafeRegExpsStillWork(t *testing.T) {
	for src, want := range map[string]bool{
		`/^inter(action)?\.\w+$/.test(_event.name)`:                true,
		`_event.name.replace(/\./g, '-') == 'interaction-deleted'`: true,
		`_event.name.split(/\./).length == 2`:                      true,
		`/(foo|bar)/.test('xbarx')`:                                true,
		`/^\d{3,}$/.test('12')`:                                    false,
	} {
		r := eval(t, src, Env{Event: map[string]any{"name": "interaction.deleted"}})
		require.Nil(t, r.Err, src)
		assert.Equal(t, want, r.Value, src)
	}
}

func TestUnsafePattern(t *testing.T) {
	for pattern, refused := range map[string]bool{
		`^(a+)+$`: true, `(a*)*`: true, `(a|b)*c`: true, `((ab)+)+`: true, `(a+){2}`: true, `(\d+,)*`: true,
		`(a+)?`: false, `(ab)+`: false, `a+b*`: false, `[(+)]*`: false, `\(a+\)+`: false, `(a+){1}`: false,
		`(a)\1`: true, `a(?=b)`: true, `a{1,2}`: false, `{`: false,
	} {
		assert.Equal(t, refused, unsafePattern(pattern, false, false) != "", pattern)
	}
}
