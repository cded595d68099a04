package scxml

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// Encoding says how a file's bytes were turned into the UTF-8 text that
// positions count in, so that a tool writing the file back can undo it.
type Encoding struct {
	Name string // the declared or detected encoding, "" for plain UTF-8
	BOM  bool   // the file started with a byte order mark
	// BigEndian is true for UTF-16 with a big-endian byte order mark.
	BigEndian bool
}

// utf8BOM is the byte order mark some editors put before UTF-8 text.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// xmlDeclEncoding finds the encoding pseudo-attribute of an XML
// declaration at the very start of a document.
var xmlDeclEncoding = regexp.MustCompile(`^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']`)

// toUTF8 returns a document's text as UTF-8, as XML 1.0 Appendix F detects
// it: a byte order mark first, then UTF-16 without one, then the encoding
// its declaration names. Lines and columns counted in the result are those
// an editor shows for the original file.
func toUTF8(name string, data []byte) ([]byte, Encoding, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):], Encoding{Name: "UTF-8", BOM: true}, nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(name, data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), Encoding{Name: "UTF-16", BOM: true, BigEndian: data[0] == 0xFE})
	case bytes.HasPrefix(data, []byte{0x00, '<', 0x00, '?'}):
		return decodeWith(name, data, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), Encoding{Name: "UTF-16BE"})
	case bytes.HasPrefix(data, []byte{'<', 0x00, '?', 0x00}):
		return decodeWith(name, data, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), Encoding{Name: "UTF-16LE"})
	}
	m := xmlDeclEncoding.FindSubmatch(data)
	if m == nil || isUTF8Name(string(m[1])) {
		return data, Encoding{}, nil
	}
	label := string(m[1])
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		pos := NewSource(name, data).Position(bytes.Index(data, m[1]))
		return nil, Encoding{}, &SyntaxError{File: name, Pos: pos, Msg: fmt.Sprintf("the declared encoding %q is not one condeval can read", label)}
	}
	return decodeWith(name, data, enc, Encoding{Name: label})
}

// isUTF8Name reports the labels that need no conversion: UTF-8 and its
// subset US-ASCII.
func isUTF8Name(label string) bool {
	switch strings.ToUpper(label) {
	case "UTF-8", "UTF8", "US-ASCII", "ASCII":
		return true
	}
	return false
}

// decodeWith converts data with enc; a byte sequence enc cannot read is a
// syntax error at the line where it stands.
func decodeWith(name string, data []byte, enc encoding.Encoding, e Encoding) ([]byte, Encoding, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, Encoding{}, &SyntaxError{File: name, Pos: Position{Line: 1, Column: 1}, Msg: fmt.Sprintf("the file is not valid %s text: %v", e.Name, err)}
	}
	return bytes.TrimPrefix(out, utf8BOM), e, nil
}

// NewFileSource is NewSource for a file's bytes as stored: the text is
// converted to UTF-8 first (see toUTF8), and the encoding kept.
func NewFileSource(name string, data []byte) (*Source, error) {
	text, enc, err := toUTF8(name, data)
	if err != nil {
		return nil, err
	}
	s := NewSource(name, text)
	s.Encoding = enc
	return s, nil
}
