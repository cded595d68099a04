package statechart

import (
	"context"
	"testing"
	"time"

	"github.com/condeval/condeval/runtime"
)

const ipd = "../examples/src-gen/IPD_default_defaultWorkflow.scxml"

var ipdGenesys = map[string]any{"session.timeInZone()": "10:30:00", "ixn.interactions": map[string]any{}}

// BenchmarkIPDEvent is one event through the example IPD once its workflow
// waits in the queue: both legs' transitions, conditions and scripts.
func BenchmarkIPDEvent(b *testing.B) {
	m, err := Load(ipd, LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	s, _, err := m.Start(Options{Genesys: ipdGenesys})
	if err != nil {
		b.Fatal(err)
	}
	s.Send(Event{Name: "interaction.added", Data: map[string]any{"interactionid": "X"}})
	ev := Event{Name: "interaction.partystatechanged", Data: map[string]any{"interactionid": "X", "focusdeviceid": "7001"}}
	b.ReportAllocs()
	for b.Loop() {
		if st := s.Send(ev); st.Done || len(st.Errors) > 0 {
			b.Fatalf("the session ended or failed: %+v", st)
		}
	}
}

// BenchmarkIPDStart loads nothing: it starts a session of the loaded IPD.
func BenchmarkIPDStart(b *testing.B) {
	m, err := Load(ipd, LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := m.Start(Options{Genesys: ipdGenesys}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConditionBaseline is the baseline: the handler's condition
// evaluated once by runtime, as condeval eval and dispatch do.
func BenchmarkConditionBaseline(b *testing.B) {
	c := runtime.MustCompile("_event.data.interactionid == _data.system.context.InteractionID")
	env := runtime.Env{
		Event:   map[string]any{"name": "interaction.partystatechanged", "data": map[string]any{"interactionid": "X"}},
		System:  map[string]any{"InteractionID": "X"},
		Globals: map[string]any{},
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c.Eval(ctx, env)
	}
}

// BenchmarkDispatchIPD dispatches interaction.deleted to the example IPD's
// transitions from its initial configuration: two parallel regions select,
// and one condition needs goja.
func BenchmarkDispatchIPD(b *testing.B) {
	set, err := LoadHandlers(ipd, runtime.Timeout(time.Second))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	env := runtime.Env{System: map[string]any{"InteractionID": "IX1"}}
	event := map[string]any{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX1"}}
	b.ReportAllocs()
	for b.Loop() {
		if out, err := set.Dispatch(ctx, event, env); err != nil || len(out.Fired) != 2 {
			b.Fatal(err, out.Errors)
		}
	}
}
