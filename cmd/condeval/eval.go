package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/condeval/condeval/batch"
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
	newInputWarnings(env.Stderr).warn("the condition", missingInputs(c.Expr, in))
	if res.Err != nil {
		_ = writeReports(env.Stderr, execReport(exprFile, 1, c.Expr, res.Err))
	}
	if !res.Value {
		env.Code = exitFalse
	}
	return nil
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
	cases := batch.NewConditions(defaultCond)
	ctx := context.Background()
	code := exitOK
	err := eachLine(in, func(n int, line []byte) error {
		res, ok := cases.Line(ctx, line, n)
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
