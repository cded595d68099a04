package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// eventKeys are the keys an event given on the command line may have: the
// _event fields, and extra ones a command adds ("after").
func eventKeys(extra ...string) []string {
	e, _ := builtins.LookupGlobal("_event")
	return append(e.FieldNames(), extra...)
}

// unknownEventKey finds a key of obj that is no event field, so that a typo
// ("nme") is not taken for an event without a name. The error reads
// "line:col: unknown key …" with the place of the key in text, the JSON
// the object was read from, whose first line is line n.
func unknownEventKey(text []byte, n int, obj map[string]any, extra ...string) error {
	known := eventKeys(extra...)
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		if slices.Contains(known, k) {
			continue
		}
		msg := fmt.Sprintf("unknown key %q", k)
		if s, ok := builtins.Suggest(k, known); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += fmt.Sprintf(" (want %s)", orList(known))
		}
		p := cond.NewMapper(string(text), cond.EditorBreaks).Position(max(0, bytes.Index(text, []byte(fmt.Sprintf("%q", k)))))
		return fmt.Errorf("%d:%d: %s", n+p.Line-1, p.Column, msg)
	}
	return nil
}

// readEventFlag reads the event a flag names; a key that is no event field
// and an event without a name are errors, for nothing would match it.
func readEventFlag(flag, path string) (map[string]any, error) {
	event, err := readObjectFlag(flag, path)
	if err != nil {
		return nil, err
	}
	if text, rerr := os.ReadFile(path); rerr == nil {
		if err := unknownEventKey(text, 1, event); err != nil {
			return nil, fmt.Errorf("%s:%w", path, err)
		}
	}
	if _, ok := event["name"].(string); !ok {
		return nil, fmt.Errorf("%s: the event has no \"name\"; give one, as in {\"name\": \"interaction.deleted\", \"data\": {…}}", path)
	}
	return event, nil
}

// namedEvent checks event, read from line n of an NDJSON file, as
// readEventFlag checks a file's.
func namedEvent(line []byte, n int, event map[string]any) error {
	if err := unknownEventKey(line, n, event); err != nil {
		return err
	}
	if _, ok := event["name"].(string); !ok {
		return fmt.Errorf("%d: the event has no \"name\"", n)
	}
	return nil
}
