package repl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
)

func TestSimulate(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "s.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:queue="http://www.genesyslab.com/modules/queue" version="1.0" datamodel="ecmascript">
	<state id="idle">
		<transition event="call" cond="_event.data.vip == system.VIP" target="queued"/>
	</state>
	<state id="queued">
		<onentry><queue:submit queue="'gold'"/><send event="timeout" delay="2s"/></onentry>
		<transition event="timeout" target="done"/>
	</state>
	<final id="done"/>
</scxml>`), 0o600))
	out, s := runScript(t, runtime.Env{System: map[string]any{"VIP": true}}, lines(
		":send call",
		":simulate "+doc,
		"In('idle')",
		`:send call {"vip": false}`,
		`:event {"name": "call", "data": {"vip": true}}`,
		":send",
		"In('queued')",
		":advance 1999",
		":simulate",
		":advance 1",
	))
	assert.Equal(t, lines(
		"error: :send needs a simulation: start one with :simulate DOC",
		"[0ms] start-up",
		"  enter idle",
		"  configuration: idle",
		"true  (boolean true)",
		"[0ms] event call",
		"  configuration: idle",
		`_event = {"data":{"vip":true},"name":"call"}`,
		"[0ms] event call",
		"  transition idle -> queued on call  ("+doc+":3:3)",
		"  exit  idle",
		"  enter queued",
		`  effect queue:submit {"queue":"gold"}  (`+doc+":6:12)",
		"  configuration: queued",
		"true  (boolean true)",
		"[1999ms] clock",
		"  configuration: queued",
		"[1999ms] running, 1 delayed events pending",
		"  configuration: queued",
		"[2000ms] clock",
		"  transition queued -> done on timeout  ("+doc+":7:3)",
		"  exit  queued done", // the session ends: W3C leaves every state
		"  enter done",
		"  configuration: done",
		"  done: done",
	), out)
	assert.True(t, s.Failed(), "the first :send was refused")
}
