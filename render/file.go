package render

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
	"github.com/condeval/condeval/statechart"
)

// The problems at a place in a file, shown with that line of the file when
// it can be read.

// Finding is the report of a lint finding: the place it names, and the
// source it was found in, underlined to the finding's end on its line.
func Finding(f lint.FileFinding) Report {
	r := Report{file: f.File, line: f.Start.Line, col: f.Start.Column, severity: f.Severity.String(),
		message: f.Message, code: f.Code, help: f.Suggestion}
	if f.Source != nil {
		r.snippet = true
		r.text, r.from = lineAt(f.Source, f.Start.Line, f.Start.Column)
		r.to = len(r.text)
		if f.End.Line == f.Start.Line {
			_, r.to = lineAt(f.Source, f.End.Line, f.End.Column)
		}
	}
	return r
}

// HandlerExec is the report of the error.execution a handler's condition
// raised: at its place in the handler's file when the condition is written
// there as the engine reads it (no escape before the error), else at the
// condition's start.
func HandlerExec(h *statechart.Handler, e *runtime.ExecError) Report {
	r := fileReport(h.File, h.Line, h.Column)
	if before := h.Cond[:max(0, min(e.Span.Start, len(h.Cond)))]; r.snippet && e.Line == 1 && strings.HasPrefix(r.text[r.from:], before) {
		r.col += utf8.RuneCountInString(before)
		r.from += len(before)
		r.to = min(r.from+e.Span.End-e.Span.Start, len(r.text))
	}
	r.message, r.code = e.Type+": "+e.Message, e.Name
	return r
}

// StepError writes an error a simulation step raised, indented under the
// step's line: statechart.Step.WriteText takes it, for condeval simulate
// and the REPL's :simulate alike.
func StepError(w io.Writer, e statechart.Error) {
	r := fileReport(e.At.File, e.At.Line, e.At.Column)
	r.message, r.code = e.Message, e.Name
	if e.Type != "" {
		r.message = e.Type + ": " + e.Message
	}
	_ = Write(Indent(w, "  "), r)
}

// Located is the report of an error that names a place in a file: XML that
// is not well-formed (as lint reports it), a document that does not load,
// a handler whose condition does not compile. ok is false for an error
// that names no place.
func Located(err error) (r Report, ok bool) {
	var se *scxml.SyntaxError
	var le *statechart.LoadError
	var lp *statechart.LoadProblem
	switch {
	case errors.As(err, &se):
		f := lint.XMLFinding(se, lint.Config{})
		f.Source = fileSource(se.File)
		return Finding(f), true
	case errors.As(err, &lp):
		r := fileReport(lp.File, lp.Line, lp.Column)
		r.message = lp.Message
		var ce *cond.Error
		if errors.As(lp.Err, &ce) && len(ce.Diagnostics) > 0 {
			r.code = ce.Diagnostics[0].Code
		}
		r.note = fmt.Sprintf("handler %q never fires", lp.Handler.Name)
		return r, true
	case errors.As(err, &le) && le.Line > 0:
		r := fileReport(le.File, le.Line, le.Column)
		r.message = le.Msg
		return r, true
	}
	return Report{}, false
}

// Error writes err to w: as its report when it names a place, else as one
// "condeval:" line in the user's words.
func Error(w io.Writer, err error) {
	if r, ok := Located(err); ok {
		_ = Write(w, r)
		return
	}
	fmt.Fprintln(w, "condeval:", cannotRead(err))
}

// fileReport is an error at line and rune column col of a file, with that
// line of the file under it when the file can be read.
func fileReport(file string, line, col int) Report {
	r := Report{file: file, line: line, col: col, severity: "error"}
	if s := fileSource(file); s != nil && line <= s.Lines() {
		r.snippet = true
		r.text, r.from = lineAt(s, line, col)
		r.to = r.from
	}
	return r
}

// lineAt is line n of s, and the byte offset in it of rune column col.
func lineAt(s *scxml.Source, n, col int) (string, int) {
	text := s.Line(n)
	return text, min(s.RuneOffset(n, col)-s.LineStart(n), len(text))
}

// fileSource reads a file as the readers decode it, or nil.
func fileSource(file string) *scxml.Source {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	s, err := scxml.NewFileSource(file, data)
	if err != nil {
		return nil
	}
	return s
}
