package scxml

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Source is one file's bytes with a line index, so any byte offset can be
// turned into the line and column an editor shows.
type Source struct {
	Name string // the file name as given by the caller
	Data []byte
	// Encoding is how Data was decoded from the file (see NewFileSource).
	Encoding Encoding
	lines    []int  // offset of the first byte of each line
	ascii    []bool // per line: it holds only ASCII, so a column is a byte count
}

// NewSource indexes data. Lines end at LF, CR or CRLF, as editors count them.
func NewSource(name string, data []byte) *Source {
	lines, ascii := []int{0}, []bool{true}
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '\n':
			lines, ascii = append(lines, i+1), append(ascii, true)
		case c == '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			lines, ascii = append(lines, i+1), append(ascii, true)
		case c >= utf8.RuneSelf:
			ascii[len(ascii)-1] = false
		}
	}
	return &Source{Name: name, Data: data, lines: lines, ascii: ascii}
}

// Position is a place in a file. Line and the columns are 1-based; Column
// counts runes (what people and terminals count), Column16 counts UTF-16
// code units (what the Language Server Protocol counts).
type Position struct {
	Offset   int
	Line     int
	Column   int
	Column16 int
}

// Position returns the position of a byte offset, clamped to the file.
// An offset inside a multi-byte character counts as that character. On an
// ASCII line it costs a binary search, so a document written on one long
// line still reads in linear time.
func (s *Source) Position(offset int) Position {
	offset = max(0, min(offset, len(s.Data)))
	li := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > offset }) - 1
	start := s.lines[li]
	if s.ascii[li] {
		col := offset - start + 1
		return Position{Offset: offset, Line: li + 1, Column: col, Column16: col}
	}
	p := Position{Offset: offset, Line: li + 1, Column: 1, Column16: 1}
	for i := start; i < offset; {
		r, size := utf8.DecodeRune(s.Data[i:])
		if i+size > offset {
			break
		}
		p.Column++
		p.Column16 += max(1, utf16.RuneLen(r))
		i += size
	}
	return p
}

// Lines returns the number of lines; a file that ends with a line break
// has an empty last line.
func (s *Source) Lines() int { return len(s.lines) }

// LineStart returns the offset of the first byte of 1-based line n,
// clamped to the lines there are.
func (s *Source) LineStart(n int) int { return s.lines[max(1, min(n, len(s.lines)))-1] }

// Line returns the text of 1-based line n without its line terminator, or
// "" when there is no such line. Diagnostics print it above a caret.
func (s *Source) Line(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	start, end := s.lines[n-1], len(s.Data)
	if n < len(s.lines) {
		end = s.lines[n]
	}
	for end > start && (s.Data[end-1] == '\n' || s.Data[end-1] == '\r') {
		end--
	}
	return string(s.Data[start:end])
}
