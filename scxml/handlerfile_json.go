package scxml

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/condeval/condeval/cond"
)

// checkJSON holds a .json handler file to JSON's rules before it is read
// as YAML (JSON being a subset of YAML, the one reader then places every
// later mistake): without it, a trailing comma or a comment, which YAML
// allows, would pass in a file the author means as JSON.
func checkJSON(name string, data []byte) error {
	data = bytes.TrimPrefix(data, utf8BOM) // as an editor shows the file
	err := json.Unmarshal(data, new(any))
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return nil // a JSON value; its shape is the handler reader's business
	}
	off := int(syn.Offset) - 1 // Offset counts the offending byte
	msg := "invalid JSON: " + strings.TrimPrefix(syn.Error(), "json: ")
	if syn.Offset >= int64(len(data)) && strings.Contains(syn.Error(), "end of JSON input") {
		off = len(bytes.TrimRight(data, " \t\r\n"))
		msg = "invalid JSON: the file ends before its last [ or { is closed"
	} else if comma := len(bytes.TrimRight(data[:off], " \t\r\n")) - 1; comma >= 0 && data[comma] == ',' && strings.IndexByte("]}", data[off]) >= 0 {
		msg = fmt.Sprintf("invalid JSON: a ',' cannot come before '%c'", data[off])
		off = comma
	}
	p := cond.NewMapper(string(data), cond.EditorBreaks).Position(off)
	return fmt.Errorf("%s:%d:%d: %s", name, p.Line, p.Column, msg)
}
