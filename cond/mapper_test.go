package cond

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestMapperPosition(t *testing.T) {
	text := "ab😀c\r\nxyz\ré\u2028q\u2029\nz"
	at := func(s string) int { return strings.Index(text, s) }
	tests := []struct {
		name             string
		breaks           LineBreaks
		offset           int
		line, col, col16 int
	}{
		{"start", EditorBreaks, 0, 1, 1, 1},
		{"after an emoji: one rune, two UTF-16 units", EditorBreaks, at("c"), 1, 4, 5},
		{"inside the emoji counts as it", EditorBreaks, 3, 1, 3, 3},
		{"between CR and LF is still the CR's line", EditorBreaks, at("\n"), 1, 6, 7},
		{"after CRLF", EditorBreaks, at("x"), 2, 1, 1},
		{"after a lone CR", EditorBreaks, at("é"), 3, 1, 1},
		{"U+2028 is no line break in a file", EditorBreaks, at("q"), 3, 3, 3},
		{"U+2028 is a line break in a condition", ECMAScriptBreaks, at("q"), 4, 1, 1},
		{"U+2029 then LF are two line breaks in a condition", ECMAScriptBreaks, strings.LastIndex(text, "z"), 6, 1, 1},
		{"past the end is clamped", ECMAScriptBreaks, 1000, 6, 2, 2},
		{"before the start is clamped", EditorBreaks, -5, 1, 1, 1},
	}
	for _, tt := range tests {
		p := NewMapper(text, tt.breaks).Position(tt.offset)
		assert.Equal(t, [3]int{tt.line, tt.col, tt.col16}, [3]int{p.Line, p.Column, p.Column16}, tt.name)
	}
}

func TestMapperLines(t *testing.T) {
	text := "a\r\nbé\rc\u2028d\n"
	tests := []struct {
		breaks LineBreaks
		lines  []string
	}{
		{EditorBreaks, []string{"a", "bé", "c\u2028d", ""}},
		{ECMAScriptBreaks, []string{"a", "bé", "c", "d", ""}},
	}
	for _, tt := range tests {
		m := NewMapper(text, tt.breaks)
		var got []string
		for n := 1; n <= m.Lines(); n++ {
			got = append(got, m.Line(n))
			assert.Equal(t, n, m.Position(m.LineStart(n)).Line)
		}
		assert.Equal(t, tt.lines, got)
		assert.Equal(t, "", m.Line(0))
		assert.Equal(t, "", m.Line(m.Lines()+1))
	}
}

func TestMapperOffset(t *testing.T) {
	m := NewMapper("ab😀c\r\nxyz", EditorBreaks)
	tests := []struct {
		name              string
		line, col16, want int
	}{
		{"start", 1, 1, 0},
		{"after the emoji", 1, 5, strings.Index("ab😀c", "c")},
		{"inside the surrogate pair is its start", 1, 4, 2},
		{"past the end of the line is its end", 1, 99, 7},
		{"second line", 2, 2, 10},
		{"a line past the end is the end of the text", 9, 1, 12},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, m.Offset(tt.line, tt.col16), tt.name)
	}
}

func TestMapperRuneOffset(t *testing.T) {
	m := NewMapper("ab😀c\r\nxyz", EditorBreaks)
	tests := []struct {
		name            string
		line, col, want int
	}{
		{"start", 1, 1, 0},
		{"the emoji is one column", 1, 4, strings.Index("ab😀c", "c")},
		{"past the end of the line is its end", 1, 99, 7},
		{"second line", 2, 2, 10},
		{"a line past the end is the end of the text", 9, 1, 12},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, m.RuneOffset(tt.line, tt.col), tt.name)
	}
}

// FuzzMapper checks the mapper against itself: LineCol, which keeps no
// index, agrees with it, and Offset and RuneOffset invert Position at
// every character boundary.
func FuzzMapper(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\u2028\u2029x", "😀\r\r\n\n", "a\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, breaks := range []LineBreaks{EditorBreaks, ECMAScriptBreaks} {
			m := NewMapper(text, breaks)
			for off := 0; off <= len(text); off++ {
				p := m.Position(off)
				if breaks == ECMAScriptBreaks {
					line, col := LineCol(text, off)
					assert.Equal(t, [2]int{p.Line, p.Column}, [2]int{line, col}, "offset %d", off)
				}
				boundary := off == len(text) || utf8.RuneStart(text[off])
				midCRLF := off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n'
				if boundary && !midCRLF && utf8.ValidString(text[m.LineStart(p.Line):off]) {
					assert.Equal(t, off, m.Offset(p.Line, p.Column16), "offset %d", off)
					assert.Equal(t, off, m.RuneOffset(p.Line, p.Column), "offset %d", off)
				}
			}
		}
	})
}
