package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	exampleIPD    = "../../examples/src-gen/IPD_default_defaultWorkflow.scxml"
	exampleProc   = "../../examples/ipd/default.ixnprocess"
	exampleSystem = "../../examples/system.json"
	revoking      = "../../examples/events/notcontrolled-revoking.json"
	switchover    = "../../examples/events/switchover.ndjson"
)

// lineOf returns the output line that mentions handler, or fails.
func lineOf(t *testing.T, out, prefix, handler string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) && strings.Contains(l, " "+handler+" ") {
			return l
		}
	}
	t.Fatalf("no %q line for %s in:\n%s", prefix, handler, out)
	return ""
}

// The example IPD with a revoking event: the hand-patched not-controlled
// handler (line 173) fires because its misspelt resultOf is undefined,
// the application leg's "*" records the event, and every other handler is
// explained.
func TestDispatchExplainExampleIPD(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "dispatch", "--handlers", exampleIPD, "--event", revoking, "--system", exampleSystem, "--explain")
	require.Equal(t, 0, code, errOut)

	assert.Contains(t, out, "event interaction.notcontrolled (states: _composer_globalstate, _composer_parallel, _composer_application, _composer_init, _composer_event_handler)")
	fired := lineOf(t, out, "fires", "_composer_event_handler#10")
	assert.Contains(t, fired, "IPD_default_defaultWorkflow.scxml:173")
	assert.Contains(t, fired, "region _composer_event_handler")
	assert.Contains(t, fired, "(ends the session)", "it raises application.exit, which the application leg exits on")
	assert.Contains(t, out, "_event.data.resultOf != 'revoking' is true")
	logger := lineOf(t, out, "fires", "_composer_application#2")
	assert.Contains(t, logger, "region _composer_application")
	assert.NotContains(t, logger, "ends the session")

	tests := []struct{ handler, want string }{
		{"_composer_init#1", `descriptor: event="application.start" does not match interaction.notcontrolled`},
		{"_composer_event_handler#6", `descriptor: event="interaction.deleted" does not match`},
		{"_composer_event_handler#9", `descriptor: event="error" does not match`},
		{"_composer_event_handler#12", `descriptor: event="interaction.partystate.changed" does not match`},
		{"_composer_event_handler#13", "preempted: _composer_event_handler#10 was selected first"},
	}
	for _, tt := range tests {
		assert.Contains(t, lineOf(t, out, "skipped", tt.handler), tt.want)
	}
	// Every handler of the document is either fired or explained.
	assert.Equal(t, 2, strings.Count(out, "\n  fires "))
	assert.Equal(t, 15, strings.Count(out, "\n  skipped "))
	// The planted syntax error is reported with its position, and the set still loads.
	assert.Contains(t, errOut, "IPD_default_defaultWorkflow.scxml:189:")
	assert.Contains(t, errOut, "never fires")
}

// A real deletion: the "interaction deleted" handler fires and, raising
// application.exit, ends the session.
func TestDispatchExampleIPDDeletionEndsTheSession(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "dispatch", "--handlers", exampleIPD, "--event", "../../examples/events/deleted.json", "--system", exampleSystem, "--explain")
	require.Equal(t, 0, code, errOut)
	fired := lineOf(t, out, "fires", "_composer_event_handler#6")
	assert.Contains(t, fired, "IPD_default_defaultWorkflow.scxml:135")
	assert.Contains(t, fired, "(ends the session)")
	assert.Equal(t, 1, strings.Count(out, "(ends the session)"))
	assert.Contains(t, lineOf(t, out, "skipped", "_composer_event_handler#7"), "preempted: _composer_event_handler#6 was selected first")
}

func TestDispatchWithoutExplainListsOnlyFired(t *testing.T) {
	code, out, _ := runWithInput(t, "", "dispatch", "--handlers", exampleIPD, "--event", revoking, "--system", exampleSystem)
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "skipped")
	assert.Contains(t, out, "fires    _composer_event_handler#10")
}

func TestDispatchEventsJSON(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "dispatch", "--handlers", exampleProc, "--events", switchover, "--system", exampleSystem, "--format", "json")
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, "one JSON object per event")

	type rec struct {
		Event string `json:"event"`
		Fired []struct {
			Handler string `json:"handler"`
			Line    int    `json:"line"`
			State   string `json:"state"`
			Target  string `json:"target"`
		} `json:"fired"`
		Skipped []struct {
			Handler string          `json:"handler"`
			Line    int             `json:"line"`
			Reason  string          `json:"reason"`
			Error   json.RawMessage `json:"error"`
		} `json:"skipped"`
	}
	var first, second rec
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))

	assert.Equal(t, "interaction.notcontrolled", first.Event)
	require.Len(t, first.Fired, 1)
	assert.Equal(t, "interaction not controlled", first.Fired[0].Handler)
	assert.Equal(t, 17, first.Fired[0].Line)
	assert.Equal(t, "_composer_event_handler", first.Fired[0].State)
	reasons := map[string]string{}
	for _, s := range first.Skipped {
		reasons[s.Handler] = s.Reason
		if s.Reason != "error" {
			assert.Equal(t, "null", string(s.Error))
		}
	}
	assert.Equal(t, "disabled", reasons["parent interaction deleted"])
	assert.Equal(t, "descriptor", reasons["interaction added"])
	assert.Equal(t, "preempted", reasons["interaction revoked"])

	assert.Equal(t, "interaction.present", second.Event)
	require.Len(t, second.Fired, 1)
	assert.Equal(t, "interaction re-queued", second.Fired[0].Handler)
}

func TestDispatchReportsConditionErrors(t *testing.T) {
	dir := t.TempDir()
	handlers := filepath.Join(dir, "h.yaml")
	require.NoError(t, os.WriteFile(handlers, []byte("handlers:\n  - {name: reads-data, event: e, cond: _event.data.x.y}\n"), 0o644))
	event := filepath.Join(dir, "e.json")
	require.NoError(t, os.WriteFile(event, []byte(`{"name":"e"}`), 0o644))

	code, out, _ := runWithInput(t, "", "dispatch", "--handlers", handlers, "--event", event, "--format", "json")
	require.Equal(t, 0, code)
	var rec struct {
		Skipped []struct {
			Reason string `json:"reason"`
			Error  struct {
				Name, Type string
			} `json:"error"`
		} `json:"skipped"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rec))
	require.Len(t, rec.Skipped, 1)
	assert.Equal(t, "error", rec.Skipped[0].Reason)
	assert.Equal(t, "error.execution", rec.Skipped[0].Error.Name)
	assert.Equal(t, "TypeError", rec.Skipped[0].Error.Type)

	code, out, _ = runWithInput(t, "", "dispatch", "--handlers", handlers, "--event", event, "--explain")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "skipped  reads-data")
	assert.Contains(t, out, "error: TypeError: Cannot read property 'x' of undefined\n"+
		"           reads _event.data.x.y, but the event has no \"data\"\n"+
		"           "+handlers+":2:52: error: TypeError: Cannot read property 'x' of undefined [error.execution]\n"+
		"             - {name: reads-data, event: e, cond: _event.data.x.y}\n"+
		"                                                              ^\n")
}

func TestDispatchInputErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[1,2]`), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no event", []string{"dispatch", "--handlers", exampleIPD}, "give the event: --event FILE, or --events FILE.ndjson for several"},
		{"both", []string{"dispatch", "--handlers", exampleIPD, "--event", revoking, "--events", switchover}, "give --event or --events, not both"},
		{"missing handlers", []string{"dispatch", "--handlers", "nope.yaml", "--event", revoking}, "nope.yaml"},
		{"unknown type", []string{"dispatch", "--handlers", "../../examples/conditions.cond", "--event", revoking}, "unknown handler file type"},
		{"not a handler file", []string{"dispatch", "--handlers", exampleSystem, "--event", revoking}, `system.json:2:3: unknown key "SessionID"`},
		{"not an object", []string{"dispatch", "--handlers", exampleIPD, "--event", bad}, "bad.json:1:1: want a JSON object, got an array"},
		{"unknown state", []string{"dispatch", "--handlers", exampleIPD, "--event", revoking, "--state", "nowhere"}, `no state "nowhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runWithInput(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestDispatchEventsStreamKeepsGoingPastBadLines(t *testing.T) {
	stdin := `{"name":"interaction.present","data":{"interactionid":"00A1QW4N8C7H2001"}}
not json
{"name":"interaction.deleted","data":{"interactionid":"00A1QW4N8C7H2001"}}
`
	code, out, _ := runWithInput(t, stdin, "dispatch", "--handlers", exampleProc, "--events", "-", "--system", exampleSystem, "--format", "json")
	assert.Equal(t, exitUsage, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], `"event":"interaction.present"`)
	assert.Contains(t, lines[1], `"line":2`)
	assert.Contains(t, lines[1], `"error.input"`)
	assert.Contains(t, lines[2], `"event":"interaction.deleted"`)
	assert.Contains(t, lines[2], `"handler":"interaction deleted"`)
}

func TestDispatchState(t *testing.T) {
	// The named state is completed to a legal configuration: the IPD's
	// handler region is active beside the workflow.
	code, out, _ := runWithInput(t, "", "dispatch", "--handlers", exampleIPD, "--event", revoking, "--system", exampleSystem, "--state", "defaultWorkflow", "--explain")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "(states: _composer_globalstate, _composer_parallel, _composer_application, _composer_start, defaultWorkflow, _composer_event_handler)")
	assert.Contains(t, lineOf(t, out, "fires", "_composer_event_handler#10"), "(ends the session)")
	// Once the session has ended, no region is active.
	code, out, _ = runWithInput(t, "", "dispatch", "--handlers", exampleIPD, "--event", revoking, "--system", exampleSystem, "--state", "_composer_global_exit", "--explain")
	require.Equal(t, 0, code)
	assert.Contains(t, lineOf(t, out, "skipped", "_composer_application#2"), "inactive: state _composer_application is not active")
}

func TestDispatchEventsTextNamesTheBadLines(t *testing.T) {
	stdin := "{\"name\":\"interaction.present\"}\nnot json\n\n[1]\n"
	code, out, errOut := runWithInput(t, stdin, "dispatch", "--handlers", exampleProc, "--events", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, "event interaction.present")
	assert.Contains(t, errOut, "<stdin>:2:2: invalid JSON: invalid character 'o' in literal null (expecting 'u')\n")
	assert.Contains(t, errOut, "<stdin>:4:1: want a JSON object, got an array\n")
}
