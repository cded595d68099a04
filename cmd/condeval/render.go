package main

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

// The one renderer of whatever went wrong at a place — a lint finding, a
// syntax diagnostic, an error.execution, a document that does not load —
// so that the same error reads the same from every command:
//
//	NAME:line:col: severity: message [CODE]
//	<the source line>
//	     ^~~~
//	  = help: suggestion
//
// NAME is a file, exprFile for a condition given on the command line or
// typed in the REPL, or <stdin> for a script piped to the REPL. Lines and
// columns are 1-based; columns count runes. An error.execution has the
// severity error, its JavaScript class before its message, and the event's
// name as its code.

// exprFile names a condition given as text (lint -e, eval, the REPL at a
// terminal), where a file name would be.
const exprFile = "<expr>"

// maxSnippet is the widest source line printed whole; longer lines (an
// IPD handler is one line of a thousand characters) are cut around the
// place.
const maxSnippet = 120

// report is one thing to show. line 0 means no position, col 0 no column.
type report struct {
	file      string
	line, col int
	severity  string
	message   string
	code      string // "" when there is none
	snippet   bool   // text, from and to are set
	text      string // the source line
	from, to  int    // the bytes of text to underline
	help      string // a suggestion
	note      string // what the error means for the command
}

// write appends the report to b.
func (r report) write(b *strings.Builder) {
	b.WriteString(r.file)
	if r.line > 0 {
		fmt.Fprintf(b, ":%d", r.line)
		if r.col > 0 {
			fmt.Fprintf(b, ":%d", r.col)
		}
	}
	fmt.Fprintf(b, ": %s: %s", r.severity, r.message)
	if r.code != "" {
		fmt.Fprintf(b, " [%s]", r.code)
	}
	b.WriteByte('\n')
	if r.snippet {
		text, from, to := cut(r.text, r.from, r.to)
		b.WriteString(text)
		b.WriteByte('\n')
		b.WriteString(caretLine(text, from, to))
		b.WriteByte('\n')
	}
	if r.help != "" {
		fmt.Fprintf(b, "  = help: %s\n", r.help)
	}
	if r.note != "" {
		fmt.Fprintf(b, "  = note: %s\n", r.note)
	}
}

// writeReports writes reports to w in one write.
func writeReports(w io.Writer, rs ...report) error {
	var b strings.Builder
	for _, r := range rs {
		r.write(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// findingReport is a lint finding located in a file.
func findingReport(f lint.FileFinding) report {
	r := report{file: f.File, line: f.Start.Line, col: f.Start.Column, severity: f.Severity.String(),
		message: f.Message, code: f.Code, help: f.Suggestion}
	if f.Source != nil {
		r.snippet, r.text = true, f.Source.Line(f.Start.Line)
		r.from, r.to = runeOffset(r.text, f.Start.Column), len(r.text)
		if f.End.Line == f.Start.Line {
			r.to = runeOffset(r.text, f.End.Column)
		}
	}
	return r
}

// textReport is an error at bytes [from, to) of src, a condition that
// starts on line first of file.
func textReport(file string, first int, src string, from, to int) report {
	m := cond.NewMapper(src, cond.ECMAScriptBreaks)
	p := m.Position(from)
	start := m.LineStart(p.Line)
	return report{file: file, line: first + p.Line - 1, col: p.Column, severity: "error",
		snippet: true, text: m.Line(p.Line), from: from - start, to: to - start}
}

// diagnosticReports are the front end's or the linter's diagnostics of src.
func diagnosticReports(file string, first int, src string, diags []cond.Diagnostic) []report {
	m := cond.NewMapper(src, cond.ECMAScriptBreaks)
	out := make([]report, 0, len(diags))
	for _, d := range diags {
		r := textReport(file, first, src, d.Span.Start, d.Span.End)
		r.severity, r.code, r.help = d.Severity.String(), d.Code, d.Suggestion
		r.message = d.MessageAt(src, func(offset int) string {
			p := m.Position(offset)
			return fmt.Sprintf("%d:%d", first+p.Line-1, p.Column)
		})
		out = append(out, r)
	}
	return out
}

// execReport is the error.execution a condition raised.
func execReport(file string, first int, src string, e *runtime.ExecError) report {
	r := report{file: file, line: first, severity: "error"}
	if e.Line > 0 {
		r = textReport(file, first, src, e.Span.Start, e.Span.End)
	}
	r.message, r.code = e.Type+": "+e.Message, e.Name
	return r
}

// compileReports are the reports of a condition that does not compile:
// the front end's diagnostics with their codes, or, for what only the
// engine refused, the SyntaxError it raises when evaluated.
func compileReports(file string, first int, src string, err error) []report {
	var ce *cond.Error
	if errors.As(err, &ce) && fromFrontEnd(ce) {
		return diagnosticReports(file, first, src, ce.Diagnostics)
	}
	return []report{execReport(file, first, src, runtime.CompileError(err))}
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

// errorReport is the report of an error that names a place in a file: XML
// that is not well-formed (as lint reports it), a document that does not
// load, a handler whose condition does not compile. ok is false for an
// error with no place, which is reported as "condeval: " and its text.
func errorReport(err error) (report, bool) {
	var se *scxml.SyntaxError
	var le *statechart.LoadError
	var lp *statechart.LoadProblem
	switch {
	case errors.As(err, &se):
		f := lint.XMLFinding(se, lint.Config{})
		f.Source = fileSource(se.File)
		return findingReport(f), true
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
	return report{}, false
}

// fileReport is an error at line and col of a file, with that line of the
// file under it when the file can be read.
func fileReport(file string, line, col int) report {
	r := report{file: file, line: line, col: col, severity: "error"}
	if s := fileSource(file); s != nil && line <= s.Lines() {
		r.snippet, r.text = true, s.Line(line)
		r.from = runeOffset(r.text, col)
		r.to = r.from
	}
	return r
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

// writeError reports err on w: in the form above when it names a place,
// else as one "condeval:" line.
func writeError(w io.Writer, err error) {
	if r, ok := errorReport(err); ok {
		_ = writeReports(w, r)
		return
	}
	fmt.Fprintln(w, "condeval:", cannotRead(err))
}

// replRenderer is the REPL's view of this renderer (repl.Renderer).
type replRenderer struct{}

func (replRenderer) Diagnostics(w io.Writer, file string, first int, src string, diags []cond.Diagnostic) error {
	return writeReports(w, diagnosticReports(file, first, src, diags)...)
}

func (replRenderer) StepError(w io.Writer, e statechart.Error) { writeStepError(w, e) }

func (replRenderer) ExecError(w io.Writer, file string, first int, src string, e *runtime.ExecError) {
	_ = writeReports(w, execReport(file, first, src, e))
}

// runeOffset is the byte offset of 1-based rune column col of line.
func runeOffset(line string, col int) int {
	i := 0
	for n := 1; n < col && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}

// cut cuts a long line to a window around [from, to), marking the cuts
// with "…", and returns the offsets within the window.
func cut(line string, from, to int) (string, int, int) {
	if len(line) <= maxSnippet {
		return line, from, to
	}
	start := runeStart(line, max(0, from-40))
	end := runeStart(line, min(len(line), max(to, from+1)+40))
	if end-start > maxSnippet+40 {
		end = runeStart(line, start+maxSnippet+40)
	}
	out, shift := line[start:end], start
	if start > 0 {
		out = "…" + out
		shift -= len("…")
	}
	if end < len(line) {
		out += "…"
	}
	return out, from - shift, min(to-shift, len(out))
}

// runeStart moves i back to the start of the rune it is in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// caretLine underlines bytes [from, to) of line: '^' at the start, '~'
// after it, to the end of the line at most. Tabs in the line are copied so
// the caret lines up in a terminal.
func caretLine(line string, from, to int) string {
	var b strings.Builder
	for _, r := range line[:max(0, min(from, len(line)))] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	if to > len(line) {
		to = len(line)
	}
	if from < to {
		n := utf8.RuneCountInString(line[from:to])
		b.WriteString(strings.Repeat("~", n-1))
	}
	return b.String()
}
