package scxml

import (
	"os"

	"github.com/condeval/condeval/cond"
)

// declarations collects the global names a file declares for its
// conditions: <data> ids, workflow variables, what its scripts declare, and
// what the script files it loads declare when they can be read.
func declarations(f *File, lin *cond.Linter) *cond.Declarations {
	d := cond.NewDeclarations(f.Data...)
	d.Add(f.Variables...)
	var scripts []string
	for _, it := range f.Items {
		if it.Kind == Program {
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
