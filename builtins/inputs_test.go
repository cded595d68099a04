package builtins

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMissingInputs(t *testing.T) {
	event := map[string]any{"name": "interaction.deleted", "data": map[string]any{}}
	tests := []struct {
		name  string
		paths []string // dotted
		env   Env
		want  []Missing
	}{
		{"nothing given", []string{"_event.data.interactionid", "system.InteractionID", "_event.data.resultof", "App_Target"}, Env{},
			[]Missing{{Input: InputEventData, Read: 0}, {Input: InputSystem, Read: 1}, {Input: InputGlobal, Name: "App_Target", Read: 3}}},
		{"everything given", []string{"_event.data.interactionid", "system.InteractionID", "App_Target"},
			Env{Event: event, System: map[string]any{}, Globals: map[string]any{"App_Target": 1}}, nil},
		{"an event without data", []string{"_event.name", "_event.data.resultof"}, Env{Event: map[string]any{"name": "x"}},
			[]Missing{{Input: InputEventData, Read: 1}}},
		{"through _data", []string{"_data.system.context.ANI", "_data.App_x.y"}, Env{},
			[]Missing{{Input: InputSystem}, {Input: InputGlobal, Name: "App_x", Read: 1}}},
		{"whole objects and built-ins are no input", []string{"system", "_event", "_event.name", "_data", "_data.system", "In", "Math.max", "undefined", "_genesys.session.id", "_sessionid"}, Env{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paths [][]string
			for _, p := range tt.paths {
				paths = append(paths, strings.Split(p, "."))
			}
			assert.Equal(t, tt.want, MissingInputs(paths, tt.env))
		})
	}
}
