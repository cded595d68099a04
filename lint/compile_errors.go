package lint

import (
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// CompileErrors reads the document at path and returns the findings that
// say a condition, expression or script of it does not compile: the front
// end's errors. A session running the document raises error.execution each
// time it evaluates one, so the simulations (condeval simulate, the REPL's
// :simulate) show them once, before the run, as lint would.
func CompileErrors(path string) ([]FileFinding, error) {
	f, err := scxml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// What a document's code is, not what its project declares: the file
	// alone, with the documents it includes.
	lin := NewLinter()
	proj := newProject(lin, NewWorkspace())
	if f.Format == scxml.FormatSCXML {
		proj.add(f)
	}
	var out []FileFinding
	for _, ff := range lintFile(f, Config{}, lin, proj) {
		if _, frontEnd := cond.LookupCode(ff.Code); frontEnd && ff.Severity == cond.SeverityError {
			out = append(out, ff)
		}
	}
	return out, nil
}
