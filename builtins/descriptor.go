package builtins

import "strings"

// Descriptor is one event descriptor of an `event` attribute (W3C SCXML
// §3.12.1): dot-separated tokens that match an event name whose first
// tokens are the same, compared whole and case-sensitively. `*` matches
// every event; a final `.` or `.*` adds nothing, so `error`, `error.` and
// `error.*` are the same descriptor.
//
// It is the one reading of a descriptor: dispatch selects handlers with it,
// the event catalog is searched with it, and lint asks it which event a
// handler listens to and whether it can match at all.
type Descriptor struct {
	text string // as written
	stem string // the tokens that must match: no final "." or ".*"; empty for "*"
}

// ParseDescriptor reads one descriptor; surrounding white space is ignored.
// It never fails: a descriptor W3C does not allow (`foo*`) is read
// literally, and Flaw says why it will not match what it seems to.
//
// `.*` and `.` alone, which some W3C tests use as a catch-all, are read as
// `*`.
func ParseDescriptor(word string) Descriptor {
	word = strings.TrimSpace(word)
	stem := strings.TrimSuffix(word, "*")
	if len(stem) < len(word) && stem != "" && !strings.HasSuffix(stem, ".") {
		stem = word // "foo*" is not a wildcard form; keep the word as it is
	}
	return Descriptor{text: word, stem: strings.TrimSuffix(stem, ".")}
}

// String returns the descriptor as written.
func (d Descriptor) String() string { return d.text }

// Any reports whether the descriptor matches every event (`*`).
func (d Descriptor) Any() bool { return d.stem == "" && d.text != "" }

// Stem is the event name or prefix the descriptor selects: `error.*` and
// `error.` give `error`; `*` gives "".
func (d Descriptor) Stem() string { return d.stem }

// Match reports whether the descriptor matches an event name: its tokens
// equal the name's first tokens, so `interaction.delete` does not match
// `interaction.deleted`.
func (d Descriptor) Match(name string) bool {
	if d.Any() {
		return true
	}
	if d.stem == "" || !strings.HasPrefix(name, d.stem) {
		return false
	}
	return len(name) == len(d.stem) || name[len(d.stem)] == '.'
}

// Names reports whether the descriptor names the event itself: not `*`,
// not a prefix it shares with other events.
func (d Descriptor) Names(event string) bool { return d.stem != "" && d.stem == event }

// DescriptorFlaw is why a descriptor cannot match as written.
type DescriptorFlaw struct {
	Offset  int    // byte offset in the descriptor of the first misplaced "*"
	Message string // what is wrong, in the user's words
	// Fix is the descriptor that matches what it seems to mean (`foo*` →
	// `foo`); empty when there is no such descriptor (`foo*bar`).
	Fix string
}

// Flaw reports a `*` W3C does not allow: anywhere but alone or as a final
// `.*` (`interaction.notcontrolled*`, `*.deleted`). Such a descriptor is
// matched literally, so it never fires for an ORS event.
func (d Descriptor) Flaw() (DescriptorFlaw, bool) {
	i := strings.IndexByte(d.stem, '*')
	if i < 0 {
		return DescriptorFlaw{}, false
	}
	f := DescriptorFlaw{
		Offset:  i,
		Message: "'*' is a wildcard only alone or as a final '.*', so " + d.text + " matches only an event of that very name",
	}
	if fix := strings.TrimRight(d.text, "*"); !strings.Contains(fix, "*") && strings.Trim(fix, ".") != "" {
		f.Fix = strings.TrimSuffix(fix, ".")
	}
	return f, true
}

// Descriptors is the parsed `event` attribute of a transition or handler:
// descriptors separated by white space. A handler fires for an event only
// when one of them matches the event's name; descriptors are checked before
// any condition runs.
type Descriptors struct {
	source string
	list   []Descriptor
}

// ParseDescriptors reads an `event` attribute. It never fails: every
// whitespace-separated word is a descriptor. An empty or blank attribute
// yields an eventless set, which matches no event.
func ParseDescriptors(attr string) Descriptors {
	d := Descriptors{source: attr}
	for _, word := range strings.Fields(attr) {
		d.list = append(d.list, ParseDescriptor(word))
	}
	return d
}

// MatchDescriptors reports whether an `event` attribute matches an event name.
func MatchDescriptors(attr, eventName string) bool {
	return ParseDescriptors(attr).Match(eventName)
}

// List returns the descriptors in the order written.
func (ds Descriptors) List() []Descriptor { return ds.list }

// Match reports whether at least one descriptor matches name.
func (ds Descriptors) Match(name string) bool {
	for _, d := range ds.list {
		if d.Match(name) {
			return true
		}
	}
	return false
}

// Names reports whether one descriptor names the event itself (see
// Descriptor.Names).
func (ds Descriptors) Names(event string) bool {
	for _, d := range ds.list {
		if d.Names(event) {
			return true
		}
	}
	return false
}

// Eventless reports whether the attribute names no descriptor at all. An
// eventless transition is never selected by an event.
func (ds Descriptors) Eventless() bool { return len(ds.list) == 0 }

// String returns the attribute as written.
func (ds Descriptors) String() string { return ds.source }
