package runtime

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/cond"
)

// execError turns what a call into goja returned or panicked with into the
// error.execution record, positioned in the condition's own text.
func (c *Condition) execError(x any) *ExecError {
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
		c.position(e, interrupted.Stack())
	case errors.As(err, &overflow):
		e.Type, e.Message = "RangeError", "Maximum call stack size exceeded"
		c.position(e, overflow.Stack())
	case errors.As(err, &exception):
		describe(e, exception.Value())
		c.position(e, exception.Stack())
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
func (c *Condition) position(e *ExecError, stack []goja.StackFrame) {
	for _, f := range stack {
		p := f.Position()
		if p.Line <= c.lines {
			continue
		}
		off := lineStart(c.src, p.Line-c.lines) + p.Column - 1
		if off < 0 || off > len(c.src) {
			continue
		}
		e.Span = cond.Span{Start: off, End: off}
		e.Line, e.Column = cond.LineCol(c.src, off)
		return
	}
}

// lineStart is the byte offset of the n-th (1-based) line of src, counting
// lines as goja does: LF, CR, CRLF, U+2028 and U+2029 end a line.
func lineStart(src string, n int) int {
	off := 0
	for ; n > 1; n-- {
		next := nextLineStart(src[off:])
		if next < 0 {
			return len(src) + 1
		}
		off += next
	}
	return off
}

// nextLineStart is the offset just past the first line terminator of s, or -1.
func nextLineStart(s string) int {
	for i, r := range s {
		switch r {
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				return i + 2
			}
			return i + 1
		case '\n', '\u2028', '\u2029':
			return i + utf8.RuneLen(r)
		}
	}
	return -1
}
