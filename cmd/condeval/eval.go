package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/condeval/condeval/batch"
	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
)

// EvalCmd evaluates one condition, or a stream of cases with --batch.
type EvalCmd struct {
	EnvFlags
	Batch bool     `help:"Read NDJSON cases on stdin and write one NDJSON result per case."`
	Expr  []string `short:"e" name:"expr" aliases:"cond" sep:"none" placeholder:"EXPR" help:"A condition to evaluate (repeatable; - reads it from stdin). With --batch: the one condition of cases that carry none. --cond is another name for it."`
	Args  []string `arg:"" optional:"" name:"condition" sep:"none" help:"Conditions to evaluate, as with -e."`

	Explain bool   `help:"Also show the value of every part of the condition the evaluation reached, and its lint findings."`
	Format  string `enum:"text,json" default:"text" help:"Output format: text (true or false) or json (one object a condition: result, error, and with --explain the explanation and findings)."`
}

// Run evaluates and sets the exit code: 0 true, 1 false, 2 bad input.
func (c *EvalCmd) Run(env *Env) error {
	if c.Batch {
		if len(c.Args) > 0 || len(c.Expr) > 1 || c.Event != "" || c.System != "" || len(c.State) > 0 || len(c.Global) > 0 {
			return usagef("--batch takes its cases from stdin: give at most one -e, for cases that carry no condition")
		}
		if slices.Contains(c.Expr, stdinArg) {
			return usagef("--batch reads its cases from stdin: give the condition with -e EXPR")
		}
		env.Code = runBatch(env.Stdin, env.Stdout, strings.Join(c.Expr, ""))
		return nil
	}
	conds, err := readConditions(env.Stdin, append(c.Expr, c.Args...))
	if err != nil {
		return err
	}
	if len(conds) == 0 {
		return usagef("give the condition to evaluate: condeval eval [flags] EXPR, or -e EXPR")
	}
	in, err := c.env()
	if err != nil {
		return err
	}
	warnings := newInputWarnings(env.Stderr)
	for i, src := range conds {
		who := "the condition"
		if len(conds) > 1 {
			who = exprName(i) // which of them
		}
		if !c.evalOne(env, exprName(i), who, src, in, warnings) {
			env.Code = exitFalse
		}
	}
	return nil
}

// evalOne evaluates one condition, prints its outcome and reports on
// stderr what went wrong or was missing; who names the condition there.
func (c *EvalCmd) evalOne(env *Env, name, who, src string, in runtime.Env, warnings *inputWarnings) bool {
	compiled, err := runtime.Compile(src)
	if err != nil {
		fmt.Fprintln(env.Stdout, false)
		_ = render.Write(env.Stderr, render.Compile(name, 1, src, err)...)
		return false
	}
	var ex *runtime.Explanation
	res := compiled.Eval(context.Background(), in, explaining(c.Explain, &ex)...)
	if c.Format == "json" {
		c.writeJSON(env.Stdout, name, src, in, res, ex)
		warnings.warn(who, missingInputs(src, in))
		return res.Value
	}
	fmt.Fprintln(env.Stdout, res.Value)
	warnings.warn(who, missingInputs(src, in))
	if res.Err != nil {
		_ = render.Write(env.Stderr, render.Exec(name, 1, src, runtime.Execution(res.Err)))
	}
	if len(res.Written) > 0 {
		fmt.Fprintf(env.Stderr, "note: %s assigned to %s; ORS takes the assignment's value too, but = where == was meant is a common mistake [C204]\n",
			who, strings.Join(res.Written, ", "))
	}
	if ex != nil {
		writeExplanation(env.Stdout, name, ex, conditionFindings(src, eventName(in)))
	}
	return res.Value
}

// writeJSON writes the outcome as one JSON object.
func (c *EvalCmd) writeJSON(w io.Writer, name, src string, in runtime.Env, res runtime.Result, ex *runtime.Explanation) {
	out := evalJSON{Result: res.Value, Error: runtime.Execution(res.Err), Written: res.Written}
	if ex != nil {
		x := newExplainedJSON(name, ex, conditionFindings(src, eventName(in)))
		out.explainedJSON = &x
	}
	encodeJSON(w, out)
}

// eventName is the name of the event the condition is evaluated against,
// "" when none was given.
func eventName(in runtime.Env) string {
	name, _ := in.Event["name"].(string)
	return name
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
	err := jsonin.Lines(in, func(n int, line []byte) error {
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
