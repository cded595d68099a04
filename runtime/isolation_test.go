package runtime

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each condition changes something, then reports whether it saw a change an
// earlier evaluation made. With a pool of one runtime, the second
// evaluation runs on the runtime the first one used.
func TestNothingLeaksBetweenEvaluations(t *testing.T) {
	for _, src := range []string{
		"typeof leaked == 'undefined' && ((leaked = 1), true)",
		"typeof Object.prototype.leaked == 'undefined' && ((Object.prototype.leaked = 1), true)",
		"'abc'.indexOf('b') == 1 && ((String.prototype.indexOf = function() { return 42 }), true)",
		"Math.max(1, 2) == 2 && ((Math.max = Math.min), true)",
		"typeof JSON.leaked == 'undefined' && ((JSON.leaked = 1), true)",
		"typeof In.leaked == 'undefined' && ((In.leaked = 1), true)",
		"typeof arguments.callee.leaked == 'undefined' && ((arguments.callee.leaked = 1), true)",
		"Array.prototype.push.length == 1 && (Object.defineProperty(Array.prototype, 'x', {value: 1}), true)",
		"[].x === undefined && (Object.defineProperty(Array.prototype, 'x', {value: 1}), true)",
		"typeof Object.getPrototypeOf([][Symbol.iterator]()).leaked == 'undefined' && ((Object.getPrototypeOf([][Symbol.iterator]()).leaked = 1), true)",
	} {
		t.Run(src, func(t *testing.T) {
			c, err := Compile(src, PoolSize(1), testTimeout)
			require.NoError(t, err)
			for i := range 3 {
				r := c.Eval(context.Background(), Env{})
				// A write refused by a frozen object may throw; what matters
				// is that no evaluation sees an earlier one's change.
				if r.Err == nil {
					assert.True(t, r.Value, "evaluation %d saw a change", i)
				}
			}
		})
	}
}

// A condition may assign to host data, as in ORS: the assignment succeeds,
// later reads in the evaluation see it, the result names what was written,
// and the caller's data and the next evaluation are untouched.
func TestWritesLandInAnOverlay(t *testing.T) {
	data := map[string]any{"x": "orig", "list": []any{"a"}, "nested": map[string]any{"y": 1.0}}
	system := map[string]any{"InteractionID": "1"}
	globals := map[string]any{"App_X": map[string]string{"k": "v"}}
	env := Env{Event: map[string]any{"name": "e", "data": data}, System: system, Globals: globals}
	for _, tc := range []struct {
		src     string
		written []string
	}{
		{`system.ANI = "5551234"`, []string{"system.ANI"}},
		{`(system.ANI = "5551234", system.ANI == "5551234" && _data.system.context.ANI == "5551234")`, []string{"system.ANI"}},
		{"(_event.data.x = 'changed', _event.data.x == 'changed')", []string{"_event.data.x"}},
		{"(_event.data.added = 1, 'added' in _event.data && Object.keys(_event.data).length == 4)", []string{"_event.data.added"}},
		{"(delete _event.data.x, !('x' in _event.data) && _event.data.x === undefined)", []string{"_event.data.x"}},
		{"(_event.data.list[0] = 'b', _event.data.list[0] == 'b')", []string{"_event.data.list[0]"}},
		{"(_event.data.list.push('c'), _event.data.list.join() == 'a,c')", []string{"_event.data.list[1]", "_event.data.list.length"}},
		{"(_event.data.list.length = 0, _event.data.list.length === 0)", []string{"_event.data.list.length"}},
		{"(_event.data.nested.y = 2, _event.data.nested.y == 2)", []string{"_event.data.nested.y"}},
		{"(_event.name = 'other', _event.name == 'other')", []string{"_event.name"}},
		{"(_data.system.context.InteractionID = '3', system.InteractionID == '3')", []string{"system.InteractionID"}},
		{"(App_X.k = 'w', App_X.k == 'w')", []string{"App_X.k"}},
		{"(_data.App_X = 1, _data.App_X === 1)", []string{"_data.App_X"}},
		{"(_event.data.list[100000000] = 1, _event.data.list.length == 1)", nil},
	} {
		t.Run(tc.src, func(t *testing.T) {
			r := eval(t, tc.src, env)
			require.Nil(t, r.Err)
			assert.True(t, r.Value)
			assert.Equal(t, tc.written, r.Written)
			again := eval(t, "_event.data.x == 'orig' && system.InteractionID == '1' && typeof system.ANI == 'undefined' && _event.data.list.length == 1", env)
			require.Nil(t, again.Err)
			assert.True(t, again.Value, "the next evaluation saw the write")
		})
	}
	assert.Equal(t, map[string]any{"x": "orig", "list": []any{"a"}, "nested": map[string]any{"y": 1.0}}, data)
	assert.Equal(t, map[string]any{"InteractionID": "1"}, system)
	assert.Equal(t, map[string]any{"App_X": map[string]string{"k": "v"}}, globals)
	assert.Equal(t, "e", env.Event["name"])
}

// The value of a condition that returns host data it wrote to shows the
// writes; the caller's own value is returned when it wrote nothing.
func TestWrittenDataIsExportedWithTheWrites(t *testing.T) {
	data := map[string]any{"x": "orig"}
	env := Env{Event: map[string]any{"data": data}}
	r := eval(t, "(_event.data.x = 'new', _event.data)", env)
	require.Nil(t, r.Err)
	assert.Equal(t, map[string]any{"x": "new"}, r.Raw)
	assert.Equal(t, map[string]any{"x": "orig"}, data)
	r = eval(t, "_event.data", env)
	assert.Equal(t, data, r.Raw)
}

func TestSourceMapCommentReadsNothing(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.map")
	require.NoError(t, os.WriteFile(secret, []byte(`{"version":3,"sources":["leak"],"mappings":"AAAA"}`), 0o600))
	require.NoError(t, os.Chmod(secret, 0)) // reading it would fail loudly
	for _, src := range []string{
		"1 //# sourceMappingURL=" + secret,
		"1 //# sourceMappingURL=/etc/passwd",
		"1 //@ sourceMappingURL=" + secret,
	} {
		c, err := Compile(src, testTimeout)
		require.NoError(t, err, src)
		r := c.Eval(context.Background(), Env{})
		require.Nil(t, r.Err)
		assert.True(t, r.Value)
	}
}

// Everything a condition can reach from the global object, the scope's
// functions and the prototypes reachable only through values is frozen.
func TestEverythingReachableIsFrozen(t *testing.T) {
	src := `(function() {
	var seen = [], work = [globalThis, In, Object.getPrototypeOf([][Symbol.iterator]()),
		Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(new Map().entries())];
	while (work.length > 0) {
		var o = work.pop();
		if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.indexOf(o) >= 0) continue;
		seen.push(o);
		if (!Object.isFrozen(o)) return 'not frozen: ' + String(o.name || o);
		work.push(Object.getPrototypeOf(o));
		var keys = Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));
		for (var i = 0; i < keys.length; i++) {
			var d = Object.getOwnPropertyDescriptor(o, keys[i]);
			if ('value' in d) work.push(d.value); else work.push(d.get, d.set);
		}
	}
	return seen.length;
})()`
	r := eval(t, src, Env{})
	require.Nil(t, r.Err)
	assert.Equal(t, "number", r.Type, "%v", r.Raw)
	assert.Greater(t, r.Raw, int64(300), "the walk reached too few objects")
}
