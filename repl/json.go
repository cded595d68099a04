package repl

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

// Reading JSON values: _event and system objects from files or typed text,
// values typed after :set, and the command line's --global values and
// NDJSON streams, which read them alike. Every error names the line and
// column of the problem, so that a user can find it in their file.

// jsonError is a problem in JSON text at a 1-based line and column. It
// prints as "line:col: message", so a caller can put a file name in front.
type jsonError struct {
	line, column int
	err          error
}

func (e *jsonError) Error() string { return fmt.Sprintf("%d:%d: %v", e.line, e.column, e.err) }

func (e *jsonError) Unwrap() error { return e.err }

// errorAt places err at byte offset off of data.
func errorAt(data []byte, off int, err error) error {
	line, col := cond.LineCol(string(data), off)
	return &jsonError{line: line, column: col, err: err}
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
		return nil, errorAt(data, 0, fmt.Errorf("want a JSON object, got %s", jsonKind(v)))
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
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
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

// errJSONEnd marks JSON text that stops before its value is complete, so
// that the REPL can read on.
var errJSONEnd = errors.New("unexpected end of JSON input")

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

// jsonKind names the JSON type of a decoded value, for error messages.
func jsonKind(v any) string {
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
