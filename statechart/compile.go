package statechart

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// form is how a text of the document is run.
type form uint8

const (
	formValue    form = iota // an expression for its value (expr, cond, …expr)
	formLocation             // a left-hand side, compiled into a setter
	formScript               // statements (<script>)
)

// setterParam is the setter's argument; the name cannot clash with a
// document's, which would have to start with a digit-free identifier
// holding this exact text.
const setterParam = "__condeval_value__"

// wrap turns the text into the program of its form. A value is
// parenthesised on lines of its own, so an object literal is not read as a
// block and a trailing // comment cannot swallow the parenthesis; a
// location becomes a strict-mode setter, so assigning to an undeclared
// name throws (W3C SCXML 5.4: error.execution) instead of creating one.
func wrap(src string, f form) string {
	switch f {
	case formValue:
		// A trailing semicolon, as in expr="new Foo();", ends a statement,
		// not an expression; W3C tests and hand-written strategies use it.
		return "(\n" + strings.TrimRight(strings.TrimSpace(src), ";") + "\n)"
	case formLocation:
		return "(function(" + setterParam + ") {\"use strict\";\n(" + src + ") = " + setterParam + ";\n})"
	}
	return src
}

// wrapLines is how many lines wrap puts before the text.
var wrapLines = map[form]int{formValue: 1, formLocation: 1}

func (b *builder) compile(t scxml.Text, sc scope, f form) *expr {
	return compileText(t.Value, t, sc.file, f)
}

func compileText(src string, t scxml.Text, file string, f form) *expr {
	e := &expr{src: src, text: t, file: file}
	if f == formLocation && strings.TrimSpace(src) == "" {
		e.err = fmt.Errorf("an empty location")
		return e
	}
	e.prog, e.err = runtime.CompileProgram(file, wrap(src, f), false)
	e.form = f
	return e
}

// position maps a line and column of the wrapped program back into the
// document.
func (e *expr) position(line, col int) place {
	p := e.text.Pos(0)
	at := place{File: e.file, Line: p.Line, Column: p.Column}
	line -= wrapLines[e.form]
	if line < 1 || e.text.Source() == nil {
		return at
	}
	off := 0
	for i := 1; i < line; i++ {
		nl := strings.IndexByte(e.src[off:], '\n')
		if nl < 0 {
			return at
		}
		off += nl + 1
	}
	off += col - 1
	if off < 0 || off > len(e.src) {
		return at
	}
	p = e.text.Pos(off)
	return place{File: e.file, Line: p.Line, Column: p.Column}
}
