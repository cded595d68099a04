package render

import (
	"errors"
	"fmt"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// The problems of a condition given as text: src starts on line first of
// file, which is Expr for a condition on the command line, or the script or
// document it was read from.

// Diagnostics are the reports of the front end's or the linter's
// diagnostics of src. A position in a message ("opened at 1:23") counts
// from first too.
func Diagnostics(file string, first int, src string, diags []cond.Diagnostic) []Report {
	m := cond.NewMapper(src, cond.ECMAScriptBreaks)
	out := make([]Report, 0, len(diags))
	for _, d := range diags {
		r := textReport(file, first, m, d.Span.Start, d.Span.End)
		r.severity, r.code, r.help = d.Severity.String(), d.Code, d.Suggestion
		r.message = d.MessageAt(src, func(offset int) string {
			p := m.Position(offset)
			return fmt.Sprintf("%d:%d", first+p.Line-1, p.Column)
		})
		out = append(out, r)
	}
	return out
}

// Exec is the report of the error.execution a condition raised: at its
// place when the engine gave one, else on the condition's first line.
func Exec(file string, first int, src string, e *runtime.ExecError) Report {
	r := Report{file: file, line: first, severity: "error"}
	if e.Line > 0 {
		r = textReport(file, first, cond.NewMapper(src, cond.ECMAScriptBreaks), e.Span.Start, e.Span.End)
	}
	r.message, r.code = e.Type+": "+e.Message, e.Name
	return r
}

// Compile are the reports of a condition that does not compile (err from
// runtime.Compile): the front end's diagnostics with their codes, which the
// user can look up, or, for what only the engine refused, the SyntaxError
// it raises when evaluated.
func Compile(file string, first int, src string, err error) []Report {
	var ce *cond.Error
	if errors.As(err, &ce) && fromFrontEnd(ce) {
		return Diagnostics(file, first, src, ce.Diagnostics)
	}
	return []Report{Exec(file, first, src, runtime.CompileError(err))}
}

// fromFrontEnd reports whether every diagnostic has a code of the front
// end's, which the user can look up.
func fromFrontEnd(e *cond.Error) bool {
	for _, d := range e.Diagnostics {
		if _, ok := cond.LookupCode(d.Code); !ok {
			return false
		}
	}
	return len(e.Diagnostics) > 0
}

// textReport is an error at bytes [from, to) of the text m maps.
func textReport(file string, first int, m *cond.Mapper, from, to int) Report {
	p := m.Position(from)
	start := m.LineStart(p.Line)
	return Report{file: file, line: first + p.Line - 1, col: p.Column, severity: "error",
		snippet: true, text: m.Line(p.Line), from: from - start, to: to - start}
}
