package scxml

import "github.com/condeval/condeval/cond"

// Source is one file's bytes with a line index, so any byte offset can be
// turned into the line and column an editor shows.
type Source struct {
	Name string // the file name as given by the caller
	Data []byte
	// Encoding is how Data was decoded from the file (see NewFileSource).
	Encoding Encoding
	// Mapper maps offsets of Data to lines and columns (Position, Line,
	// LineStart, Lines), counting lines as editors do.
	*cond.Mapper
}

// NewSource indexes data. Lines end at LF, CR or CRLF, as editors count
// them; on an ASCII line a position costs a binary search, so a document
// written on one long line still reads in linear time.
func NewSource(name string, data []byte) *Source {
	return &Source{Name: name, Data: data, Mapper: cond.NewMapper(string(data), cond.EditorBreaks)}
}

// Position is a place in a file: its offset, 1-based line, and 1-based
// columns in runes (Column) and UTF-16 units (Column16).
type Position = cond.Position
