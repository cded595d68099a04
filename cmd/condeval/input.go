package main

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

// Reading the JSON payloads commands take: _event and system objects from
// files or typed text, and single JSON values typed after :set.

// readObjectFile reads a file holding one JSON object.
func readObjectFile(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	obj, err := decodeObject(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return obj, nil
}

// decodeObject decodes text holding exactly one JSON object. Its errors
// start with the line and column of the problem ("1:7: ..."), so a caller
// can prefix a file name.
func decodeObject(data []byte) (map[string]any, error) {
	v, err := decodeValue(data)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("1:1: want a JSON object, got %s", jsonKind(v))
	}
	return obj, nil
}

// decodeValue decodes text holding exactly one JSON value, numbers as
// float64 as encoding/json gives them.
func decodeValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, dec.InputOffset(), err)
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		line, col := cond.LineCol(string(data), len(data)-len(rest))
		return nil, fmt.Errorf("%d:%d: invalid JSON: more text after the value", line, col)
	}
	return v, nil
}

// errJSONEnd marks JSON text that stops before its value is complete, so
// that the REPL can read on.
var errJSONEnd = errors.New("unexpected end of JSON input")

// jsonError puts the position of a decoding error in front of its message.
func jsonError(data []byte, fallback int64, err error) error {
	off := fallback
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset - 1 // Offset counts the offending byte
	case errors.As(err, &typ):
		off = typ.Offset
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(bytes.TrimRight(data, " \t\r\n")))
		if len(bytes.TrimSpace(data)) == 0 {
			return errors.New("1:1: invalid JSON: no value")
		}
		line, col := cond.LineCol(string(data), int(off))
		return fmt.Errorf("%d:%d: invalid JSON: %w", line, col, errJSONEnd)
	}
	line, col := cond.LineCol(string(data), int(off))
	return fmt.Errorf("%d:%d: invalid JSON: %s", line, col, strings.TrimPrefix(err.Error(), "json: "))
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
