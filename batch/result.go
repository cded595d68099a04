package batch

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/condeval/condeval/runtime"
)

// Result is the record of one case: {"id", "result", "error"}, with the
// line for an input error.
type Result struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Line   int             `json:"line,omitempty"`
	Result bool            `json:"result"`
	Error  any             `json:"error"` // nil, *ExecError or *InputError
	// Warning says what of the case was ignored (an unknown field).
	Warning string `json:"warning,omitempty"`
}

// ExecError is the record of an error.execution event: the JS error class,
// message and position in the condition.
type ExecError struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

// NewExecError is e's record, or nil.
func NewExecError(e *runtime.ExecError) *ExecError {
	if e == nil {
		return nil
	}
	return &ExecError{Name: e.Name, Type: e.Type, Message: e.Message, Line: e.Line, Column: e.Column}
}

// InputError is the record of input that is not a valid case.
type InputError struct {
	Name    string `json:"name"` // error.input
	Message string `json:"message"`
}

// NewInputError is the result of input that is not a case: false, with
// the input's id when it has one.
func NewInputError(id json.RawMessage, line int, msg string) Result {
	return Result{ID: id, Line: line, Error: &InputError{Name: "error.input", Message: msg}}
}

// cacheSize bounds the compiled conditions a Conditions keeps.
const cacheSize = 1024

// Conditions evaluates the conditions of cases, compiling each distinct
// condition once (up to a bound). It is safe for concurrent use.
type Conditions struct {
	def   string // the condition of a case that has none
	mu    sync.Mutex
	cache map[string]*runtime.Condition
}

// NewConditions evaluates cases; def is the condition of a case that has
// none ("" for none).
func NewConditions(def string) *Conditions {
	return &Conditions{def: def, cache: make(map[string]*runtime.Condition)}
}

// Eval evaluates one case. The error, when not nil, says why the case has
// nothing to evaluate (the record is then an error.input).
func (cs *Conditions) Eval(ctx context.Context, c *Case) (Result, runtime.Result, error) {
	src := cs.def
	if c.Cond != nil {
		src = *c.Cond
	}
	if src == "" {
		return Result{}, runtime.Result{}, errNoCondition
	}
	res := cs.evaluate(ctx, src, c.Env())
	out := Result{ID: c.ID, Result: res.Value, Warning: c.Warning()}
	if len(out.ID) == 0 {
		out.ID = json.RawMessage("null")
	}
	if res.Err != nil {
		out.Error = NewExecError(runtime.Execution(res.Err))
	}
	return out, res, nil
}

var errNoCondition = errors.New(`no condition: give "cond" or -e`)

// Line evaluates one line of eval --batch input, numbered n; ok is false
// when the line is not a valid case.
func (cs *Conditions) Line(ctx context.Context, line []byte, n int) (r Result, ok bool) {
	c, plain := readText(line)
	var err error
	if !plain {
		c, err = Decode(line)
	}
	if err == nil {
		r, _, err = cs.Eval(ctx, &c)
	}
	if err != nil {
		return NewInputError(IDOf(line), n, err.Error()), false
	}
	return r, true
}

// Eval compiles and evaluates src. A condition that does not compile is
// false with a SyntaxError, as SCXML says.
func Eval(ctx context.Context, src string, in runtime.Env) runtime.Result {
	c, err := runtime.Compile(src)
	if err != nil {
		return compileFailure(err)
	}
	return c.Eval(ctx, in)
}

func compileFailure(err error) runtime.Result {
	return runtime.Result{Type: "undefined", Err: runtime.CompileError(err)}
}

// evaluate is Eval with the compiled condition kept for the next case.
func (cs *Conditions) evaluate(ctx context.Context, src string, in runtime.Env) runtime.Result {
	cs.mu.Lock()
	c, ok := cs.cache[src]
	cs.mu.Unlock()
	if !ok {
		var err error
		if c, err = runtime.Compile(src); err != nil {
			return compileFailure(err)
		}
		cs.mu.Lock()
		if len(cs.cache) >= cacheSize {
			clear(cs.cache)
		}
		cs.cache[src] = c
		cs.mu.Unlock()
	}
	return c.Eval(ctx, in)
}
