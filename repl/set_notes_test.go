package repl

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/condeval/condeval/runtime"
)

// :set does what it is told, and says when that is probably not what was
// meant: a new global near a known name, a system field Composer does not
// have, a bare word where JSON goes.
func TestSetNotes(t *testing.T) {
	system := map[string]any{"Custom": "x"}
	tests := []struct{ script, want string }{
		{`:set _evnt.data.x = "y"`, "note: _evnt is no name ORS gives a condition; it is set as a new global (did you mean _event?)\n_evnt.data.x = \"y\"\n"},
		{`:set App_Target1 = 3`, "App_Target1 = 3\n"},
		{`:set system.InteractionId = "1"`, "note: InteractionId is not a Composer system variable; did you mean system.InteractionID?\nsystem.InteractionId = \"1\"\n"},
		{`:set _data.system.context.Foo = 1`, "note: Foo is not a Composer system variable\n_data.system.context.Foo = 1\n"},
		{`:set system.ANI = "1"`, "system.ANI = \"1\"\n"},
		{`:set system.Custom = "y"`, "system.Custom = \"y\"\n"},
		{`:set _event.data.resultof = deletion`, "note: deletion is not JSON; read as the string \"deletion\" (JSON strings take quotes)\n_event.data.resultof = \"deletion\"\n"},
		{`:set _event.data.interactionid = 00A1QW4N8C7H2001`, "note: 00A1QW4N8C7H2001 is not JSON; read as the string \"00A1QW4N8C7H2001\" (JSON strings take quotes)\n_event.data.interactionid = \"00A1QW4N8C7H2001\"\n"},
		{`:set _event.data.resultof = true`, "_event.data.resultof = true\n"},
		{`:set _event.name = a b`, "error: value of _event.name: 1:2: invalid JSON: invalid character 'a' looking for beginning of value\n"},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			out, _ := runScript(t, runtime.Env{Event: map[string]any{"name": "e"}, System: system}, tt.script+"\n")
			assert.Equal(t, tt.want, out)
		})
	}
}
