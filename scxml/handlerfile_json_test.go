package scxml

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A .json handler file is JSON: what YAML would let through is an error
// at its place.
func TestReadHandlerFileJSON(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"trailing comma", "{\"handlers\": [\n  {\"name\": \"x\", \"event\": \"e\"},\n]}\n", "h.json:2:30: invalid JSON: a ',' cannot come before ']'"},
		{"trailing comma in an object", "{\"handlers\": [{\"name\": \"x\",}]}", "h.json:1:27: invalid JSON: a ',' cannot come before '}'"},
		{"unclosed", "{\"handlers\": [\n  {\"name\": \"x\"}\n", "h.json:2:16: invalid JSON: the file ends before its last [ or { is closed"},
		{"comment", "{\"handlers\": [] # none\n}", "h.json:1:17: invalid JSON: invalid character '#' after object key:value pair"},
		{"single quotes", "{'handlers': []}", "h.json:1:2: invalid JSON: invalid character '\\'' looking for beginning of object key string"},
		{"a U+2028 in a string breaks no line", "{\"name\": \"a\u2028b\",\n \"handlers\": [,]}", "h.json:2:15: invalid JSON: invalid character ',' looking for beginning of value"},
		{"after a byte order mark", "\uFEFF{\"handlers\": [}", "h.json:1:15: invalid JSON: invalid character '}' looking for beginning of value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHandlerFile("h.json", []byte(tt.text))
			assert.EqualError(t, err, tt.want)
		})
	}
	for _, text := range []string{`{"handlers": [{"name": "x", "event": "e", "cond": "true"}]}`, "\uFEFF{\"handlers\": [{\"name\": \"x\", \"event\": \"e\"}]}\r\n"} {
		set, err := ReadHandlerFile("h.json", []byte(text))
		require.NoError(t, err, "%q", text)
		assert.Len(t, set.Handlers, 1)
	}
}
