package repl

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/condeval/condeval/builtins"
)

// :set takes what the user types at face value, but says so when it is
// probably not what they meant: a new global whose name is close to one
// the data model has (_evnt for _event), a system field Composer does not
// have (system.ani for system.ANI), a bare word where JSON was expected.

// setNotes are the notes :set prints before setting p.
func (s *Session) setNotes(p valuePath) []string {
	root := p.segs[0]
	switch {
	case root == rootSystem && len(p.segs) >= 2:
		return systemFieldNote(p, s.vars[rootSystem])
	case s.vars[root] != nil || isSessionRoot(root):
		return nil
	}
	if _, known := builtins.LookupGlobal(root); known {
		return nil
	}
	// A new global (App_Target1) is what :set is for; one a letter away
	// from a name the data model has is a typo.
	near, ok := builtins.Suggest(root, knownRoots())
	if !ok {
		return nil
	}
	return []string{fmt.Sprintf("note: %s is no name ORS gives a condition; it is set as a new global (did you mean %s?)", root, near)}
}

// isSessionRoot reports whether name is a root the session always has.
func isSessionRoot(name string) bool {
	_, ok := rootKinds[name]
	return ok || builtins.IsScopeName(name)
}

// knownRoots are the top-level names a condition can read.
func knownRoots() []string {
	return append(builtins.ScopeNames(), builtins.GlobalNames()...)
}

// systemFieldNote is a note when p sets a system field that is neither a
// Composer system variable nor already in the loaded system.
func systemFieldNote(p valuePath, loaded any) []string {
	field := p.segs[1]
	if m, ok := loaded.(map[string]any); ok {
		if _, has := m[field]; has {
			return nil
		}
	}
	decl, _ := builtins.LookupGlobal(rootSystem)
	if _, ok := decl.Field(field); ok {
		return nil
	}
	note := fmt.Sprintf("note: %s is not a Composer system variable", field)
	if near, ok := builtins.Suggest(field, decl.FieldNames()); ok {
		note += fmt.Sprintf("; did you mean system.%s?", near)
	}
	return []string{note}
}

// bareWord reports whether text, which is not JSON, is one word a user
// meant as a string (deletion, 00A1QW4N8C7H2001, sales@desk): letters,
// digits and . _ - @ : / only. It is called on text that is not JSON, so
// it is no number or literal.
func bareWord(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@:/", r) {
			return false
		}
	}
	return true
}
