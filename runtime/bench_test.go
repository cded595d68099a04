package runtime

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// BenchmarkSeed compares an evaluation through Condition.Eval with raw goja:
// one runtime and a precompiled function called with ToValue arguments. Both
// get a fresh event map each iteration. Run with -benchmem and compare ns/op:
// condeval must stay within 1.2x of goja-raw.
func BenchmarkSeed(b *testing.B) {
	resultofs := []any{nil, "deletion", "detaching", "routing", "revoking"}
	event := func(i int) map[string]any {
		data := map[string]any{"interactionid": "0001"}
		if r := resultofs[i%len(resultofs)]; r != nil {
			data["resultof"] = r
		}
		return map[string]any{"name": "interaction.notcontrolled", "data": data}
	}
	system := map[string]any{"InteractionID": "0001"}
	want := func(i int) bool { r := resultofs[i%len(resultofs)]; return r == nil || r == "deletion" }

	b.Run("condeval", func(b *testing.B) {
		// A generous limit: on a loaded machine a descheduled goroutine
		// can overrun the default 100ms with nothing wrong.
		c := MustCompile(seedCond, Timeout(10*time.Second))
		ctx := context.Background()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			r := c.Eval(ctx, Env{Event: event(i), System: system})
			if r.Value != want(i) || r.Err != nil {
				b.Fatalf("iteration %d: %v %v", i, r.Value, r.Err)
			}
		}
	})
	b.Run("goja-raw", func(b *testing.B) {
		rt := goja.New()
		v, err := rt.RunString("(function(_event, system) { return (" + seedCond + ") })")
		if err != nil {
			b.Fatal(err)
		}
		fn, _ := goja.AssertFunction(v)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			r, err := fn(goja.Undefined(), rt.ToValue(event(i)), rt.ToValue(system))
			if err != nil || r.ToBoolean() != want(i) {
				b.Fatalf("iteration %d: %v %v", i, r, err)
			}
		}
	})
}
