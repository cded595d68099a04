package repl

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePath(t *testing.T) {
	tests := []struct {
		text    string
		want    []string
		wantErr string
	}{
		{"_event.data.resultof", []string{"_event", "data", "resultof"}, ""},
		{"  system.ANI ", []string{"system", "ANI"}, ""},
		{"_data.system.context.ANI", []string{"system", "ANI"}, ""},
		{"_data.system.context", []string{"system"}, ""},
		{"_data.App_Target1.requestid", []string{"App_Target1", "requestid"}, ""},
		{"App_Target1", []string{"App_Target1"}, ""},
		{"_sessionid", []string{"_sessionid"}, ""},
		{"InteractionID", []string{"InteractionID"}, ""}, // a deprecated Composer global is still a global
		{"", nil, "missing path: write it as a condition reads it, e.g. _event.data.resultof"},
		{"_event..data", nil, `bad path "_event..data": segment 2 is not a property name`},
		{"_event.data['x']", nil, `bad path "_event.data['x']": segment 2 is not a property name`},
		{"1x.y", nil, `bad path "1x.y": "1x" is not a name`},
		{"_data", nil, "_data is built by the data model; set system or _data.NAME instead"},
		{"_data.system.x", nil, "_data.system.x is built by the data model; set system or _data.NAME instead"},
		{"_ioprocessors.x", nil, "cannot set _ioprocessors.x: _ioprocessors is provided by the data model"},
		{"_data.In", nil, "cannot set _data.In: In is provided by the data model"},
		{"Math.PI", nil, "cannot set Math.PI: Math is an ECMAScript built-in"},
		{"uneval", nil, "cannot set uneval: uneval is an ECMAScript built-in"},
		{"_name.x", nil, "cannot set _name.x: _name is a string"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			p, err := parsePath(tt.text)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.segs)
		})
	}
}

func TestSetAndUnsetPath(t *testing.T) {
	tests := []struct {
		name    string
		op      string // "set" or "unset"
		path    string
		value   any
		want    map[string]any // the tree afterwards, when no error
		wantErr string
	}{
		{"set a field", "set", "_event.data.resultof", "deletion",
			map[string]any{"_event": map[string]any{"name": "e", "data": map[string]any{"resultof": "deletion"}}, "App": []any{1.0, map[string]any{}}}, ""},
		{"set creates objects", "set", "system.a.b", 1.0,
			map[string]any{"_event": map[string]any{"name": "e", "data": map[string]any{}}, "App": []any{1.0, map[string]any{}}, "system": map[string]any{"a": map[string]any{"b": 1.0}}}, ""},
		{"set an array element", "set", "App.0", "x",
			map[string]any{"_event": map[string]any{"name": "e", "data": map[string]any{}}, "App": []any{"x", map[string]any{}}}, ""},
		{"set through an array element", "set", "App.1.k", true,
			map[string]any{"_event": map[string]any{"name": "e", "data": map[string]any{}}, "App": []any{1.0, map[string]any{"k": true}}}, ""},
		{"set past the end of an array", "set", "App.2", 1.0, nil, `cannot set App.2: "2" is not an index of an array of 2`},
		{"set through a string", "set", "_event.name.x", 1.0, nil, "cannot set _event.name.x: _event.name is a string"},
		{"set through a number", "set", "App.0.x", 1.0, nil, "cannot set App.0.x: App.0 is a number"},
		{"replace _event by an array", "set", "_event", []any{}, nil, "_event must be a JSON object, not an array"},
		{"replace _sessionid by a number", "set", "_sessionid", 1.0, nil, "_sessionid must be a JSON string, not a number"},
		{"unset a field", "unset", "_event.name", nil,
			map[string]any{"_event": map[string]any{"data": map[string]any{}}, "App": []any{1.0, map[string]any{}}}, ""},
		{"unset a root", "unset", "_event", nil,
			map[string]any{"App": []any{1.0, map[string]any{}}}, ""},
		{"unset a missing field", "unset", "_event.data.resultof", nil, nil, "cannot unset _event.data.resultof: it is not set"},
		{"unset in an array", "unset", "App.0", nil, nil, "cannot unset App.0: App is an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := map[string]any{
				"_event": map[string]any{"name": "e", "data": map[string]any{}},
				"App":    []any{1.0, map[string]any{}},
			}
			p, err := parsePath(tt.path)
			require.NoError(t, err)
			if tt.op == "set" {
				err = setPath(tree, p, tt.value)
			} else {
				err = unsetPath(tree, p)
			}
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, tree)
		})
	}
}
