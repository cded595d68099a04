package lsp

import (
	"sort"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/scxml"
)

// spot is a cursor inside one item of a file: the item and the offset in
// its decoded text.
type spot struct {
	item   scxml.Item
	offset int
}

// spotAt finds the item under a cursor at file byte offset off, and the
// cursor's offset in the item's decoded text. The cursor sits between
// characters, so a cursor just after the last character of a text (before
// its closing quote) is still in it. When items nest (a condition inside an
// IPD handler's escaped body), the innermost wins.
func spotAt(f *scxml.File, off int) (spot, bool) {
	var best spot
	found, size := false, 0
	for _, it := range f.Items {
		t := it.Text
		start, end := t.FileOffset(0), t.FileOffset(len(t.Value))
		if off < start || off > end || found && end-start >= size {
			continue
		}
		best = spot{item: it, offset: decodedOffset(t, off)}
		found, size = true, end-start
	}
	return best, found
}

// decodedOffset is the offset in t.Value of the cursor at file offset off:
// the first decoded byte whose source starts at or after off. A cursor in
// the middle of an entity reference counts as after it.
func decodedOffset(t scxml.Text, off int) int {
	return sort.Search(len(t.Value), func(i int) bool { return t.FileOffset(i) >= off })
}

// charAt is the decoded offset of the character under (just after) a
// cursor, for hover: the character whose source bytes contain off.
func charAt(t scxml.Text, off int) int {
	return sort.Search(len(t.Value), func(i int) bool {
		_, to := t.FileSpan(i, i+1)
		return to > off
	})
}

// textRange is the protocol range of the decoded bytes [start, end) of a
// text.
func textRange(t scxml.Text, start, end int) protocol.Range {
	from, to := t.FileSpan(start, end)
	src := t.Source()
	if end <= start {
		to = from
	}
	return protocolRange(src.Position(from), src.Position(to))
}

// cursor is the file of a document and the byte offset of a position in
// it. The file read by the last lint is reused while the text is unchanged.
func (s *server) cursor(uri protocol.DocumentUri, pos protocol.Position) (*scxml.File, int, bool) {
	s.mu.Lock()
	d, ok := s.docs[uri]
	var path, text string
	var f *scxml.File
	if ok {
		path, text = d.path, d.text
		if d.result != nil {
			f = d.result.file
		}
	}
	s.mu.Unlock()
	if !ok {
		return nil, 0, false
	}
	if f == nil {
		var err error
		if f, err = scxml.Read(path, []byte(text)); err != nil {
			return nil, 0, false
		}
	}
	return f, offsetAt(text, pos), true
}
