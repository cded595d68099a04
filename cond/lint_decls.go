package cond

// ScriptDeclarations lists the global names a script declares: its
// top-level var and function declarations, and the undeclared names it
// assigns to (which become globals in non-strict code). A script that does
// not parse declares nothing.
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
	names := map[string]bool{}
	hoist(p.Body, names)
	pass := Pass{Program: p}
	f := factsOf(&pass)
	for _, id := range p.GlobalRefs() {
		if f.written[id] {
			names[id.Name] = true
		}
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	return out
}
