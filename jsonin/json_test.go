package jsonin

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeObject(t *testing.T) {
	tests := []struct {
		name, in, wantErr string
	}{
		{"object", `{"name":"interaction.deleted"}`, ""},
		{"surrounding space", " \n{}\n ", ""},
		{"empty", "", "1:1: invalid JSON: no value"},
		{"not an object", `["a"]`, "1:1: want a JSON object, got an array"},
		{"null", `null`, "1:1: want a JSON object, got null"},
		{"bad character", `{"a": x}`, "1:7: invalid JSON: invalid character 'x' looking for beginning of value"},
		{"bad character on line 2", "{\n  \"a\": 1,,\n}", "2:10: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"cut short", `{"data": {"resultof": "revoking"`, "1:33: invalid JSON: unexpected end of JSON input"},
		{"two values", `{} {}`, "1:4: invalid JSON: more text after the value"},
		{"a U+2028 in a string breaks no line", "{\"a\": \"x\u2028y\", x}", "1:14: invalid JSON: invalid character 'x' looking for beginning of object key string"},
		{"a lone CR ends a line as in an editor", "{\r\"a\": x}", "2:6: invalid JSON: invalid character 'x' looking for beginning of value"},
		{"trailing garbage", `{}x`, "1:3: invalid JSON: more text after the value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obj, err := DecodeObject([]byte(tt.in))
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.NotNil(t, obj)
				return
			}
			assert.EqualError(t, err, tt.wantErr)
		})
	}
}

func TestReadObjectFileNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "event.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"name": }`), 0o600))
	_, err := ReadObjectFile(path)
	assert.EqualError(t, err, path+":1:10: invalid JSON: invalid character '}' looking for beginning of value")

	_, err = ReadObjectFile(filepath.Join(t.TempDir(), "missing.json"))
	assert.ErrorContains(t, err, "missing.json: no such file or directory")
}

func TestDecodeObjectLineCountsTheStreamsLines(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		wantErr  string
	}{
		{"object", `{"name":"interaction.present"}`, 3, ""},
		{"bad character", `not json`, 2, "2:2: invalid JSON: invalid character 'o' in literal null (expecting 'u')"},
		{"array", `[1]`, 7, "7:1: want a JSON object, got an array"},
		{"cut short", `{"name":`, 1, "1:9: invalid JSON: unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obj, err := DecodeObjectLine([]byte(tt.in), tt.n)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, "interaction.present", obj["name"])
				return
			}
			assert.EqualError(t, err, tt.wantErr)
		})
	}
}
