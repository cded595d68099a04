package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// Reading the JSON every command takes: _event and system objects from
// files or typed text, --global NAME=JSON values, NDJSON streams of events,
// and single JSON values typed after :set. Every error names the line and
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

// EnvFlags name what a condition sees: the flags eval and repl share.
type EnvFlags struct {
	Event  string   `placeholder:"FILE" help:"A JSON file with the _event object (name, type, data, ...)."`
	System string   `placeholder:"FILE" help:"A JSON file with the system variables."`
	State  []string `placeholder:"ID" help:"An active state, for In() (repeatable)."`
	Global []string `placeholder:"NAME=JSON" sep:"none" help:"A further global, such as an App_ variable or a <data> id (repeatable)."`
}

// env reads the files and globals the flags name.
func (f *EnvFlags) env() (runtime.Env, error) {
	in := runtime.Env{States: f.State}
	var err error
	if f.Event != "" {
		if in.Event, err = readObjectFile(f.Event); err != nil {
			return in, err
		}
	}
	if f.System != "" {
		if in.System, err = readObjectFile(f.System); err != nil {
			return in, err
		}
	}
	for _, g := range f.Global {
		name, v, err := parseGlobal(g)
		if err != nil {
			return in, err
		}
		if in.Globals == nil {
			in.Globals = make(map[string]any, len(f.Global))
		}
		in.Globals[name] = v
	}
	return in, nil
}

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
		return nil, errorAt(data, 0, fmt.Errorf("want a JSON object, got %s", jsonKind(v)))
	}
	return obj, nil
}

// decodeObjectLine decodes line n of an NDJSON stream as one JSON object.
// Its error positions count the stream's lines, not the line's.
func decodeObjectLine(line []byte, n int) (map[string]any, error) {
	obj, err := decodeObject(line)
	if je, ok := errors.AsType[*jsonError](err); ok {
		je.line += n - 1
	}
	return obj, err
}

// decodeValue decodes text holding exactly one JSON value, numbers as
// float64 as encoding/json gives them.
func decodeValue(data []byte) (any, error) {
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

// parseGlobal reads one --global flag, NAME=JSON.
func parseGlobal(flag string) (name string, value any, err error) {
	name, text, ok := strings.Cut(flag, "=")
	if !ok || name == "" {
		return "", nil, fmt.Errorf("--global %s: want NAME=JSON", flag)
	}
	if value, err = decodeValue([]byte(text)); err != nil {
		return "", nil, fmt.Errorf("--global %s: %w", name, err)
	}
	return name, value, nil
}

// eachLine calls fn with every line of r, blank ones included, and its
// 1-based number, until fn fails or the input ends. A final line break ends
// the last line rather than starting an empty one. A line may be of any length.
func eachLine(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			if err := fn(n, line); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
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

// isBlank reports whether a line holds nothing but white space.
func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
