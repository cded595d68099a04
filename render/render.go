// Package render writes what went wrong at a place — a lint finding, a
// front-end diagnostic, an error.execution of a condition or of a
// simulation step, a document or handler set that does not load — in one
// form, so that the same error reads the same from every command and from
// the REPL:
//
//	NAME:line:col: severity: message [CODE]
//	<the source line>
//	     ^~~~
//	  = help: a suggestion
//	  = note: what the error means for the command
//
// NAME is a file, Expr for a condition given as text, or <stdin> for a
// script piped to the REPL. Lines and columns are 1-based; columns count
// runes. An error.execution has the severity error, its JavaScript class
// before its message, and the event's name as its code.
package render

import (
	"fmt"
	"io"
	"strings"
)

// Expr names a condition given as text (lint -e, eval, the REPL at a
// terminal), where a file name would be.
const Expr = "<expr>"

// Report is one thing that went wrong, ready to write. Reports are made by
// this package's functions, one per kind of problem, and written by Write.
type Report struct {
	file      string
	line, col int // line 0 means no position, col 0 no column
	severity  string
	message   string
	code      string // "" when there is none
	snippet   bool   // text, from and to are set
	text      string // the source line
	from, to  int    // the bytes of text to underline
	help      string // a suggestion
	note      string // what the error means for the command
}

// Write writes reports to w in one write, so that a stream other writers
// share gets them whole.
func Write(w io.Writer, rs ...Report) error {
	var b strings.Builder
	for _, r := range rs {
		r.write(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// write appends the report to b.
func (r Report) write(b *strings.Builder) {
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
