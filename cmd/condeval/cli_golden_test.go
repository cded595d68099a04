package main

import (
	"fmt"
	"strings"
	"testing"
)

// The command line as a user meets it: every command with each input it
// reads missing or given, and each way of giving a condition. The
// transcript is testdata/cli.golden; after a deliberate change, review
// the diff of
//
//	go test ./cmd/condeval -run TestCLIGolden -update
func TestCLIGolden(t *testing.T) {
	const (
		seed     = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"
		revoking = "examples/events/notcontrolled-revoking.json"
		system   = "examples/system.json"
		ipd      = "examples/ipd/default.ixnprocess"
		doc      = "examples/src-gen/IPD_default_defaultWorkflow.scxml"
		events   = "examples/events/switchover.ndjson"
	)
	tests := []struct {
		stdin string
		args  []string
	}{
		// eval: each missing input, then all given.
		{"", []string{"eval", seed}},
		{"", []string{"eval", "--event", revoking, seed}},
		{"", []string{"eval", "--system", system, seed}},
		{"", []string{"eval", "--event", revoking, "--system", system, seed}},
		{"", []string{"eval", "--event", revoking, "--system", system, "_data.system.context.InteractionID == _event.data.interactionid"}},
		{"", []string{"eval", "App_Target1.requestid == _event.data.requestid"}},
		{"", []string{"eval", "--event", revoking, "--global", `App_Target1={"requestid":"r1"}`, "App_Target1.requestid == 'r1' && _data.App_Target1 != null"}},
		{"", []string{"eval", "--event", `examples/events/notcontrolled-revoking.json`, "_event.data.party.role"}},
		// eval: each form of the condition.
		{"", []string{"eval", "--event", revoking, "-e", "_event.data.resultof == 'revoking'"}},
		{"", []string{"eval", "--event", revoking, "--expr", "_event.data.resultof == 'revoking'"}},
		{"", []string{"eval", "--event", revoking, "--cond", "_event.data.resultof == 'revoking'"}},
		{"_event.data.resultof == 'revoking'\n", []string{"eval", "--event", revoking, "-"}},
		{"\uFEFF_event.data.resultof == 'revoking'\n", []string{"eval", "--event", revoking, "-e", "-"}},
		{"", []string{"eval", "--event", revoking, "-e", "_event.data.resultof == 'revoking'", "-e", "_event.data.resultof == 'deletion' || (", "true"}},
		{"", []string{"eval"}},
		{"", []string{"eval", "-e", "-", "-"}},
		// eval --batch: its one default condition, by either name.
		{`{"id":1,"event":{"data":{"resultof":"revoking"}}}` + "\n" + `{"id":2,"cond":"true","sytem":{}}` + "\n", []string{"eval", "--batch", "-e", "_event.data.resultof == 'revoking'"}},
		{`{"id":1,"event":{"data":{"resultof":"deletion"}}}` + "\n", []string{"eval", "--batch", "--cond", "_event.data.resultof == 'revoking'"}},
		{"", []string{"eval", "--batch", "-e", "a", "-e", "b"}},
		// lint: each form of the condition, and a handler file.
		{"", []string{"lint", "-e", "_event.data.resultof == 'deleted'"}},
		{"", []string{"lint", "--expr", "_event.data.resultOf == 'deletion'"}},
		{"", []string{"lint", "--cond", "system.ANI = '1'"}},
		{"", []string{"lint", "-e", "a ==", "-e", "_event.data.resultof == 'deleted'"}},
		{"\uFEFF(a || b\n", []string{"lint", "-e", "-"}},
		{"", []string{"lint", "conformance/handlers/custom-notcontrolled-resultof.yaml"}},
		{"", []string{"lint"}},
		// dispatch: the help page's example (no --system), then with each input.
		{"", []string{"dispatch", "--explain", "--handlers", ipd, "--events", events}},
		{"", []string{"dispatch", "--explain", "--handlers", ipd, "--events", events, "--system", system}},
		{"", []string{"dispatch", "--handlers", ipd, "--event", revoking}},
		{"", []string{"dispatch", "--explain", "--handlers", "conformance/handlers/custom-notcontrolled-resultof.yaml", "--event", revoking, "--system", system}},
		{"", []string{"dispatch", "--handlers", ipd}},
		{"", []string{"dispatch", "--handlers", ipd, "--event", revoking, "--global", "x"}},
		// simulate: without and with --system.
		{"", []string{"simulate", doc}},
		{"", []string{"simulate", doc, "--system", system}},
		// repl: notes of missing inputs, :set in the user's words.
		{"_event.data.resultof\nsystem.InteractionID\nApp_X\n:set _evnt.data.x = 1\n:set _event.data.resultof = deletion\n:set system.InteractionId = \"1\"\n", []string{"repl"}},
		{"_event.data.interactionid == system.InteractionID\n", []string{"repl", "--event", revoking, "--system", system}},
		// consume: a condition is asked for before any broker is.
		{"", []string{"consume", "--brokers", "localhost:1", "--group", "g", "--topic", "t", "--out-topic", "o", "--dlq-topic", "d", "--progress", "0"}},
		// help and version.
		{"", []string{"help", "frob"}},
		{"", []string{"version"}},
	}
	var b strings.Builder
	inRepo(t, func() {
		for _, tt := range tests {
			code, out, errOut := runWithInput(t, tt.stdin, tt.args...)
			b.WriteString(commandLine(tt.args))
			if tt.stdin != "" {
				fmt.Fprintf(&b, " <<< %q", tt.stdin)
			}
			fmt.Fprintf(&b, "\n%s", out)
			if errOut != "" {
				fmt.Fprintf(&b, "[stderr]\n%s", errOut)
			}
			fmt.Fprintf(&b, "[exit %d]\n\n", code)
		}
	})
	golden(t, "cli.golden", b.String())
}
