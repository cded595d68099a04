package lsp

import (
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// offsetAt turns a protocol position (0-based line, UTF-16 units into the
// line) into a byte offset of text, counting lines as the protocol and
// scxml.Source do. A position past the end of its line is the end of the
// line; a line past the end is the end of the text.
func offsetAt(text string, pos protocol.Position) int {
	return cond.NewMapper(text, cond.EditorBreaks).Offset(int(pos.Line)+1, int(pos.Character)+1)
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
