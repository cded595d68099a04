package scxml

import (
	"bytes"
	"fmt"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// Encode turns UTF-8 text back into the bytes of a file in encoding e, byte
// order mark included: the inverse of NewFileSource, so that a tool that
// edits Source.Data writes the file in the encoding it was read in.
func (e Encoding) Encode(text []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case e.Name == "" || isUTF8Name(e.Name):
		if e.BOM {
			return append(bytes.Clone(utf8BOM), text...), nil
		}
		return text, nil
	case e.Name == "UTF-16" && e.BigEndian:
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case e.Name == "UTF-16":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case e.Name == "UTF-16BE":
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case e.Name == "UTF-16LE":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	default:
		var err error
		if enc, err = ianaindex.IANA.Encoding(e.Name); err != nil || enc == nil {
			return nil, fmt.Errorf("cannot write text in the encoding %q", e.Name)
		}
	}
	out, err := enc.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("the text has characters %s cannot hold: %v", e.Name, err)
	}
	return out, nil
}
