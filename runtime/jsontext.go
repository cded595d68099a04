package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// Reading the event and the system variables from JSON text (Env.EventJSON,
// Env.SystemJSON). A compiled condition knows the paths it reads, so the
// text is scanned once, validated whole, and only those paths are decoded;
// everything else is skipped without building a value. Values read as
// JSON.parse reads them: objects as map[string]any with the last of
// duplicate keys winning, arrays as []any, every number as float64 (1e400
// is Infinity), strings with their escapes resolved as encoding/json does.

// need is the part of a JSON object a condition reads: the keys it reads,
// each with what it reads below it. whole asks for the entire value.
type need struct {
	whole bool
	keys  map[string]*need
	key   string // the key this need is under, reused rather than copied
}

// everything is the need of a full decode.
var everything = &need{whole: true}

func (n *need) child(key string) *need {
	if n.keys == nil {
		n.keys = map[string]*need{}
	}
	c, ok := n.keys[key]
	if !ok {
		c = &need{key: key}
		n.keys[key] = c
	}
	return c
}

// maxJSONDepth bounds nesting, as encoding/json does, so that deep text
// ends in an error rather than a deep Go stack.
const maxJSONDepth = 10000

// jsonError is invalid JSON text, at a byte offset.
type jsonError struct {
	offset int
	msg    string
}

func (e *jsonError) Error() string { return fmt.Sprintf("%s at offset %d", e.msg, e.offset) }

// decodeObject reads text that must be a JSON object or null, decoding what
// n asks for. null and empty text give a nil map.
func decodeObject(text []byte, n *need) (map[string]any, error) {
	d := jsonDecoder{text: text}
	d.space()
	if d.i == len(text) {
		return nil, nil
	}
	var (
		v   any
		err error
	)
	switch text[d.i] {
	case '{':
		v, err = d.object(n, 0)
	case 'n':
		err = d.literal("null")
	default:
		return nil, d.fail("not a JSON object")
	}
	if err != nil {
		return nil, err
	}
	if d.space(); d.i != len(text) {
		return nil, d.fail("text after the JSON value")
	}
	m, _ := v.(map[string]any)
	return m, nil
}

type jsonDecoder struct {
	text []byte
	i    int
}

func (d *jsonDecoder) fail(msg string) error { return &jsonError{d.i, msg} }

func (d *jsonDecoder) space() {
	for d.i < len(d.text) {
		switch d.text[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value reads one value: decoded when n is not nil, skipped (but checked)
// when it is.
func (d *jsonDecoder) value(n *need, depth int) (any, error) {
	d.space()
	if d.i == len(d.text) {
		return nil, d.fail("unexpected end of JSON")
	}
	if depth > maxJSONDepth {
		return nil, d.fail("JSON nested too deep")
	}
	switch c := d.text[d.i]; {
	case c == '{':
		return d.object(n, depth+1)
	case c == '[':
		return d.array(n, depth+1)
	case c == '"':
		start := d.i
		escaped, err := d.skipString()
		if err != nil || n == nil {
			return nil, err
		}
		return d.stringValue(d.text[start:d.i], escaped)
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		if err := d.skipNumber(); err != nil || n == nil {
			return nil, err
		}
		f, err := strconv.ParseFloat(string(d.text[start:d.i]), 64)
		if err != nil && !math.IsInf(f, 0) { // out of range is ±Infinity, as in JSON.parse
			return nil, &jsonError{start, "invalid number"}
		}
		return f, nil
	}
	return nil, d.fail("invalid character " + strconv.QuoteRune(rune(d.text[d.i])))
}

func (d *jsonDecoder) object(n *need, depth int) (any, error) {
	d.i++ // {
	var m map[string]any
	if n != nil {
		m = map[string]any{}
	}
	d.space()
	if d.i < len(d.text) && d.text[d.i] == '}' {
		d.i++
		return m, nil
	}
	for {
		d.space()
		if d.i == len(d.text) || d.text[d.i] != '"' {
			return nil, d.fail("expected a string key")
		}
		start := d.i
		escaped, err := d.skipString()
		if err != nil {
			return nil, err
		}
		var (
			key  string
			sub  *need
			want bool
		)
		if n != nil {
			switch raw := d.text[start+1 : d.i-1]; {
			case escaped:
				k, err := d.stringValue(d.text[start:d.i], true)
				if err != nil {
					return nil, err
				}
				key = k.(string)
				sub, want = n.keys[key]
			case n.whole:
				key = string(raw)
			default:
				sub, want = n.keys[string(raw)] // looks up without allocating
				if want {
					key = sub.key
				}
			}
			if n.whole {
				sub, want = everything, true
			}
		}
		d.space()
		if d.i == len(d.text) || d.text[d.i] != ':' {
			return nil, d.fail("expected ':'")
		}
		d.i++
		var child *need
		if want {
			child = sub
		}
		v, err := d.value(child, depth)
		if err != nil {
			return nil, err
		}
		if want {
			m[key] = v
		}
		closed, err := d.after('}')
		if err != nil {
			return nil, err
		}
		if closed {
			return m, nil
		}
	}
}

// array reads an array; a condition that reads into one gets all of it.
func (d *jsonDecoder) array(n *need, depth int) (any, error) {
	d.i++ // [
	var a []any
	if n != nil {
		a, n = []any{}, everything
	}
	d.space()
	if d.i < len(d.text) && d.text[d.i] == ']' {
		d.i++
		return a, nil
	}
	for {
		v, err := d.value(n, depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			a = append(a, v)
		}
		closed, err := d.after(']')
		if err != nil {
			return nil, err
		}
		if closed {
			return a, nil
		}
	}
}

// skipString moves past a string, checking it, and reports whether it
// holds escapes or bytes that are not plain UTF-8.
func (d *jsonDecoder) skipString() (escaped bool, err error) {
	d.i++ // "
	for d.i < len(d.text) {
		c := d.text[d.i]
		switch {
		case c == '"':
			d.i++
			return escaped, nil
		case c == '\\':
			escaped = true
			d.i++
			if d.i == len(d.text) {
				return false, d.fail("unexpected end of JSON")
			}
			switch d.text[d.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i++
			case 'u':
				if d.i+4 >= len(d.text) || !isHex4(d.text[d.i+1:d.i+5]) {
					return false, d.fail("invalid \\u escape")
				}
				d.i += 5
			default:
				return false, d.fail("invalid escape")
			}
		case c < 0x20:
			return false, d.fail("control character in a string")
		case c >= utf8.RuneSelf:
			escaped = true // decoded by encoding/json, which replaces invalid UTF-8
			d.i++
		default:
			d.i++
		}
	}
	return false, d.fail("unexpected end of JSON")
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// stringValue decodes a string token.
func (d *jsonDecoder) stringValue(tok []byte, escaped bool) (any, error) {
	if !escaped {
		return string(tok[1 : len(tok)-1]), nil
	}
	var s string
	if err := json.Unmarshal(tok, &s); err != nil {
		return nil, d.fail("invalid string")
	}
	return s, nil
}

func (d *jsonDecoder) skipNumber() error {
	start := d.i
	if d.text[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.text) && isDigit(d.text[d.i]) {
			d.i++
			n++
		}
		return n
	}
	switch {
	case d.i < len(d.text) && d.text[d.i] == '0':
		d.i++
	case digits() == 0:
		return &jsonError{start, "invalid number"}
	}
	if d.i < len(d.text) && d.text[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return &jsonError{start, "invalid number"}
		}
	}
	if d.i < len(d.text) && (d.text[d.i] == 'e' || d.text[d.i] == 'E') {
		d.i++
		if d.i < len(d.text) && (d.text[d.i] == '+' || d.text[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return &jsonError{start, "invalid number"}
		}
	}
	return nil
}

func (d *jsonDecoder) literal(word string) error {
	if len(d.text)-d.i < len(word) || string(d.text[d.i:d.i+len(word)]) != word {
		return d.fail("invalid literal")
	}
	d.i += len(word)
	return nil
}

// ObjectMembers calls fn with each member of the JSON object text, in
// order: its key decoded, its value as raw text. The whole text is checked
// as it goes; fn's error, or the text's, ends the walk. It lets a reader of
// JSON input hand an event's text to Env.EventJSON without decoding it
// first.
func ObjectMembers(text []byte, fn func(key string, value []byte) error) error {
	d := jsonDecoder{text: text}
	d.space()
	if d.i == len(text) || text[d.i] != '{' {
		return d.fail("not a JSON object")
	}
	d.i++
	d.space()
	if d.i < len(text) && text[d.i] == '}' {
		d.i++
	} else {
		for done := false; !done; {
			d.space()
			if d.i == len(text) || text[d.i] != '"' {
				return d.fail("expected a string key")
			}
			start := d.i
			if _, err := d.skipString(); err != nil {
				return err
			}
			key, err := d.stringValue(text[start:d.i], hasEscapeOrHigh(text[start:d.i]))
			if err != nil {
				return err
			}
			d.space()
			if d.i == len(text) || text[d.i] != ':' {
				return d.fail("expected ':'")
			}
			d.i++
			d.space()
			start = d.i
			if _, err := d.value(nil, 0); err != nil {
				return err
			}
			if err := fn(key.(string), text[start:d.i]); err != nil {
				return err
			}
			d.space()
			switch {
			case d.i == len(text):
				return d.fail("unexpected end of JSON")
			case text[d.i] == ',':
				d.i++
			case text[d.i] == '}':
				d.i++
				done = true
			default:
				return d.fail("expected ',' or '}'")
			}
		}
	}
	if d.space(); d.i != len(text) {
		return d.fail("text after the JSON value")
	}
	return nil
}

// hasEscapeOrHigh reports whether a string token needs encoding/json to
// decode it.
func hasEscapeOrHigh(tok []byte) bool {
	for _, c := range tok {
		if c == '\\' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// after reads what follows a member of an object or an element of an
// array: ',' when more come, or closer, which ends it.
func (d *jsonDecoder) after(closer byte) (closed bool, err error) {
	d.space()
	switch {
	case d.i == len(d.text):
		return false, d.fail("unexpected end of JSON")
	case d.text[d.i] == ',':
		d.i++
		return false, nil
	case d.text[d.i] == closer:
		d.i++
		return true, nil
	}
	return false, d.fail("expected ',' or '" + string(closer) + "'")
}
