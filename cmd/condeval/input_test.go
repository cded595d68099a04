package main

import (
	"errors"
	"fmt"
	"strings"
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

func TestEachLineNumbersEveryLine(t *testing.T) {
	var got []string
	err := eachLine(strings.NewReader("a\n\n  \nb\nc\n"), func(n int, line []byte) error {
		got = append(got, fmt.Sprintf("%d:%s", n, strings.TrimSpace(string(line))))
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"1:a", "2:", "3:", "4:b", "5:c"}, got, "blank lines count; a final line break starts no line")

	stop := errors.New("stop")
	err = eachLine(strings.NewReader("a\nb\n"), func(int, []byte) error { return stop })
	assert.ErrorIs(t, err, stop)
}
