package builtins

import "strings"

// Matching names and descriptors against the catalog. A descriptor is read
// by ParseDescriptor (W3C SCXML §3.12.1); the catalog's names may hold
// placeholder tokens (<action>) that stand for any token.

func splitName(name string) []string { return strings.Split(name, ".") }

func isPlaceholder(tok string) bool {
	return len(tok) > 2 && tok[0] == '<' && tok[len(tok)-1] == '>'
}

func hasPlaceholder(toks []string) bool {
	for _, t := range toks {
		if isPlaceholder(t) {
			return true
		}
	}
	return false
}

// matchFull reports whether name is an instance of pattern, and how many
// placeholders it took (fewer is more specific).
func matchFull(pattern, name []string) (placeholders int, ok bool) {
	if len(name) < len(pattern) {
		return 0, false
	}
	last := len(pattern) - 1
	if len(name) > len(pattern) && !isPlaceholder(pattern[last]) {
		return 0, false
	}
	for i, p := range pattern {
		switch {
		case isPlaceholder(p):
			placeholders++
		case p != name[i]:
			return 0, false
		}
	}
	return placeholders, true
}

// coversPrefix reports whether descriptor, as W3C prefix matching reads it,
// selects events of pattern: its tokens match the start of pattern's (or go
// on below a trailing placeholder), with at least one literal token in
// common, so "foo" alone is not taken to select "<block>.wait.timeout".
func coversPrefix(pattern, descriptor []string) bool {
	if len(descriptor) > len(pattern) && !isPlaceholder(pattern[len(pattern)-1]) {
		return false
	}
	literal := false
	for i, d := range descriptor {
		if i >= len(pattern) {
			break
		}
		switch p := pattern[i]; {
		case isPlaceholder(p):
		case p == d:
			literal = true
		default:
			return false
		}
	}
	return literal
}

// eventTokens holds the catalog's names split into tokens, index by index.
var eventTokens = func() [][]string {
	out := make([][]string, len(events))
	for i, e := range events {
		out[i] = splitName(e.Name)
	}
	return out
}()

// lookupName finds the catalog entry a concrete event name belongs to:
// the exact entry, else the most specific family.
func lookupName(name string) (Event, bool) {
	toks := splitName(name)
	best, bestPlaceholders := -1, 0
	for i, e := range events {
		if e.Name == name {
			return e, true
		}
		if n, ok := matchFull(eventTokens[i], toks); ok && (best < 0 || n < bestPlaceholders) {
			best, bestPlaceholders = i, n
		}
	}
	if best < 0 {
		return Event{}, false
	}
	return events[best], true
}

// LookupEvent finds the catalog entry for an event name or a descriptor:
// the exact entry, else the most specific family the name belongs to
// (error.interaction.foo → error.interaction.<action>), else the family a
// descriptor names as a whole (error.interaction.* → error.interaction.<action>).
func LookupEvent(name string) (Event, bool) {
	name = ParseDescriptor(name).Stem()
	if name == "" {
		return Event{}, false
	}
	if e, ok := lookupName(name); ok {
		return e, true
	}
	toks := splitName(name)
	for i, e := range events {
		p := eventTokens[i]
		if len(p) == len(toks)+1 && isPlaceholder(p[len(toks)]) && !hasPlaceholder(p[:len(toks)]) &&
			strings.Join(p[:len(toks)], ".") == name {
			return e, true
		}
	}
	return Event{}, false
}

// eventsCovered lists the catalog entries a descriptor selects; with
// firstOnly it stops at the first.
func eventsCovered(descriptor string, firstOnly bool) []Event {
	d := ParseDescriptor(descriptor)
	switch {
	case d.Any():
		return Events()
	case d.Stem() == "":
		return nil
	}
	toks := splitName(d.Stem())
	var out []Event
	for i, e := range events {
		if coversPrefix(eventTokens[i], toks) {
			out = append(out, e)
			if firstOnly {
				break
			}
		}
	}
	return out
}

// KnownEventPrefix reports whether a descriptor (one token list, possibly
// ending in ".*") selects at least one catalogued event or family, so a
// handler on it can fire for a known event. "*" is always known.
func KnownEventPrefix(descriptor string) bool { return len(eventsCovered(descriptor, true)) > 0 }

// EventDataFields declares the _event.data attributes a handler can read.
// event is a handler's event attribute: an event name or one or more
// descriptors separated by spaces. For one catalogued event the result is
// its own list; for several, the union; when nothing is known, the union
// over the whole catalog.
func EventDataFields(event string) []Decl {
	matched := handledEvents(event)
	switch {
	case len(matched) == 0:
		return unionEventData()
	case len(matched) == 1:
		return matched[0].Data()
	}
	var out []Decl
	seen := map[string]bool{}
	for _, e := range matched {
		for _, f := range e.data {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, dataField(f.Name))
			}
		}
	}
	return out
}

// handledEvents lists the catalog entries a handler's event attribute selects.
func handledEvents(event string) []Event {
	var matched []Event
	for _, d := range ParseDescriptors(event).List() {
		if e, ok := lookupName(d.Stem()); ok && !d.Any() {
			matched = append(matched, e)
			continue
		}
		matched = append(matched, eventsCovered(d.String(), false)...)
	}
	return matched
}

// EventData declares _event.data for a handler's event attribute: the
// fields of EventDataFields, and, when the handler takes done.state.* or
// done.invoke.* events, any field besides, since their payload is the
// document's own <donedata>.
func EventData(event string) Decl {
	d := eventDataDecl(EventDataFields(event), eventDescription(event))
	if event == "" || strings.TrimSpace(event) == "*" {
		return d
	}
	for _, e := range handledEvents(event) {
		if e.doneData {
			return d.each(doneDataField)
		}
	}
	return d
}
