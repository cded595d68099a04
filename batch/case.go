package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/condeval/condeval/runtime"
)

// Case is one case: what a condition is evaluated against.
type Case struct {
	ID      json.RawMessage `json:"id"`
	Cond    *string         `json:"cond"` // nil: the default condition
	Event   map[string]any  `json:"event"`
	System  map[string]any  `json:"system"`
	States  []string        `json:"states"`
	Globals map[string]any  `json:"globals"`

	// eventJSON and systemJSON are the event and the system as text, for a
	// case read by readText: the runtime decodes only what the condition
	// reads.
	eventJSON, systemJSON json.RawMessage
	// Unknown are the fields of the line that a case does not have: the
	// case is evaluated without them, and its result warns of them.
	Unknown []string `json:"-"`
}

// caseFields are the fields of a case, for the warning about others.
const caseFields = "id, cond, event, system, states, globals"

// Env is what the case's condition sees.
func (c *Case) Env() runtime.Env {
	return runtime.Env{Event: c.Event, System: c.System, EventJSON: c.eventJSON, SystemJSON: c.systemJSON,
		States: c.States, Globals: c.Globals}
}

// readText reads the common line of eval --batch, an object of a case's
// fields, without decoding its event and system: they stay text for the
// runtime. ok is false for any other line, which Decode then reads and, if
// it is no case, says why.
func readText(b []byte) (c Case, ok bool) {
	err := runtime.ObjectMembers(b, func(key string, raw []byte) error {
		switch key {
		case "id":
			c.ID = raw
		case "event":
			c.eventJSON = raw
		case "system":
			c.systemJSON = raw
		case "cond":
			return json.Unmarshal(raw, &c.Cond)
		case "states":
			return json.Unmarshal(raw, &c.States)
		case "globals":
			return json.Unmarshal(raw, &c.Globals)
		default:
			return errNotPlain
		}
		return nil
	})
	return c, err == nil && objectOrNull(c.eventJSON) && objectOrNull(c.systemJSON)
}

// errNotPlain ends readText on a field Decode must judge.
var errNotPlain = errors.New("not a plain case")

// objectOrNull reports whether valid JSON text is an object or null, or absent.
func objectOrNull(raw json.RawMessage) bool {
	return len(raw) == 0 || raw[0] == '{' || string(raw) == "null"
}

// Decode reads one case: a JSON object with no field a case does not have.
// The error says, in the user's words, why b is not a case.
func Decode(b []byte) (Case, error) {
	var c Case
	if len(bytes.TrimSpace(b)) == 0 {
		return c, errors.New("blank line: not a case")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(&c)
	if err != nil && strings.HasPrefix(err.Error(), "json: unknown field ") {
		// Rare, so the common case decodes once: again, keeping the others.
		c = Case{Unknown: unknownFields(b)}
		dec = json.NewDecoder(bytes.NewReader(b))
		err = dec.Decode(&c)
	}
	if err != nil {
		return c, errors.New("not a valid case: " + jsonMessage(err))
	}
	if dec.More() {
		return c, errors.New("not a valid case: more than one JSON value on the line")
	}
	if len(c.ID) > 0 && !json.Valid(c.ID) {
		return c, errors.New("not a valid id")
	}
	return c, nil
}

// unknownFields lists the fields of the JSON object b that a case does not
// have, in the order written.
func unknownFields(b []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []string
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return out
		}
		if !strings.Contains(", "+caseFields+", ", ", "+key+", ") {
			out = append(out, key)
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return out
		}
	}
	return out
}

// Warning is what the result of a case says about the fields it ignored;
// "" when there are none.
func (c *Case) Warning() string {
	if len(c.Unknown) == 0 {
		return ""
	}
	noun := "field"
	if len(c.Unknown) > 1 {
		noun = "fields"
	}
	return fmt.Sprintf("unknown %s %s ignored (a case has %s)", noun, quoteList(c.Unknown), caseFields)
}

// quoteList writes names as "a", "b".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// DecodeEvent reads a bare _event object as a case of its own.
func DecodeEvent(b []byte) (Case, error) {
	var c Case
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&c.Event); err != nil {
		return c, errors.New("not a valid event: " + jsonMessage(err))
	}
	if c.Event == nil {
		return c, errors.New("not a valid event: want a JSON object")
	}
	if dec.More() {
		return c, errors.New("not a valid event: more than one JSON value")
	}
	return c, nil
}

// IDOf reads the "id" of b when it is a JSON object, even one that is not a
// valid case, so that its error.input record can be paired with it.
func IDOf(b []byte) json.RawMessage {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	return v.ID
}

// jsonMessage says what is wrong with a case in the user's words: the
// field and the kind of JSON value, never a Go type.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	if te.Field == "" {
		return "want a JSON object, got " + article(te.Value)
	}
	return fmt.Sprintf("%q cannot be %s", te.Field, article(te.Value))
}

// article puts "a" or "an" before a JSON kind ("array", "number", ...).
func article(kind string) string {
	if strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
