package cond

// ScriptDeclarations lists the global names a script declares: its
// top-level var and function declarations, and the undeclared names it
// assigns to (which become globals in non-strict code). A script that does
// not parse declares nothing.
func ScriptDeclarations(src string) []string {
	p, err := ParseProgram(expandPlaceholders(src), MaxLength(0))
	if err != nil {
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
