package statechart

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// The generated IPD's handlers end the session by raising application.exit,
// which its application region takes to the top-level <final>.
func TestGeneratedIPDHandlersEndTheSession(t *testing.T) {
	set, err := LoadHandlers(filepath.Join("..", "examples", "src-gen", "IPD_default_defaultWorkflow.scxml"), testTimeout)
	require.NoError(t, err)
	var ends []string
	for _, h := range set.Handlers {
		if h.EndsSession {
			ends = append(ends, h.Name)
		}
	}
	assert.Equal(t, []string{
		"defaultWorkflow#1",          // the workflow is done → _composer_global_exit
		"_composer_application#1",    // application.exit → _composer_global_exit
		"_composer_event_handler#6",  // interaction deleted
		"_composer_event_handler#7",  // initial interaction deleted
		"_composer_event_handler#9",  // catch all errors
		"_composer_event_handler#10", // the planted interaction.notcontrolled handler
		"_composer_event_handler#13", // interaction revoked (does not compile, so never fires)
	}, ends, "handlers that only raise application.start, or log, do not end it")

	system := map[string]any{"InteractionID": "IX1", "InitialInteractionID": "IX1", "Type": "inbound"}
	tests := []struct {
		name     string
		event    string
		resultof any
		fired    []string
	}{
		{"a deletion: interaction deleted fires", "interaction.deleted", "deletion", []string{"_composer_application#2", "_composer_event_handler#6"}},
		{"a revoking switchover: the buggy notcontrolled handler fires", "interaction.notcontrolled", "revoking", []string{"_composer_application#2", "_composer_event_handler#10"}},
		{"the interaction is back: nothing ends", "interaction.present", nil, []string{"_composer_application#2", "_composer_event_handler#11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := map[string]any{"interactionid": "IX1"}
			if tt.resultof != nil {
				data["resultof"] = tt.resultof
			}
			out, err := set.Dispatch(context.Background(), map[string]any{"name": tt.event, "data": data}, runtime.Env{System: system})
			require.NoError(t, err)
			fired, _ := outcomeView(out)
			assert.Equal(t, tt.fired, fired)
			assert.Equal(t, tt.resultof != nil, out.EndsSession())
		})
	}
}

func TestHandlerEndsTheSession(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		ends []string
	}{
		{"a transition into a top-level final", `<state id="s"><transition event="bye" target="end"/></state><final id="end"/>`, []string{"s#1"}},
		{"a final inside a compound state is not the end", `<state id="s"><state id="a"><transition event="bye" target="f"/></state><final id="f"/></state>`, nil},
		{"raising the event a transition into a final is taken on",
			`<state id="s"><transition event="quit" target="end"/><transition event="go"><if cond="x"><raise event="quit.now"/></if></transition></state><final id="end"/>`,
			[]string{"s#1", "s#2"}},
		{"sending it to itself as a string literal",
			`<state id="s"><transition event="quit" target="end"/><transition event="go"><send event="'quit'"/></transition></state><final id="end"/>`,
			[]string{"s#1", "s#2"}},
		{"sending it elsewhere does not end this session",
			`<state id="s"><transition event="quit" target="end"/><transition event="go"><send event="quit" target="#_parent"/></transition></state><final id="end"/>`,
			[]string{"s#1"}},
		{"through a chain of raised events",
			`<state id="s"><transition event="a"><raise event="b"/></transition><transition event="b"><raise event="quit"/></transition><transition event="quit" target="end"/></state><final id="end"/>`,
			[]string{"s#1", "s#2", "s#3"}},
		{"the state that would take it is not always active",
			`<state id="s" initial="a"><state id="a"><transition event="go"><raise event="quit"/></transition></state><state id="b"><transition event="quit" target="end"/></state></state><final id="end"/>`,
			[]string{"b#1"}},
		{"the raising transition leaves the state that would take it",
			`<state id="s" initial="a"><transition event="quit" target="end"/><state id="a"><transition event="go" target="out"><raise event="quit"/></transition></state></state><state id="out"/><final id="end"/>`,
			[]string{"s#1"}},
		{"a parallel region takes it",
			`<parallel id="p"><state id="app"><transition event="quit" target="end"/></state><state id="handlers"><transition event="go"><raise event="quit"/></transition></state></parallel><final id="end"/>`,
			[]string{"app#1", "handlers#1"}},
		{"an earlier transition takes it first",
			`<state id="s"><transition event="*"/><transition event="quit" target="end"/><transition event="go"><raise event="quit"/></transition></state><final id="end"/>`,
			[]string{"s#2"}},
		{"sending it to its own session id",
			`<state id="s"><transition event="quit" target="end"/><transition event="go"><send event="quit" targetexpr="'#_scxml_' + _sessionid"/></transition></state><final id="end"/>`,
			[]string{"s#1", "s#2"}},
		{"raising an event nothing ends on", `<state id="s"><transition event="go"><raise event="application.exit"/></transition></state><final id="end"/>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="s">` + tt.doc + `</scxml>`
			set, err := ReadSCXMLHandlers("t.scxml", []byte(src), testTimeout)
			require.NoError(t, err)
			var ends []string
			for _, h := range set.Handlers {
				if h.EndsSession {
					ends = append(ends, h.Name)
				}
			}
			assert.Equal(t, tt.ends, ends)

			// The reading of the document, which compiles nothing, is what dispatch says.
			var read []string
			for i, tr := range parse(t, src).Transitions {
				if tr.EndsSession {
					read = append(read, set.Handlers[i].Name)
				}
			}
			assert.Equal(t, tt.ends, read)
		})
	}
}

func parse(t *testing.T, src string) *scxml.Document {
	t.Helper()
	d, err := scxml.Parse("t.scxml", []byte(src))
	require.NoError(t, err)
	return d
}

// A Composer handler that sends application.exit to its own session ends it
// as one that raises it does; one that sends it elsewhere does not.
func TestComposerHandlerSendingExitEndsTheSession(t *testing.T) {
	bodies := []struct {
		body string
		ends bool
	}{
		{`&lt;raise event=&quot;application.exit&quot;/&gt;`, true},
		{`&lt;send event=&quot;application.exit&quot;/&gt;`, true},
		{`&lt;send event=&quot;'application.exit'&quot; target=&quot;#_internal&quot;/&gt;`, true},
		{`&lt;send event=&quot;application.exit&quot; target=&quot;#_parent&quot;/&gt;`, false},
		{`&lt;log expr=&quot;'application.exit'&quot;/&gt;`, false},
	}
	for _, b := range bodies {
		t.Run(b.body, func(t *testing.T) {
			src := `<?xml version="1.0" encoding="UTF-8"?>
<ixn:IpdDiagram xmlns:ixn="http://www.genesyslab.com/ixn" name="p">
  <events name="interaction released" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="` + b.body + `"/>
</ixn:IpdDiagram>`
			set, err := ReadProcessHandlers("p.ixnprocess", []byte(src), testTimeout)
			require.NoError(t, err)
			assert.Equal(t, b.ends, set.Handler("interaction released").EndsSession)
		})
	}
}
