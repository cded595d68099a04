package statechart

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteText(t *testing.T) {
	at := place{File: "d.scxml", Line: 3, Column: 23}
	syntax := Error{Name: "error.execution", Type: "SyntaxError", Message: "Unexpected token )", At: at}
	limit := Error{Name: "error.limit", Type: "LimitError", Message: "too many microsteps", At: place{File: "d.scxml", Line: 1, Column: 1}}
	tests := []struct {
		name string
		step Step
		want string
	}{
		{"an error raised again and again is written once with the count",
			Step{Time: 5, Configuration: []string{"a"}, Errors: []Error{syntax, syntax, syntax, limit}, Done: true},
			"[5ms] clock\n" +
				"  error error.execution: SyntaxError: Unexpected token )  (d.scxml:3:23)\n" +
				"  … (repeated 3 times)\n" +
				"  error error.limit: LimitError: too many microsteps  (d.scxml:1:1)\n" +
				"  configuration: a\n  stopped\n"},
		{"errors that differ are each written",
			Step{Configuration: []string{"a"}, Time: 1, Errors: []Error{syntax, limit, syntax}},
			"[1ms] clock\n" +
				"  error error.execution: SyntaxError: Unexpected token )  (d.scxml:3:23)\n" +
				"  error error.limit: LimitError: too many microsteps  (d.scxml:1:1)\n" +
				"  error error.execution: SyntaxError: Unexpected token )  (d.scxml:3:23)\n" +
				"  configuration: a\n"},
		{"a session that reached a final state says which",
			Step{Time: 1, Configuration: []string{"f"}, Done: true, Final: "f"},
			"[1ms] clock\n  configuration: f\n  done: f\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			require.NoError(t, tt.step.WriteText(&b, nil))
			assert.Equal(t, tt.want, b.String())
		})
	}
}

func TestStepJSON(t *testing.T) {
	at := place{File: "d.scxml", Line: 3, Column: 23}
	tests := []struct {
		name string
		step Step
		want string
	}{
		{"start-up has no event, and every list is an array",
			Step{Configuration: []string{"a"}, Entered: []string{"a"}},
			`{"event":null,"time":0,"configuration":["a"],"exited":[],"entered":["a"],"logs":[],"effects":[],"errors":[],"done":false}`},
		{"an event is named, its transitions are left to the text, the final state is said",
			Step{Event: &Event{Name: "go", Data: map[string]any{"x": 1}}, Time: 5, Configuration: []string{"f"},
				Transitions: []Transition{{Source: "a", Targets: []string{"f"}, At: at}},
				Exited:      []string{"a"}, Entered: []string{"f"}, Logs: []Log{{Message: "bye", At: at}}, Done: true, Final: "f"},
			`{"event":"go","time":5,"configuration":["f"],"exited":["a"],"entered":["f"],` +
				`"logs":[{"message":"bye","at":{"file":"d.scxml","line":3,"column":23}}],"effects":[],"errors":[],"done":true,"final":"f"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(&tt.step)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(b))
		})
	}
}
