package runtime

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSeedEval is one evaluation of the seed condition against data
// made beforehand, on each path, so that it measures Eval alone: what an
// evaluation that asks for no explanation costs (compare with the code
// before in a worktree; -benchmem). Explained is the price of asking.
func BenchmarkSeedEval(b *testing.B) {
	event := func(data map[string]any) Env {
		return Env{Event: map[string]any{"name": "interaction.notcontrolled", "data": data}, System: map[string]any{"InteractionID": "00N5"}}
	}
	envs := []Env{
		event(map[string]any{"interactionid": "00N5"}),
		event(map[string]any{"interactionid": "00N5", "resultof": "deletion"}),
		event(map[string]any{"interactionid": "00N5", "resultof": "revoking"}),
	}
	jsons := [][]byte{
		[]byte(`{"name":"interaction.notcontrolled","data":{"interactionid":"00N5"}}`),
		[]byte(`{"name":"interaction.notcontrolled","data":{"interactionid":"00N5","resultof":"deletion"}}`),
		[]byte(`{"name":"interaction.notcontrolled","data":{"interactionid":"00N5","resultof":"revoking"}}`),
	}
	system := []byte(`{"InteractionID":"00N5"}`)
	ctx := context.Background()
	for _, path := range []struct {
		name string
		opts []Option
	}{{"compiled", nil}, {"goja", []Option{Interpreted()}}} {
		c := MustCompile(seedCond, append(path.opts, Timeout(10*time.Second))...)
		b.Run(path.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if r := c.Eval(ctx, envs[i%3]); r.Value != (i%3 != 2) {
					b.Fatal(i, r)
				}
			}
		})
		b.Run(path.name+"/json", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if r := c.Eval(ctx, Env{EventJSON: jsons[i%3], SystemJSON: system}); r.Value != (i%3 != 2) {
					b.Fatal(i, r)
				}
			}
		})
	}
}

// BenchmarkGlobalsEval is one evaluation of Composer conditions that read
// the caller's globals — a workflow variable, an App_ variable's requestid,
// the same through _data — on each path, against data made beforehand.
func BenchmarkGlobalsEval(b *testing.B) {
	env := Env{
		Event: map[string]any{"name": "interaction.routing.done", "data": map[string]any{
			"interactionid": "00N5", "requestid": "R17",
		}},
		System: map[string]any{"InteractionID": "00N5"},
		Globals: map[string]any{
			"varInputValue": "1", "varLanguage": "en-US",
			"App_Target": map[string]any{"requestid": "R17", "targets": []any{"Billing@StatServer.GA"}},
		},
	}
	ctx := context.Background()
	for _, cond := range []struct{ name, src string }{
		{"workflow", "varInputValue == '1' && _event.data.interactionid == system.InteractionID"},
		{"app", "App_Target.requestid == _event.data.requestid"},
		{"data", "_data.App_Target.requestid == _event.data.requestid && _data.system.context.InteractionID == _event.data.interactionid"},
	} {
		for _, path := range []struct {
			name string
			opts []Option
		}{{"compiled", nil}, {"goja", []Option{Interpreted()}}} {
			c := MustCompile(cond.src, append(path.opts, Timeout(10*time.Second))...)
			b.Run(cond.name+"/"+path.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if r := c.Eval(ctx, env); !r.Value {
						b.Fatal(r)
					}
				}
			})
		}
	}
}
