package runtime

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/cond"
)

// execError turns what a call into goja returned or panicked with into the
// error.execution record, positioned in the condition's own text; traced is
// the text that ran when it was the condition's traced variant.
func (c *Condition) execError(x any, traced *instrumented) *ExecError {
	e := &ExecError{Name: ExecEventName, Type: "Error"}
	var (
		interrupted *goja.InterruptedError
		overflow    *goja.StackOverflowError
		exception   *goja.Exception
		limit       *limitError
	)
	err, _ := x.(error)
	switch {
	case errors.As(err, &interrupted):
		e.Type, e.Message = "TimeoutError", fmt.Sprint(interrupted.Value())
		if errors.As(err, &limit) {
			e.Type = limit.typ
		}
		c.position(e, interrupted.Stack(), traced)
	case errors.As(err, &overflow):
		e.Type, e.Message = "RangeError", "Maximum call stack size exceeded"
		c.position(e, overflow.Stack(), traced)
	case errors.As(err, &exception):
		describe(e, exception.Value())
		c.position(e, exception.Stack(), traced)
	case err != nil:
		e.Message = err.Error()
	default:
		e.Message = fmt.Sprint(x)
	}
	return e
}

// describe reads the class and message of a thrown value. A thrown non-Error
// is reported as an Error whose message is the value.
func describe(e *ExecError, thrown goja.Value) {
	o, ok := thrown.(*goja.Object)
	if !ok || o.ClassName() != "Error" {
		e.Message = fmt.Sprint(thrown)
		return
	}
	if name := o.Get("name"); name != nil && !goja.IsUndefined(name) {
		e.Type = name.String()
	}
	if msg := o.Get("message"); msg != nil && !goja.IsUndefined(msg) {
		e.Message = msg.String()
	}
}

// position points e at the innermost frame that lies in the condition.
// A position in the traced variant maps back to the condition's text.
func (c *Condition) position(e *ExecError, stack []goja.StackFrame, traced *instrumented) {
	text := c.gojaText.text
	if traced != nil {
		text = traced.text
	}
	lines := cond.NewMapper(text, cond.ECMAScriptBreaks) // goja counts lines as ECMAScript does
	for _, f := range stack {
		p := f.Position()
		if p.Line <= c.lines || p.Line-c.lines > lines.Lines() {
			continue
		}
		off := lines.LineStart(p.Line-c.lines) + p.Column - 1
		if off < 0 || off > len(text) {
			continue
		}
		if traced != nil {
			off = traced.original(off)
		} else {
			off = c.gojaText.original(off)
		}
		e.Span = cond.Span{Start: off, End: off}
		e.Line, e.Column = cond.LineCol(c.src, off)
		return
	}
}
