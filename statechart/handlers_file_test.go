package statechart

import (
	"fmt"

	"context"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// A handler file's handlers sit where their conditions are written (where
// the entry starts when it has none), and a condition that does not
// compile is a problem at its place in the file: at the very character
// when the value is written verbatim, else where its scalar starts.
func TestReadHandlerFilePositions(t *testing.T) {
	set, err := ReadHandlerFile("h.yaml", []byte("name: mine\nhandlers:\n"+
		"  - name: plain\n    event: e\n    cond: a == == b\n"+
		"  - event: e\n    cond: \"(a == \\\"b\\\"\"\n"+
		"  - {state: r, event: f}\n"), testTimeout)
	require.NoError(t, err)
	assert.Equal(t, "mine", set.Name)
	var got []string
	for _, h := range set.Handlers {
		got = append(got, fmt.Sprintf("%s %s %d:%d event %d:%d", h.Name, h.State, h.Line, h.Column, h.EventLine, h.EventColumn))
	}
	assert.Equal(t, []string{"plain handlers 5:11 event 4:12", "handler 2 handlers 7:11 event 6:12", "handler 3 r 8:5 event 8:23"}, got)
	var problems []string
	for _, p := range set.Problems {
		problems = append(problems, p.Error())
	}
	assert.Equal(t, []string{
		`h.yaml:5:16: handler "plain": unexpected '==': expected an expression`,
		`h.yaml:7:11: handler "handler 2": missing ')' to close '(' opened at 7:11`,
	}, problems)
}
