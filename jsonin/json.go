// Package jsonin reads the JSON a user hands condeval: an object in a file
// (--event, --system, a scenario's system), a value on the command line
// (--global, the REPL's :set), the lines of an NDJSON stream, and events.
// Every error names the line and column of the problem in the user's
// words, so that a caller can put a file name in front and the user can
// find it in their file — as yamlerr does for YAML.
package jsonin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/condeval/condeval/cond"
)

// jsonError is a problem in JSON text at a 1-based line and column. It
// prints as "line:col: message", so a caller can put a file name in front.
type jsonError struct {
	line, column int
	err          error
}

func (e *jsonError) Error() string { return fmt.Sprintf("%d:%d: %v", e.line, e.column, e.err) }

func (e *jsonError) Unwrap() error { return e.err }

// errorAt places err at byte offset off of data, counting lines as an
// editor shows the file (a U+2028 in a string breaks no line).
func errorAt(data []byte, off int, err error) error {
	p := cond.NewMapper(string(data), cond.EditorBreaks).Position(off)
	return &jsonError{line: p.Line, column: p.Column, err: err}
}

// ReadObjectFile reads a file holding one JSON object.
func ReadObjectFile(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	obj, err := DecodeObject(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return obj, nil
}

// DecodeObject decodes text holding exactly one JSON object. Its errors
// start with the line and column of the problem ("1:7: ..."), so a caller
// can prefix a file name.
func DecodeObject(data []byte) (map[string]any, error) {
	v, err := DecodeValue(data)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errorAt(data, 0, fmt.Errorf("want a JSON object, got %s", Kind(v)))
	}
	return obj, nil
}

// DecodeObjectLine decodes line n of an NDJSON stream as one JSON object.
// Its error positions count the stream's lines, not the line's.
func DecodeObjectLine(line []byte, n int) (map[string]any, error) {
	obj, err := DecodeObject(line)
	if je, ok := errors.AsType[*jsonError](err); ok {
		je.line += n - 1
	}
	return obj, err
}

// DecodeValue decodes text holding exactly one JSON value, numbers as
// float64 as encoding/json gives them. A byte order mark before it, which
// some Windows editors write, is skipped.
func DecodeValue(data []byte) (any, error) {
	data = TrimBOM(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, locateJSONError(data, dec.InputOffset(), err)
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		return nil, errorAt(data, len(data)-len(rest), errors.New("invalid JSON: more text after the value"))
	}
	return v, nil
}

// errJSONEnd marks JSON text that stops before its value is complete.
var errJSONEnd = errors.New("unexpected end of JSON input")

// Incomplete reports whether err says the text stops before its value is
// complete, so that a reader of typed lines can ask for the next one.
func Incomplete(err error) bool { return errors.Is(err, errJSONEnd) }

// locateJSONError places a decoding error at the offset where it happened;
// fallback is where the decoder stopped, for errors that carry no offset.
func locateJSONError(data []byte, fallback int64, err error) error {
	off := fallback
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset - 1 // Offset counts the offending byte
	case errors.As(err, &typ):
		off = typ.Offset
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		if len(bytes.TrimSpace(data)) == 0 {
			return errorAt(data, 0, errors.New("invalid JSON: no value"))
		}
		end := len(bytes.TrimRight(data, " \t\r\n"))
		return errorAt(data, end, fmt.Errorf("invalid JSON: %w", errJSONEnd))
	}
	return errorAt(data, int(off), fmt.Errorf("invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: ")))
}

// Kind names the JSON type of a decoded value, with its article, for
// messages: "an object", "a string", "null".
func Kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	default:
		return "an object"
	}
}

// bom is the byte order mark some Windows editors put before UTF-8 text;
// no input means it.
const bom = "\uFEFF"

// TrimBOM drops a byte order mark from the start of b. The command line's
// readers of other text (a condition in a file or on standard input) use
// it too, so that every input skips the mark alike.
func TrimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte(bom)) }
