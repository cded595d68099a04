package statechart

import (
	"context"
	"testing"

	"github.com/condeval/condeval/runtime"
)

// FuzzReadHandlerFile feeds arbitrary text to the handler-file reader and
// dispatches an event to whatever loads: neither may panic, and a set that
// loads reports every handler exactly once.
func FuzzReadHandlerFile(f *testing.F) {
	f.Add([]byte(flatHandlers))
	f.Add([]byte("handlers:\n  - {name: a, event: e, cond: 'a == == b'}\n"))
	f.Add([]byte(`{"handlers":[{"event":"*","condition":"In('x')","state":"s"}]}`))
	f.Add([]byte("handlers: [{event: e, target: t, enabled: false}, {state: r2, event: e.f}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadHandlerFile("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := set.Dispatch(context.Background(), map[string]any{"name": "e.f"}, runtime.Env{})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Fired)+len(out.Skipped) != len(set.Handlers) {
			t.Fatalf("%d fired + %d skipped != %d handlers", len(out.Fired), len(out.Skipped), len(set.Handlers))
		}
	})
}
