package lint

import (
	"os"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

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

// declarations collects the global names a file declares for its
// conditions: <data> ids, workflow variables, what its scripts declare, and
// what the script files it loads declare when they can be read.
func declarations(f *scxml.File, lin *Linter) *Declarations {
	d := NewDeclarations(f.Data...)
	d.Add(f.Variables...)
	var scripts []string
	for _, it := range f.Items {
		if it.Kind == scxml.Program {
			scripts = append(scripts, it.Text.Value)
		}
	}
	for _, p := range f.ScriptPaths {
		if src, err := os.ReadFile(p); err == nil {
			scripts = append(scripts, string(src))
		}
	}
	names := make([][]string, len(scripts))
	parallel(len(scripts), func(i int) { names[i] = lin.ScriptDeclarations(scripts[i]) })
	for _, ns := range names {
		d.Add(ns...)
	}
	return d
}
