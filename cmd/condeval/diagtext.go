package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// Diagnostics in the text form editors' problem matchers read, for the
// REPL's syntax errors and :lint, whose positions are in a condition's text.
// lint writes findings located in files (lint_output.go) in the same form,
// and eval its error with the same source line and caret.

// writeDiagnosticsText writes each diagnostic as
//
//	file:line:col: severity: message [CODE]
//	<the source line>
//	     ^~~~
//	  = help: suggestion
//
// Lines and columns are 1-based; columns count runes. src starts on line
// first of file; every position, including those a message names ("opened
// at 8:54"), counts lines as the file does.
func writeDiagnosticsText(w io.Writer, file string, first int, src string, diags []cond.Diagnostic) error {
	var b strings.Builder
	at := func(offset int) (int, int) {
		line, col := cond.LineCol(src, offset)
		return first + line - 1, col
	}
	for _, d := range diags {
		line, col := at(d.Span.Start)
		msg := d.MessageAt(src, func(offset int) string {
			line, col := at(offset)
			return fmt.Sprintf("%d:%d", line, col)
		})
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", file, line, col, d.Severity, msg, d.Code)
		text, start := sourceLine(src, d.Span.Start)
		b.WriteString(text)
		b.WriteByte('\n')
		b.WriteString(caretLine(text, d.Span.Start-start, d.Span.End-start))
		b.WriteByte('\n')
		if d.Suggestion != "" {
			fmt.Fprintf(&b, "  = help: %s\n", d.Suggestion)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderer is the REPL's view of this file's rendering: diagnostics as
// writeDiagnosticsText writes them, an error.execution as
// "file:line:col: Type: message" with the source line and a caret.
type renderer struct{}

func (renderer) Diagnostics(w io.Writer, file string, first int, src string, diags []cond.Diagnostic) error {
	return writeDiagnosticsText(w, file, first, src, diags)
}

func (renderer) ExecError(w io.Writer, file string, first int, src string, x *runtime.ExecError) {
	if x.Line == 0 {
		fmt.Fprintf(w, "%s:%d: %s: %s\n", file, first, x.Type, x.Message)
		return
	}
	fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", file, first+x.Line-1, x.Column, x.Type, x.Message)
	text, start := sourceLine(src, x.Span.Start)
	fmt.Fprintf(w, "%s\n%s\n", text, caretLine(text, x.Span.Start-start, x.Span.End-start))
}

// isLineBreak tells the ECMAScript line terminators, by which cond.LineCol
// and so every reported line number counts lines.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

// sourceLine returns the line of src holding offset and where it starts.
func sourceLine(src string, offset int) (string, int) {
	offset = min(max(offset, 0), len(src))
	start := strings.LastIndexFunc(src[:offset], isLineBreak)
	if start < 0 {
		start = 0
	} else {
		_, n := utf8.DecodeRuneInString(src[start:])
		start += n
	}
	end := strings.IndexFunc(src[offset:], isLineBreak)
	if end < 0 {
		end = len(src)
	} else {
		end += offset
	}
	return src[start:end], start
}

// caretLine underlines bytes [from, to) of line: '^' at the start, '~'
// after it, to the end of the line at most. Tabs in the line are copied so
// the caret lines up in a terminal.
func caretLine(line string, from, to int) string {
	var b strings.Builder
	for _, r := range line[:min(from, len(line))] {
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
