package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseGlobal(t *testing.T) {
	tests := []struct {
		name, flag string
		wantName   string
		want       any
		wantErr    string
	}{
		{"object", `App_Target={"requestid":"R1"}`, "App_Target", map[string]any{"requestid": "R1"}, ""},
		{"value with =", `App_X="a=b"`, "App_X", "a=b", ""},
		{"no =", "App_X", "", nil, "--global App_X: want NAME=JSON"},
		{"no name", "=1", "", nil, "--global =1: want NAME=JSON"},
		{"bad JSON", "App_X={", "", nil, "--global App_X: 1:2: invalid JSON: unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, v, err := parseGlobal(tt.flag)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantName, name)
			assert.Equal(t, tt.want, v)
		})
	}
}
