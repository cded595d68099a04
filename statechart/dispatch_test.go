package statechart

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
)

const flatHandlers = `
name: flat
handlers:
  - name: deleted
    event: interaction.deleted
    cond: _event.data.interactionid == system.InteractionID
    ends: true
  - name: deleted catch-up
    event: interaction.deleted interaction.notcontrolled
    cond: "true"
  - name: throws
    event: interaction.notcontrolled
    cond: _event.data.x.y
  - name: off
    event: interaction
    enabled: false
  - name: never
    event: interaction.delete
    cond: _event.data.x.y
  - name: logger
    state: application
    event: "*"
`

// outcomeView is what a user reads from an Outcome: fired names and the
// reason for every other handler.
func outcomeView(o *Outcome) (fired []string, skipped map[string]Reason) {
	skipped = map[string]Reason{}
	for _, m := range o.Fired {
		fired = append(fired, m.Handler.Name)
	}
	for _, s := range o.Skipped {
		skipped[s.Handler.Name] = s.Reason
	}
	return fired, skipped
}

func TestDispatchFlatHandlerFile(t *testing.T) {
	set, err := ReadHandlerFile("flat.yaml", []byte(flatHandlers), testTimeout)
	require.NoError(t, err)
	require.Empty(t, set.Problems)
	assert.Equal(t, []string{"handlers", "application"}, set.DefaultStates())

	system := map[string]any{"InteractionID": "IX1"}
	tests := []struct {
		name    string
		event   map[string]any
		fired   []string
		skipped map[string]Reason
		ends    bool
		errors  int
		// the handlers whose condition ran: fired, then skipped false or throwing
		evaluated []string
	}{
		{
			name:  "own interaction deleted: the first matching handler of the state fires",
			event: map[string]any{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX1"}},
			fired: []string{"deleted", "logger"},
			skipped: map[string]Reason{
				"deleted catch-up": ReasonPreempted, "throws": ReasonDescriptor,
				"off": ReasonDisabled, "never": ReasonDescriptor,
			},
			ends:      true,
			evaluated: []string{"deleted", "logger"},
		},
		{
			name:  "other interaction deleted: the next handler gets its turn",
			event: map[string]any{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX2"}},
			fired: []string{"deleted catch-up", "logger"},
			skipped: map[string]Reason{
				"deleted": ReasonCondition, "throws": ReasonDescriptor,
				"off": ReasonDisabled, "never": ReasonDescriptor,
			},
			evaluated: []string{"deleted catch-up", "logger", "deleted"},
		},
		{
			name:  "a second descriptor in the attribute matches",
			event: map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{}},
			fired: []string{"deleted catch-up", "logger"},
			skipped: map[string]Reason{
				"deleted": ReasonDescriptor, "throws": ReasonPreempted,
				"off": ReasonDisabled, "never": ReasonDescriptor,
			},
			evaluated: []string{"deleted catch-up", "logger"},
		},
		{
			name:  "whole tokens only: interaction.deletedx matches no interaction.deleted handler",
			event: map[string]any{"name": "interaction.deletedx"},
			fired: []string{"logger"},
			skipped: map[string]Reason{
				"deleted": ReasonDescriptor, "deleted catch-up": ReasonDescriptor, "throws": ReasonDescriptor,
				"off": ReasonDisabled, "never": ReasonDescriptor,
			},
			evaluated: []string{"logger"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := set.Dispatch(context.Background(), tt.event, runtime.Env{System: system})
			require.NoError(t, err)
			fired, skipped := outcomeView(out)
			assert.Equal(t, tt.fired, fired)
			assert.Equal(t, tt.skipped, skipped)
			assert.Equal(t, tt.ends, out.EndsSession())
			assert.Len(t, out.Errors, tt.errors)
			assert.Equal(t, tt.event["name"], out.Event)
			var evaluated []string
			for _, h := range out.Evaluated() {
				evaluated = append(evaluated, h.Name)
			}
			assert.Equal(t, tt.evaluated, evaluated)
		})
	}
}

func TestDispatchReportsErrorExecution(t *testing.T) {
	set, err := ReadHandlerFile("h.yaml", []byte(`
handlers:
  - {name: throws, event: e, cond: _event.data.x.y}
  - {name: fallback, event: e}
`), testTimeout)
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "e"}, runtime.Env{})
	require.NoError(t, err)
	fired, _ := outcomeView(out)
	assert.Equal(t, []string{"fallback"}, fired)
	require.Len(t, out.Skipped, 1)
	skip := out.Skipped[0]
	assert.Equal(t, ReasonError, skip.Reason)
	require.NotNil(t, skip.Err)
	assert.Equal(t, "TypeError", skip.Err.Type)
	assert.Equal(t, runtime.ExecEventName, skip.Err.Name)
	assert.Equal(t, []*runtime.ExecError{skip.Err}, out.Errors)
	assert.Equal(t, []*Handler{out.Fired[0].Handler, skip.Handler}, out.Evaluated(), "fired, then the one that threw")
}

func TestDescriptorsFilterBeforeConditions(t *testing.T) {
	set, err := ReadHandlerFile("h.yaml", []byte(`
handlers:
  - {name: would-throw, event: interaction.delete, cond: _event.data.x.y}
  - {name: would-throw-too, event: other, cond: _event.data.x.y}
`))
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "interaction.deleted"}, runtime.Env{})
	require.NoError(t, err)
	assert.Empty(t, out.Fired)
	assert.Empty(t, out.Errors, "no condition may run for a handler whose descriptor does not match")
	_, skipped := outcomeView(out)
	assert.Equal(t, map[string]Reason{"would-throw": ReasonDescriptor, "would-throw-too": ReasonDescriptor}, skipped)
}

func TestHandlerThatDoesNotCompileLoadsAndNeverFires(t *testing.T) {
	src := "handlers:\n  - name: ok\n    event: e\n    cond: \"false\"\n  - name: bad\n    event: e\n    cond: a == == b\n  - name: last\n    event: e\n"
	set, err := ReadHandlerFile("h.yaml", []byte(src), testTimeout)
	require.NoError(t, err)
	require.Len(t, set.Handlers, 3)
	require.Len(t, set.Problems, 1)
	p := set.Problems[0]
	assert.Equal(t, "bad", p.Handler.Name)
	assert.Equal(t, "h.yaml", p.File)
	assert.Equal(t, 7, p.Line)
	assert.GreaterOrEqual(t, p.Column, 11, "the column points into the condition")
	assert.Contains(t, p.Error(), "h.yaml:7:")
	assert.Error(t, set.Handler("bad").CompileError())

	out, err := set.Dispatch(context.Background(), map[string]any{"name": "e"}, runtime.Env{})
	require.NoError(t, err)
	fired, skipped := outcomeView(out)
	assert.Equal(t, []string{"last"}, fired)
	assert.Equal(t, map[string]Reason{"ok": ReasonCondition, "bad": ReasonError}, skipped)
	require.Len(t, out.Errors, 1)
	assert.Equal(t, "SyntaxError", out.Errors[0].Type)
}

func TestReadHandlerFileRejectsBadInput(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "handlers:\n  - name: a\n    evnt: x\n", `h.yaml:3:5: unknown handler key "evnt"`},
		{"no list", "name: x\n", "no handlers list"},
		{"top-level list", "- a\n", "a handler file is a mapping"},
		{"entry not a mapping", "handlers:\n  - just a string\n", "handler 1 is not a mapping"},
		{"both conds", "handlers:\n  - {cond: a, condition: b}\n", "both cond and condition"},
		{"bad yaml", "handlers: [\n", "h.yaml"},
		{"empty", "", "empty handler file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHandlerFile("h.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReadHandlerFileAcceptsJSON(t *testing.T) {
	set, err := ReadHandlerFile("h.json", []byte(`{"handlers":[{"name":"j","event":"a.b","condition":"_event.data.n > 1"}]}`), testTimeout)
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "a.b.c", "data": map[string]any{"n": 2}}, runtime.Env{})
	require.NoError(t, err)
	fired, _ := outcomeView(out)
	assert.Equal(t, []string{"j"}, fired)
}

const parallelDoc = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="p">
  <parallel id="p">
    <state id="r1" initial="a">
      <state id="a">
        <transition event="go" cond="In('b')" target="a2"/>
      </state>
      <state id="a2"/>
      <transition event="go" target="a"/>
    </state>
    <state id="r2" initial="b">
      <state id="b">
        <transition event="go.far" target="c"/>
        <transition event="halt" target="c"/>
      </state>
      <state id="c"/>
      <transition event="go" cond="false" target="b"/>
    </state>
    <transition event="stop halt" target="done"/>
  </parallel>
  <final id="done"/>
</scxml>`

func TestDispatchSCXMLSelection(t *testing.T) {
	set, err := ReadSCXMLHandlers("p.scxml", []byte(parallelDoc), testTimeout)
	require.NoError(t, err)
	require.Empty(t, set.Problems)
	assert.Equal(t, []string{"a", "b"}, set.DefaultStates())

	tests := []struct {
		event   string
		states  []string
		fired   []string
		regions []string
		skipped map[string]Reason
		ends    bool
	}{
		{
			event: "go", fired: []string{"a#1"}, regions: []string{"r1"},
			skipped: map[string]Reason{
				"r1#1": ReasonPreempted, "b#1": ReasonDescriptor, "b#2": ReasonDescriptor,
				"r2#1": ReasonCondition, "p#1": ReasonDescriptor,
			},
		},
		{
			// a prefix descriptor "go" matches go.far; each region fires its own
			event: "go.far", fired: []string{"a#1", "b#1"}, regions: []string{"r1", "r2"},
			skipped: map[string]Reason{
				"r1#1": ReasonPreempted, "b#2": ReasonDescriptor,
				"r2#1": ReasonPreempted, "p#1": ReasonDescriptor,
			},
		},
		{
			// In('b') is false once region r2 is in c
			event: "go.far", states: []string{"a", "c"}, fired: []string{"r1#1"}, regions: []string{"r1"},
			skipped: map[string]Reason{
				"a#1": ReasonCondition, "b#1": ReasonInactive, "b#2": ReasonDescriptor,
				"r2#1": ReasonCondition, "p#1": ReasonDescriptor,
			},
		},
		{
			event: "stop", fired: []string{"p#1"}, regions: []string{""}, ends: true,
			skipped: map[string]Reason{
				"a#1": ReasonDescriptor, "r1#1": ReasonDescriptor, "b#1": ReasonDescriptor,
				"b#2": ReasonDescriptor, "r2#1": ReasonDescriptor,
			},
		},
		{
			// p#1 (leaving the parallel) and b#2 conflict: the deeper source wins
			event: "halt", fired: []string{"b#2"}, regions: []string{"r2"},
			skipped: map[string]Reason{
				"a#1": ReasonDescriptor, "r1#1": ReasonDescriptor, "b#1": ReasonDescriptor,
				"r2#1": ReasonDescriptor, "p#1": ReasonPreempted,
			},
		},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.event, tt.states), func(t *testing.T) {
			out, err := set.Dispatch(context.Background(), map[string]any{"name": tt.event}, runtime.Env{States: tt.states})
			require.NoError(t, err)
			fired, skipped := outcomeView(out)
			assert.Equal(t, tt.fired, fired)
			assert.Equal(t, tt.skipped, skipped)
			var regions []string
			for _, m := range out.Fired {
				regions = append(regions, m.Region)
			}
			assert.Equal(t, tt.regions, regions)
			assert.Equal(t, tt.ends, out.EndsSession())
		})
	}

	t.Run("the preempting handler is named", func(t *testing.T) {
		out, err := set.Dispatch(context.Background(), map[string]any{"name": "halt"}, runtime.Env{})
		require.NoError(t, err)
		for _, s := range out.Skipped {
			if s.Handler.Name == "p#1" {
				require.NotNil(t, s.By)
				assert.Equal(t, "b#2", s.By.Name)
			}
		}
	})
}

func TestDispatchEventlessAndIn(t *testing.T) {
	// W3C test 310: In() sees the sibling region of a <parallel>.
	set, err := ReadSCXMLHandlers("test310.scxml", []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="p">
  <parallel id="p">
    <state id="s0">
      <transition cond="In('s1')" target="pass"/>
      <transition target="fail"/>
    </state>
    <state id="s1"/>
  </parallel>
  <final id="pass"/>
  <final id="fail"/>
</scxml>`), testTimeout)
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), nil, runtime.Env{})
	require.NoError(t, err)
	require.Len(t, out.Fired, 1)
	assert.Equal(t, "pass", out.Fired[0].Target)
	assert.Equal(t, []string{"p", "s0", "s1"}, out.States)

	// An eventless transition is never selected by an event.
	out, err = set.Dispatch(context.Background(), map[string]any{"name": "anything"}, runtime.Env{})
	require.NoError(t, err)
	assert.Empty(t, out.Fired)
}

func TestDispatchUnknownState(t *testing.T) {
	set, err := ReadSCXMLHandlers("p.scxml", []byte(parallelDoc), testTimeout)
	require.NoError(t, err)
	_, err = set.Dispatch(context.Background(), map[string]any{"name": "go"}, runtime.Env{States: []string{"nowhere"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no state "nowhere"`)
}

func TestReadProcessHandlers(t *testing.T) {
	data, err := os.ReadFile("testdata/ipd.ixnprocess")
	require.NoError(t, err)
	set, err := ReadProcessHandlers("testdata/ipd.ixnprocess", data, testTimeout)
	require.NoError(t, err)
	assert.Equal(t, "dispatch-test", set.Name)

	var names []string
	for _, h := range set.Handlers {
		names = append(names, h.Name)
		assert.Equal(t, ComposerHandlerState, h.State)
	}
	assert.Equal(t, []string{"current deleted", "parent deleted", "broken", "re-queued"}, names, "eventsBackup is not in force")
	assert.False(t, set.Handler("parent deleted").Enabled)
	assert.True(t, set.Handler("current deleted").EndsSession)
	assert.Equal(t, "_event.data.interactionid == _data.system.context.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')", set.Handler("current deleted").Cond)

	require.Len(t, set.Problems, 1)
	assert.Equal(t, "broken", set.Problems[0].Handler.Name)
	assert.Equal(t, 7, set.Problems[0].Line)
	assert.Equal(t, "missing ')' to close '(' opened at 7:149", set.Problems[0].Message, "places the message names are file positions too")

	system := map[string]any{"InteractionID": "IX1", "ParentInteractionID": "IX0"}
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX0"}}, runtime.Env{System: system})
	require.NoError(t, err)
	fired, skipped := outcomeView(out)
	assert.Empty(t, fired)
	assert.Equal(t, ReasonDisabled, skipped["parent deleted"])
	assert.Equal(t, ReasonCondition, skipped["current deleted"])

	out, err = set.Dispatch(context.Background(), map[string]any{"name": "interaction.present", "data": map[string]any{"interactionid": "IX1"}}, runtime.Env{System: system})
	require.NoError(t, err)
	fired, skipped = outcomeView(out)
	assert.Equal(t, []string{"re-queued"}, fired)
	assert.Equal(t, ReasonError, skipped["broken"])
}

func TestLoadHandlersByExtension(t *testing.T) {
	_, err := LoadHandlers("testdata/nothing.txt")
	require.Error(t, err)
	set, err := LoadHandlers("testdata/ipd.ixnprocess", testTimeout)
	require.NoError(t, err)
	assert.Len(t, set.Handlers, 4)
}

// benchHandlers builds a 50-handler set shaped like a large IPD: 49 handlers
// on other interaction events and one that matches, all with the seed's
// condition.
func benchHandlers(b *testing.B) *HandlerSet {
	var src strings.Builder
	src.WriteString("handlers:\n")
	for i := range 49 {
		fmt.Fprintf(&src, "  - {name: h%d, event: interaction.other%d, cond: \"%s\"}\n", i, i, benchCond)
	}
	fmt.Fprintf(&src, "  - {name: notcontrolled, event: interaction.notcontrolled, cond: \"%s\"}\n", benchCond)
	set, err := ReadHandlerFile("bench.yaml", []byte(src.String()), benchTimeout)
	require.NoError(b, err)
	require.Len(b, set.Handlers, 50)
	return set
}

// benchTimeout keeps a loaded machine's scheduling pauses from turning an
// evaluation into a TimeoutError in the middle of a measurement.
var benchTimeout = runtime.Timeout(time.Second)

const benchCond = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"

var benchEvent = map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{"interactionid": "IX1", "resultof": "deletion"}}
var benchSystem = map[string]any{"InteractionID": "IX1"}

// BenchmarkDispatch50 dispatches one event to 50 handlers; compare it with
// BenchmarkDispatchBaselineEval, one evaluation of the same condition: the
// descriptors filter first, so one condition runs, not 50. Most of the rest
// is the reason of every other handler; BenchmarkFire50 leaves it out.
func BenchmarkDispatch50(b *testing.B) {
	set := benchHandlers(b)
	ctx := context.Background()
	env := runtime.Env{System: benchSystem}
	b.ReportAllocs()
	for b.Loop() {
		out, err := set.Dispatch(ctx, benchEvent, env)
		if err != nil || len(out.Fired) != 1 {
			b.Fatal(err, out.Errors)
		}
	}
}

// BenchmarkDispatch50NoMatch is the selection alone: no descriptor
// matches, so no condition runs.
func BenchmarkDispatch50NoMatch(b *testing.B) {
	set := benchHandlers(b)
	ctx := context.Background()
	env := runtime.Env{System: benchSystem}
	event := map[string]any{"name": "interaction.present"}
	b.ReportAllocs()
	for b.Loop() {
		out, err := set.Dispatch(ctx, event, env)
		if err != nil || len(out.Fired) != 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkFire50 is BenchmarkDispatch50 without the reasons of the
// handlers that do not fire.
func BenchmarkFire50(b *testing.B) {
	set := benchHandlers(b)
	ctx := context.Background()
	env := runtime.Env{System: benchSystem}
	b.ReportAllocs()
	for b.Loop() {
		out, err := set.Fire(ctx, benchEvent, env)
		if err != nil || len(out.Fired) != 1 {
			b.Fatal(err, out.Errors)
		}
	}
}

// BenchmarkFire50NoMatch is BenchmarkDispatch50NoMatch without the reasons.
func BenchmarkFire50NoMatch(b *testing.B) {
	set := benchHandlers(b)
	ctx := context.Background()
	env := runtime.Env{System: benchSystem}
	event := map[string]any{"name": "interaction.present"}
	b.ReportAllocs()
	for b.Loop() {
		out, err := set.Fire(ctx, event, env)
		if err != nil || len(out.Fired) != 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkDispatchBaselineEval(b *testing.B) {
	c := runtime.MustCompile(benchCond, benchTimeout)
	ctx := context.Background()
	env := runtime.Env{Event: benchEvent, System: benchSystem}
	b.ReportAllocs()
	for b.Loop() {
		if r := c.Eval(ctx, env); !r.Value {
			b.Fatal("want true, got", r.Err)
		}
	}
}

// A '*' glued to a token is no wildcard: the handler never fires for the
// event it seems to name, and its descriptor says why.
func TestGluedStarNeverFires(t *testing.T) {
	set, err := ReadHandlerFile("h.yaml", []byte(`
handlers:
  - name: glued
    event: interaction.notcontrolled*
  - name: dotted
    event: interaction.notcontrolled.*
`), testTimeout)
	require.NoError(t, err)
	out, err := set.Dispatch(context.Background(), map[string]any{"name": "interaction.notcontrolled"}, runtime.Env{})
	require.NoError(t, err)
	fired, skipped := outcomeView(out)
	assert.Equal(t, []string{"dotted"}, fired)
	assert.Equal(t, map[string]Reason{"glued": ReasonDescriptor}, skipped)
	flaw, ok := set.Handler("glued").Event.List()[0].Flaw()
	require.True(t, ok)
	assert.Equal(t, "interaction.notcontrolled", flaw.Fix)
}

// A handler file's YAML mistakes are placed at their line and column,
// not at the line before.
func TestReadHandlerFileSyntaxErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"handlers:\n  - name: x\n    event: [a, b\n", "h.yaml:3:13: a [ ] list needs ',' between its items and ']' at its end"},
		{"handlers:\n  - name: x\n    cond: a == 1\n   event: y\n", "h.yaml:4:4: this line is indented differently from the list items above it"},
	}
	for _, tt := range tests {
		_, err := ReadHandlerFile("h.yaml", []byte(tt.text), testTimeout)
		assert.EqualError(t, err, tt.want, tt.text)
	}
}
