package cond

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// LineBreaks is a set of line terminators. A condition and a file count
// lines differently: ECMAScript ends a line at U+2028 and U+2029 too (so
// does goja, whose error positions count its lines), an editor does not.
type LineBreaks bool

const (
	// ECMAScriptBreaks are LF, CR, CRLF, U+2028 and U+2029: how a
	// condition's text counts lines.
	ECMAScriptBreaks LineBreaks = true
	// EditorBreaks are LF, CR and CRLF: how a file counts lines in an
	// editor and in the Language Server Protocol.
	EditorBreaks LineBreaks = false
)

// breakLen is the length in bytes of the line terminator starting at
// text[i], 0 when none does. CRLF is one terminator.
func (b LineBreaks) breakLen(text string, i int) int {
	switch c := text[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xE2 && b == ECMAScriptBreaks && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
		return 3 // U+2028, U+2029
	}
	return 0
}

// Position is a place in a text. Line and the columns are 1-based; Column
// counts runes (what people and terminals count), Column16 counts UTF-16
// code units (what the Language Server Protocol counts).
type Position struct {
	Offset   int
	Line     int
	Column   int
	Column16 int
}

// Mapper turns byte offsets of one text into lines and columns and back.
// It indexes the line starts once, and notes which lines hold only ASCII,
// where a column is a byte count: a document written on one long line
// still maps every offset in logarithmic time. A Mapper is read-only once
// made and safe for concurrent use.
type Mapper struct {
	text   string
	breaks LineBreaks
	starts []int  // offset of the first byte of each line
	ascii  []bool // per line: it holds only ASCII
}

// NewMapper indexes text, whose lines end at breaks.
func NewMapper(text string, breaks LineBreaks) *Mapper {
	m := &Mapper{text: text, breaks: breaks, starts: []int{0}, ascii: []bool{true}}
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '\n' && c != '\r' && c < utf8.RuneSelf {
			continue // the common case, kept cheap: a long document is indexed byte by byte
		}
		if n := breaks.breakLen(text, i); n > 0 {
			if n == 3 {
				m.ascii[len(m.ascii)-1] = false // U+2028 and U+2029 end the line
			}
			i += n - 1
			m.starts, m.ascii = append(m.starts, i+1), append(m.ascii, true)
		} else if text[i] >= utf8.RuneSelf {
			m.ascii[len(m.ascii)-1] = false
		}
	}
	return m
}

// Position returns the position of a byte offset, clamped to the text. An
// offset inside a multi-byte character, or between the CR and LF of a
// CRLF, counts as the character it is in.
func (m *Mapper) Position(offset int) Position {
	offset = max(0, min(offset, len(m.text)))
	li := sort.Search(len(m.starts), func(i int) bool { return m.starts[i] > offset }) - 1
	start := m.starts[li]
	if m.ascii[li] {
		col := offset - start + 1
		return Position{Offset: offset, Line: li + 1, Column: col, Column16: col}
	}
	p := Position{Offset: offset, Line: li + 1, Column: 1, Column16: 1}
	for i := start; i < offset; {
		r, size := utf8.DecodeRuneInString(m.text[i:])
		if i+size > offset {
			break
		}
		p.Column++
		p.Column16 += max(1, utf16.RuneLen(r))
		i += size
	}
	return p
}

// Offset is the byte offset of 1-based line and UTF-16 column col16, the
// inverse of Position's Column16. A column past the end of its line is the
// end of the line, a line past the last is the end of the text, and a
// column inside a surrogate pair is the start of its character.
func (m *Mapper) Offset(line, col16 int) int {
	return m.offset(line, col16, func(r rune) int { return max(1, utf16.RuneLen(r)) })
}

// RuneOffset is the byte offset of 1-based line and column col counted in
// runes, the inverse of Position's Column: a column a terminal shows, or a
// finding names, back to its place. It clamps as Offset does.
func (m *Mapper) RuneOffset(line, col int) int {
	return m.offset(line, col, func(rune) int { return 1 })
}

// offset is the byte offset of 1-based line and column col, where a
// character is width columns wide.
func (m *Mapper) offset(line, col int, width func(rune) int) int {
	if line > len(m.starts) {
		return len(m.text)
	}
	i, end := m.LineStart(line), m.lineEnd(line)
	for n := 1; i < end; {
		r, size := utf8.DecodeRuneInString(m.text[i:end])
		w := width(r)
		if n+w > col {
			break
		}
		n += w
		i += size
	}
	return i
}

// Lines returns the number of lines; a text that ends with a line break
// has an empty last line.
func (m *Mapper) Lines() int { return len(m.starts) }

// LineStart returns the offset of the first byte of 1-based line n,
// clamped to the lines there are.
func (m *Mapper) LineStart(n int) int { return m.starts[max(1, min(n, len(m.starts)))-1] }

// lineEnd is the offset of the terminator of 1-based line n (clamped), or
// the end of the text for the last line.
func (m *Mapper) lineEnd(n int) int {
	n = max(1, min(n, len(m.starts)))
	if n == len(m.starts) {
		return len(m.text)
	}
	end := m.starts[n] // just past the terminator
	switch {
	case m.text[end-1] == '\n' && end-2 >= m.starts[n-1] && m.text[end-2] == '\r':
		return end - 2
	case m.text[end-1] == '\n' || m.text[end-1] == '\r':
		return end - 1
	}
	return end - 3 // U+2028, U+2029
}

// Line returns the text of 1-based line n without its terminator, or ""
// when there is no such line. Diagnostics print it above a caret.
func (m *Mapper) Line(n int) string {
	if n < 1 || n > len(m.starts) {
		return ""
	}
	return m.text[m.starts[n-1]:m.lineEnd(n)]
}

// LineCol converts a byte offset of src into a 1-based line and a 1-based
// column counted in runes, with ECMAScript's line terminators, as
// NewMapper(src, ECMAScriptBreaks).Position does, without an index: for
// one position in a short text.
func LineCol(src string, offset int) (line, col int) {
	offset = max(0, min(offset, len(src)))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if n := ECMAScriptBreaks.breakLen(src, i); n > 0 {
			if i+n > offset {
				break // between CR and LF: still on the line the CR ends
			}
			i += n - 1
			line, start = line+1, i+1
		}
	}
	col = 1
	for i := start; i < offset; {
		_, size := utf8.DecodeRuneInString(src[i:])
		if i+size > offset {
			break
		}
		col++
		i += size
	}
	return line, col
}
