package scxml

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSourcePosition(t *testing.T) {
	src := NewSource("f", []byte("ab😀c\r\nxyz\ré\nq"))
	tests := []struct {
		name             string
		offset           int
		line, col, col16 int
	}{
		{"start", 0, 1, 1, 1},
		{"after an emoji", strings.Index(string(src.Data), "c"), 1, 4, 5},
		{"inside the emoji counts as it", 3, 1, 3, 3},
		{"an ASCII line after a non-ASCII one", strings.Index(string(src.Data), "z"), 2, 3, 3},
		{"after a lone CR", strings.Index(string(src.Data), "é"), 3, 1, 1},
		{"last line", strings.Index(string(src.Data), "q"), 4, 1, 1},
		{"past the end is clamped", 1000, 4, 2, 2},
		{"before the start is clamped", -5, 1, 1, 1},
	}
	for _, tt := range tests {
		p := src.Position(tt.offset)
		assert.Equal(t, [3]int{tt.line, tt.col, tt.col16}, [3]int{p.Line, p.Column, p.Column16}, tt.name)
	}
}

// A document on one long line: every state's position is found without
// scanning the line again.
func BenchmarkParseOneLine(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><parallel id="p">`)
	for i := range 2000 {
		sb.WriteString(`<state id="s` + strings.Repeat("x", i%7) + `"><transition event="e"><log expr="1"/></transition></state>`)
	}
	sb.WriteString(`</parallel></scxml>`)
	src := []byte(sb.String())
	for b.Loop() {
		if _, err := Parse("one-line.scxml", src); err != nil {
			b.Fatal(err)
		}
	}
}
