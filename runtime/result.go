package runtime

import (
	"errors"
	"fmt"

	"github.com/condeval/condeval/cond"
)

// Result is the outcome of one evaluation.
type Result struct {
	// Value is ECMAScript ToBoolean of the condition's value, false when
	// Err is set (W3C SCXML §5.9.1).
	Value bool
	// Raw is the condition's value exported to Go (nil for undefined and
	// null; host data comes back as the caller's own maps), for display.
	Raw any
	// Type is the JavaScript type of the value: "undefined", "null",
	// "boolean", "number", "string", "object", "array" or "function".
	Type string
	// Err is the error.execution event the evaluation raised, if any.
	Err *ExecError
	// Written names the host data the condition assigned to or deleted
	// (system.ANI, _event.data.list[0]), in the order it first did, or is
	// nil. As in ORS the assignment succeeds and later reads in the same
	// evaluation see it, but it lands in a copy made for the evaluation:
	// the caller's data and every other evaluation are untouched.
	Written []string
}

// ExecEventName is the name of the event a failed condition raises.
const ExecEventName = "error.execution"

// ExecError describes why a condition failed: the JavaScript error class,
// its message and where in the condition it happened.
type ExecError struct {
	Name    string    // always ExecEventName
	Type    string    // TypeError, ReferenceError, SyntaxError, RangeError, TimeoutError, ...
	Message string    // the JavaScript error's message
	Line    int       // 1-based line in the condition; 0 when unknown
	Column  int       // 1-based column in runes; 0 when unknown
	Span    cond.Span // byte offsets in the condition
}

func (e *ExecError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: %s: %s (line %d, column %d)", e.Name, e.Type, e.Message, e.Line, e.Column)
	}
	return fmt.Sprintf("%s: %s: %s", e.Name, e.Type, e.Message)
}

// CompileError turns the error Compile returned into the error.execution a
// condition that fails to compile raises when evaluated: a SyntaxError at
// the first diagnostic.
func CompileError(err error) *ExecError {
	var engine *EngineError
	if errors.As(err, &engine) {
		return &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: engine.Message, Line: 1, Column: 1}
	}
	var ce *cond.Error
	if !errors.As(err, &ce) || len(ce.Diagnostics) == 0 {
		return &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: err.Error()}
	}
	d := ce.Diagnostics[0]
	line, col := cond.LineCol(ce.Source, d.Span.Start)
	return &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: d.Message, Line: line, Column: col, Span: d.Span}
}

// EngineError is what Compile returns for a condition condeval's front end
// accepts but goja will not compile, which ES5.1 allows (the parser's
// differential corpus lists such gaps as goja-strict). It is no syntax
// error of the user's, so it has no diagnostic code; it is reported at the
// condition's start, as a SyntaxError when evaluated.
type EngineError struct {
	Source  string // the condition
	Message string // goja's reason
}

func (e *EngineError) Error() string { return "1:1: " + e.Message }

// failed is the Result of an evaluation that raised err.
func failed(err *ExecError) Result {
	return Result{Type: "undefined", Err: err}
}
