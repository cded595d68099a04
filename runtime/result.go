package runtime

import (
	"context"
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
	// Err is the error.execution event the evaluation raised, nil when it
	// raised none. It is always an *ExecError, which errors.As finds; an
	// evaluation stopped by its context also matches the context's error
	// with errors.Is.
	Err error
	// Written names the host data the condition assigned to or deleted
	// (system.ANI, _event.data.list[0]), in the order it first did, or is
	// nil. As in ORS the assignment succeeds and later reads in the same
	// evaluation see it, but it lands in a copy made for the evaluation:
	// the caller's data and every other evaluation are untouched.
	Written []string
}

// ExecEventName is the name of the event a failed condition raises.
const ExecEventName = "error.execution"

// Error is what every error of this package is: a condition that does not
// compile and one that throws both raise an error.execution event when
// evaluated, and Execution says which. errors.As with a *runtime.Error
// target finds it in an error from Compile or in Result.Err.
type Error interface {
	error
	// Execution is the error.execution event the failure raises.
	Execution() *ExecError
}

// ExecError describes why a condition failed: the JavaScript error class,
// its message and where in the condition it happened.
type ExecError struct {
	Name    string    `json:"name"`    // always ExecEventName
	Type    string    `json:"type"`    // TypeError, ReferenceError, SyntaxError, RangeError, TimeoutError, ...
	Message string    `json:"message"` // the JavaScript error's message
	Line    int       `json:"line"`    // 1-based line in the condition; 0 when unknown
	Column  int       `json:"column"`  // 1-based column in runes; 0 when unknown
	Span    cond.Span `json:"-"`       // byte offsets in the condition
	cause   error     // what stopped the evaluation, when it was not the condition: the context's error
}

func (e *ExecError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: %s: %s (line %d, column %d)", e.Name, e.Type, e.Message, e.Line, e.Column)
	}
	return fmt.Sprintf("%s: %s: %s", e.Name, e.Type, e.Message)
}

// Execution returns e itself.
func (e *ExecError) Execution() *ExecError { return e }

// Unwrap is the error that stopped the evaluation from outside the
// condition, such as context.Canceled; nil otherwise.
func (e *ExecError) Unwrap() error { return e.cause }

// SyntaxError is what Compile returns for text condeval's ES5.1 front end
// rejects. It wraps the front end's *cond.Error, whose diagnostics carry
// codes and spans for display; evaluated, it raises a SyntaxError at the
// first diagnostic.
type SyntaxError struct {
	Cond *cond.Error
}

func (e *SyntaxError) Error() string { return e.Cond.Error() }

// Unwrap returns the front end's error, so errors.As finds a *cond.Error.
func (e *SyntaxError) Unwrap() error { return e.Cond }

// Execution is the SyntaxError the condition raises when evaluated.
func (e *SyntaxError) Execution() *ExecError {
	x := &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: e.Cond.Error()}
	if len(e.Cond.Diagnostics) > 0 {
		d := e.Cond.Diagnostics[0]
		x.Message, x.Span = d.Message, d.Span
		x.Line, x.Column = cond.LineCol(e.Cond.Source, d.Span.Start)
	}
	return x
}

// Execution is the error.execution event err raises, for an error from
// Compile or a Result.Err: nil for a nil err. An error that is none of this
// package's (nor a *cond.Error) is not called a SyntaxError: it becomes an
// Error with its message, which errors.Unwrap reaches.
func Execution(err error) *ExecError {
	if err == nil {
		return nil
	}
	var rt Error
	if errors.As(err, &rt) {
		return rt.Execution()
	}
	var ce *cond.Error
	if errors.As(err, &ce) {
		return (&SyntaxError{Cond: ce}).Execution()
	}
	return &ExecError{Name: ExecEventName, Type: "Error", Message: err.Error(), cause: err}
}

// CompileError is the error.execution a condition that failed to compile
// raises when evaluated: a SyntaxError at the first diagnostic; nil for a
// nil err. It is Execution, named for the error Compile returned.
func CompileError(err error) *ExecError { return Execution(err) }

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

// Execution is the SyntaxError the condition raises when evaluated.
func (e *EngineError) Execution() *ExecError {
	return &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: e.Message, Line: 1, Column: 1}
}

// failed is the Result of an evaluation that raised err.
func failed(err *ExecError) Result {
	return Result{Type: "undefined", Err: err}
}

// stopped is the Result of an evaluation whose context was done before it
// began: nothing ran.
func stopped(ctx context.Context) Result {
	return failed(&ExecError{Name: ExecEventName, Type: "TimeoutError", Message: errCancel.msg, cause: ctx.Err()})
}
