package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/condeval/condeval/runtime"
)

// EvalCmd evaluates one condition, or a stream of cases with --batch.
type EvalCmd struct {
	EnvFlags
	Batch bool   `help:"Read NDJSON cases on stdin and write one NDJSON result per case."`
	Cond  string `placeholder:"EXPR" help:"With --batch: the condition for cases that carry none."`
	Expr  string `arg:"" optional:"" help:"The condition to evaluate."`
}

// Run evaluates and sets the exit code: 0 true, 1 false, 2 bad input.
func (c *EvalCmd) Run(env *Env) error {
	if c.Batch {
		if c.Expr != "" || c.Event != "" || c.System != "" || len(c.State) > 0 || len(c.Global) > 0 {
			return errors.New("--batch takes its cases from stdin: give only --cond")
		}
		env.Code = runBatch(env.Stdin, env.Stdout, c.Cond)
		return nil
	}
	if c.Expr == "" {
		return errors.New("give the condition to evaluate")
	}
	if c.Cond != "" {
		return errors.New("--cond goes with --batch")
	}
	in, err := c.env()
	if err != nil {
		return err
	}
	compiled, err := runtime.Compile(c.Expr)
	if err != nil {
		fmt.Fprintln(env.Stdout, false)
		env.Code = exitFalse
		return writeReports(env.Stderr, compileReports(exprFile, 1, c.Expr, err)...)
	}
	res := compiled.Eval(context.Background(), in)
	fmt.Fprintln(env.Stdout, res.Value)
	if res.Err != nil {
		_ = writeReports(env.Stderr, execReport(exprFile, 1, c.Expr, res.Err))
	}
	if !res.Value {
		env.Code = exitFalse
	}
	return nil
}

// evaluate compiles (through cache when given) and evaluates src. A
// condition that does not compile is false with a SyntaxError, as SCXML
// says.
func evaluate(ctx context.Context, src string, in runtime.Env, cache map[string]*runtime.Condition) runtime.Result {
	c, ok := cache[src]
	if !ok {
		var err error
		if c, err = runtime.Compile(src); err != nil {
			return runtime.Result{Type: "undefined", Err: runtime.CompileError(err)}
		}
		if cache != nil {
			if len(cache) >= batchCacheSize {
				clear(cache)
			}
			cache[src] = c
		}
	}
	return c.Eval(ctx, in)
}

// batchCacheSize bounds the compiled conditions a batch keeps.
const batchCacheSize = 1024

// batchCase is one input line of --batch.
type batchCase struct {
	ID      json.RawMessage `json:"id"`
	Cond    *string         `json:"cond"`
	Event   map[string]any  `json:"event"`
	System  map[string]any  `json:"system"`
	States  []string        `json:"states"`
	Globals map[string]any  `json:"globals"`
}

// batchResult is one output line of --batch.
type batchResult struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Line   int             `json:"line,omitempty"`
	Result bool            `json:"result"`
	Error  any             `json:"error"`
}

type inputError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

// runBatch evaluates every case of in and writes one result line per input
// line, in order, so that results can be paired with cases by position. A
// line that is not a valid case, a blank one included, gets an error.input
// result, and the exit code is then 2; otherwise 0.
func runBatch(in io.Reader, out io.Writer, defaultCond string) int {
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cache := make(map[string]*runtime.Condition)
	code := exitOK
	err := eachLine(in, func(n int, line []byte) error {
		res, ok := batchLine(line, n, defaultCond, cache)
		if !ok {
			code = exitUsage
		}
		return enc.Encode(res)
	})
	if err != nil {
		return exitUsage
	}
	return code
}

// batchLine evaluates one input line; ok is false when it is not valid input.
func batchLine(line []byte, n int, defaultCond string, cache map[string]*runtime.Condition) (batchResult, bool) {
	id := idOf(line)
	bad := func(msg string) (batchResult, bool) {
		return batchResult{ID: id, Line: n, Error: inputError{Name: "error.input", Message: msg}}, false
	}
	if isBlank(line) {
		return bad("blank line: not a case")
	}
	var c batchCase
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return bad("not a valid case: " + err.Error())
	}
	if dec.More() {
		return bad("not a valid case: more than one JSON value on the line")
	}
	if len(c.ID) > 0 && !json.Valid(c.ID) {
		return bad("not a valid id")
	}
	src := defaultCond
	if c.Cond != nil {
		src = *c.Cond
	}
	if src == "" {
		return bad(`no condition: give "cond" or --cond`)
	}
	res := evaluate(context.Background(), src, runtime.Env{Event: c.Event, System: c.System, States: c.States, Globals: c.Globals}, cache)
	out := batchResult{ID: c.ID, Result: res.Value}
	if len(out.ID) == 0 {
		out.ID = json.RawMessage("null")
	}
	if res.Err != nil {
		out.Error = newErrorJSON(res.Err)
	}
	return out, true
}

// idOf reads the "id" of a line that is a JSON object, even one that is not
// a valid case, so that its error.input record can be paired with it.
func idOf(line []byte) json.RawMessage {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(line, &v) != nil {
		return nil
	}
	return v.ID
}

// Help is the description of condeval eval --help.
func (*EvalCmd) Help() string {
	return `Prints true or false: the truth (ECMAScript ToBoolean) of the condition's
value, against the _event, system variables, active states and globals the
flags give. A field that is not given reads as undefined. A condition that
throws, or does not compile, is false, as SCXML says; its error.execution
(error class, message and position) is written to stderr.

With --batch it reads NDJSON cases on stdin, one a line:

    {"id":1, "cond":"...", "event":{...}, "system":{...}, "states":["s1"]}

("globals" too, and "cond" may be left to --cond), and writes exactly one NDJSON result a line, in order:

    {"id":1, "result":true, "error":null}

A line that is not a valid case gets an "error.input" result and the stream
goes on.`
}

func (*EvalCmd) manual() manual {
	return manual{
		examples: []example{
			{"The deletion handler's condition against the revoking step of a switchover.", `condeval eval --event examples/events/notcontrolled-revoking.json \
    "!_event.data.resultof || _event.data.resultof == 'deletion'"`},
			{"Many cases at once, one JSON object a line.", `condeval eval --batch --cond "_event.data.resultof == 'deletion'" \
    < cases.ndjson`},
		},
		exits: []exitCode{
			{exitOK, "the condition is true (--batch: every line was a valid case)"},
			{exitFalse, "the condition is false, or it threw"},
			{exitUsage, "usage error, or an --event, --system or --global that cannot be read (--batch: a line that is not a valid case)"},
		},
	}
}
