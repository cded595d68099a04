package statechart

import "strings"

// Descriptors is the parsed `event` attribute of a transition or handler:
// one or more event descriptors separated by whitespace (W3C SCXML §3.12.1).
// A handler fires for an event only when one of its descriptors matches the
// event's name; descriptors are checked before any condition runs.
type Descriptors struct {
	source   string
	prefixes []string // normalised descriptors: no trailing ".*" or "."
	any      bool     // "*" (or the ".*" catch-all older tests use) is present
}

// ParseDescriptors reads an `event` attribute. It never fails: every
// whitespace-separated word is a descriptor. An empty or blank attribute
// yields an eventless set, which matches no event.
//
// `error`, `error.` and `error.*` are the same descriptor; `*` matches every
// event. `.*` alone, which some W3C tests use as a catch-all, is read as `*`.
func ParseDescriptors(attr string) Descriptors {
	d := Descriptors{source: attr}
	for _, word := range strings.Fields(attr) {
		p := strings.TrimSuffix(word, "*")
		if len(p) < len(word) && p != "" && !strings.HasSuffix(p, ".") {
			// "foo*" is not a wildcard form; keep the word as it is.
			p = word
		}
		p = strings.TrimSuffix(p, ".")
		if p == "" {
			d.any = true
			continue
		}
		d.prefixes = append(d.prefixes, p)
	}
	return d
}

// MatchDescriptors reports whether an `event` attribute matches an event name.
func MatchDescriptors(attr, eventName string) bool {
	return ParseDescriptors(attr).Match(eventName)
}

// Match reports whether at least one descriptor matches name: the
// descriptor's dot-separated tokens equal the name's first tokens, compared
// case-sensitively and whole token by whole token, so `interaction.delete`
// does not match `interaction.deleted`.
func (d Descriptors) Match(name string) bool {
	if d.any {
		return true
	}
	for _, p := range d.prefixes {
		if tokenPrefix(p, name) {
			return true
		}
	}
	return false
}

// Eventless reports whether the attribute names no descriptor at all. An
// eventless transition is never selected by an event.
func (d Descriptors) Eventless() bool { return !d.any && len(d.prefixes) == 0 }

// String returns the attribute as written.
func (d Descriptors) String() string { return d.source }

// tokenPrefix reports whether prefix is name or a whole-token prefix of it.
func tokenPrefix(prefix, name string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	return len(name) == len(prefix) || name[len(prefix)] == '.'
}
