package lsp

import (
	"unicode/utf16"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/scxml"
)

// offsetAt turns a protocol position (0-based line, UTF-16 units into the
// line) into a byte offset of text. Lines end at LF, CR or CRLF, as the
// protocol and scxml.Source count them. A position past the end of its line
// is the end of the line; a line past the end is the end of the text.
func offsetAt(text string, pos protocol.Position) int {
	i := 0
	for line := protocol.UInteger(0); line < pos.Line; line++ {
		next := lineEnd(text, i)
		if next == len(text) {
			return len(text)
		}
		if text[next] == '\r' && next+1 < len(text) && text[next+1] == '\n' {
			next++
		}
		i = next + 1
	}
	end := lineEnd(text, i)
	for units := protocol.UInteger(0); i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		n := protocol.UInteger(max(1, utf16.RuneLen(r)))
		if units+n > pos.Character {
			break
		}
		units += n
		i += size
	}
	return i
}

// lineEnd is the offset of the line terminator of the line holding i, or
// len(text).
func lineEnd(text string, i int) int {
	for ; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' {
			return i
		}
	}
	return i
}

// protocolPosition converts a file position (1-based line and UTF-16
// column) into the protocol's 0-based one.
func protocolPosition(p scxml.Position) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(max(p.Line-1, 0)), Character: protocol.UInteger(max(p.Column16-1, 0))}
}

// protocolRange converts a pair of file positions into a range.
func protocolRange(start, end scxml.Position) protocol.Range {
	return protocol.Range{Start: protocolPosition(start), End: protocolPosition(end)}
}

// before reports whether a comes before b.
func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether two ranges share a position; touching ranges
// and empty ranges at a boundary count, so that a cursor placed just after
// an underlined token still finds its quick fix.
func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}
