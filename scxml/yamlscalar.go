package scxml

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// Scalar is a YAML scalar value of a handler file, where it is written.
type Scalar struct {
	// Text is the value as YAML decodes it. A plain scalar, or a quoted one
	// with no escape, maps byte for byte onto the file. Any other (an
	// escape, a folded line, a | or > block) maps each byte onto the whole
	// scalar, as an XML entity does; its start and end both sit where the
	// scalar starts, having no place of their own in the file.
	Text Text
	// At is where the YAML reader places the scalar: its first character,
	// its opening quote, or its | or > indicator. Zero when the key is
	// absent.
	At Position
}

// Set reports whether the file gives the key at all.
func (s Scalar) Set() bool { return s.At.Line > 0 }

// scalarAt is the scalar the node n stands for, whose decoded value is
// value; indent is the indentation of the mapping holding it, which the
// further lines of a value spanning several are deeper than.
func scalarAt(s *Source, n *yaml.Node, value string, indent int) Scalar {
	at := s.RuneOffset(n.Line, n.Column)
	out := Scalar{At: s.Position(at)}
	if from, ok := verbatimAt(s.Data, at, n.Style, value); ok {
		out.Text = PlainText(s, from, from+len(value))
		return out
	}
	var b textBuilder
	b.expand([]byte(value), at, scalarEnd(s.Data, at, n.Style, indent), false)
	out.Text = b.text(s, at, at)
	return out
}

// quoteOf is the quote a scalar of the style is written in; 0 for none.
func quoteOf(style yaml.Style) byte {
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		return '"'
	case style&yaml.SingleQuotedStyle != 0:
		return '\''
	}
	return 0
}

// verbatimAt returns where value stands written unchanged in the scalar
// at offset at: right there for a plain scalar, inside the quotes for a
// quoted one that it fills.
func verbatimAt(data []byte, at int, style yaml.Style, value string) (int, bool) {
	if style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || at >= len(data) {
		return 0, false
	}
	from, end := at, at+len(value)
	if q := quoteOf(style); q != 0 {
		if data[at] != q || end+2 > len(data) || data[end+1] != q {
			return 0, false
		}
		from, end = at+1, end+1
	}
	if end > len(data) || string(data[from:end]) != value {
		return 0, false
	}
	return from, true
}

// scalarEnd returns the offset just past the scalar the reader places at
// offset at: past its closing quote, or at the end of its last line
// deeper than indent.
func scalarEnd(data []byte, at int, style yaml.Style, indent int) int {
	if q := quoteOf(style); q != 0 {
		return quotedEnd(data, at, q)
	}
	plain := style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0
	end := contentEnd(data, at, true)
	for i := nextLine(data, at); i < len(data); i = nextLine(data, i) {
		body := bytes.TrimLeft(data[i:lineEnd(data, i)], " ")
		if len(bytes.TrimSpace(body)) == 0 {
			continue
		}
		if lineEnd(data, i)-i-len(body) <= indent || plain && body[0] == '#' {
			break
		}
		end = contentEnd(data, i, plain)
	}
	return max(end, min(at+1, len(data)))
}

// quotedEnd returns the offset just past the closing quote of the scalar
// quoted with q that starts at or after at (after any tag or anchor).
func quotedEnd(data []byte, at int, q byte) int {
	open := bytes.IndexByte(data[at:], q)
	if open < 0 {
		return min(at+1, len(data))
	}
	for i := at + open + 1; i < len(data); i++ {
		switch {
		case q == '"' && data[i] == '\\':
			i++ // an escape: the next byte is not the end
		case data[i] == q && q == '\'' && i+1 < len(data) && data[i+1] == q:
			i++ // '' is one quote
		case data[i] == q:
			return i + 1
		}
	}
	return len(data)
}

// lineEnd returns the offset of the line break ending the line holding i.
func lineEnd(data []byte, i int) int {
	if k := bytes.IndexAny(data[i:], "\r\n"); k >= 0 {
		return i + k
	}
	return len(data)
}

// nextLine returns the offset of the line after the one holding i.
func nextLine(data []byte, i int) int {
	i = lineEnd(data, i)
	if i+1 < len(data) && data[i] == '\r' && data[i+1] == '\n' {
		return i + 2
	}
	return min(i+1, len(data))
}

// contentEnd returns where the text of the line from i ends: before its
// trailing blanks and, when a comment can follow (comment), before " #".
func contentEnd(data []byte, i int, comment bool) int {
	line := data[i:lineEnd(data, i)]
	if comment {
		for k := 1; k < len(line); k++ {
			if line[k] == '#' && (line[k-1] == ' ' || line[k-1] == '\t') {
				line = line[:k]
				break
			}
		}
	}
	return i + len(bytes.TrimRight(line, " \t"))
}
