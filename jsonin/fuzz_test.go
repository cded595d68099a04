package jsonin

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// errorAtPlace is the shape of every error: a line and column, then words.
var errorAtPlace = regexp.MustCompile(`^(\d+):(\d+): \S`)

// FuzzDecodeValue feeds any text to the decoder a user's JSON goes
// through: it must never panic, and every error must name a line and
// column inside the text (or just past its last character).
func FuzzDecodeValue(f *testing.F) {
	for _, seed := range []string{`{"name":"interaction.deleted"}`, "{\n  \"a\": 1,,\n}", `{"data": {"resultof": "revoking"`,
		"\uFEFF[1, 2]", `{} {}`, "", "\"\\ud800\"", "1e999", "\r\n\r\n{", "\xff\xfe{}"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := DecodeValue(data)
		if err == nil {
			return
		}
		m := errorAtPlace.FindStringSubmatch(err.Error())
		if m == nil {
			t.Fatalf("error without a place: %q", err)
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		if line < 1 || line > lines || col < 1 {
			t.Fatalf("%q: error at %d:%d, the text has %d lines", err, line, col, lines)
		}
	})
}
