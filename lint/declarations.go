package lint

import "github.com/condeval/condeval/cond"

// ScriptDeclarations lists the global names a script declares: its
// top-level var and function declarations, and the undeclared names it
// assigns to (which become globals in non-strict code), in that order. A
// script that does not parse declares nothing.
func ScriptDeclarations(src string) []string {
	return NewLinter().ScriptDeclarations(src)
}

// ScriptDeclarations is the package-level ScriptDeclarations, sharing the
// parse with a later Lint of the same script.
func (l *Linter) ScriptDeclarations(src string) []string {
	p := l.parse(src, true).program
	if p == nil {
		return nil
	}
	pass := Pass{Program: p}
	f := factsOf(&pass)
	var assigned []*cond.Ident
	for _, id := range p.GlobalRefs() {
		if f.written[id] {
			assigned = append(assigned, id)
		}
	}
	return append(p.Declared(), cond.UniqueNames(assigned)...)
}
