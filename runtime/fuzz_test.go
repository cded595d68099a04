package runtime

import (
	"context"
	"testing"
	"time"
)

// FuzzEval: any condition text either fails to compile with a positioned
// error or evaluates to a result — never a panic, a hang past its limit, or
// an error record without a class.
func FuzzEval(f *testing.F) {
	for _, src := range []string{
		seedCond,
		"_event.data.resultof == 'deletion'",
		"(function(){for(;;){}})()",
		"/^(a+)+\\1$/.test('aaaab')",
		"new Array(1e9).join('x')",
		"JSON.parse('[[[[1]]]]')",
		"In('s1') && typeof system.SessionID != 'undefined'",
		"Object.prototype.x = 1",
		"_event.data.x.y",
		"return",
	} {
		f.Add(src)
	}
	env := Env{
		Event:  map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{"interactionid": "A", "resultof": "revoking"}},
		System: map[string]any{"InteractionID": "A"},
		States: []string{"s1"},
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Compile(src, Timeout(50*time.Millisecond), MaxStringLength(1<<16), MaxArrayLength(1<<12))
		if err != nil {
			if e := CompileError(err); e == nil || e.Type == "" || e.Line < 1 || e.Column < 1 {
				t.Fatalf("compile error without a class or position: %#v", e)
			}
			return
		}
		start := time.Now()
		res := c.Eval(context.Background(), env)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("evaluation took %v despite a 50ms limit", d)
		}
		if res.Err != nil && (res.Value || execErr(res).Type == "" || execErr(res).Name != "error.execution") {
			t.Fatalf("inconsistent failed result: %#v", res)
		}
	})
}
