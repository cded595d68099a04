package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/cond"
)

// EvalOption changes one evaluation (see Condition.Eval). Evaluations
// given none pay nothing for the options there are.
type EvalOption struct {
	explain func(*Explanation)
}

// Explain asks an evaluation to record the value of every part of the
// condition it evaluates, and to hand that Explanation to f when it ends —
// what cel-go's EvalState is to its programs. The values are recorded as
// the evaluation computes them: a part that threw shows that it threw, a
// part short-circuited away shows that it was not evaluated, and nothing
// is evaluated twice. An explained evaluation always runs on goja, traced
// (see explain_instrument.go); its Result is that evaluation's own.
func Explain(f func(*Explanation)) EvalOption { return EvalOption{explain: f} }

// Explanation is what one evaluation did, part by part. String lays it out
// under the condition; encoding/json writes the same tree.
type Explanation struct {
	Source string `json:"source"`
	Root   *Part  `json:"root"`
}

// PartState is what became of a part of the condition.
type PartState string

// The states of a part.
const (
	Evaluated    PartState = "evaluated"
	NotEvaluated PartState = "not evaluated" // short-circuited, or after a part that threw
	Threw        PartState = "threw"         // it began and never gave a value
)

// Part is one sub-expression of the condition and what it gave.
type Part struct {
	Text   string    `json:"text"`   // the part as written
	Line   int       `json:"line"`   // 1-based, of its first character
	Column int       `json:"column"` // 1-based, in runes
	State  PartState `json:"state"`
	// Type is the JavaScript type of its value, as Result.Type names it.
	Type string `json:"type,omitempty"`
	// Value is the value as JSON can carry it: strings, finite numbers,
	// booleans and null; absent for undefined, NaN, Infinity and objects.
	Value any `json:"value,omitempty"`
	// Display is the value as JavaScript would write it: "deletion" in
	// quotes, 12, undefined, host data as JSON (cut short when long), a
	// function or an object made by the condition by its kind.
	Display string `json:"display,omitempty"`
	// Error is the error.execution of the part the evaluation threw in:
	// set on the innermost part that threw.
	Error *ExecError `json:"error,omitempty"`
	Parts []*Part    `json:"parts,omitempty"`

	anchor  int  // byte offset of the condition the layout writes the value under
	literal bool // its value is written in the condition
}

// tracedProgram is a condition's traced variant, made on the first
// explained evaluation.
type tracedProgram struct {
	*instrumented
	prog *goja.Program
	id   uint64 // its number in the runtimes' function caches
}

// traced returns the condition's traced program.
func (c *Condition) traced() (*tracedProgram, error) {
	c.tracing.Do(func() {
		in := instrument(c.src, c.expr)
		// The host functions come from a function around the condition's,
		// so that the condition's own arguments are what they always are.
		text, _ := c.wrapText(in.text)
		prog, err := compileScript("(function(" + beginParam + ", " + endParam + ") { return " + text + "; })")
		if err != nil {
			c.tracedErr = &EngineError{Source: c.src, Message: err.Error()}
			return
		}
		c.tracedProg = &tracedProgram{instrumented: in, prog: prog, id: c.env.ids.Add(1)}
	})
	return c.tracedProg, c.tracedErr
}

// evalExplained is an evaluation with EvalOptions.
func (c *Condition) evalExplained(ctx context.Context, env *Env, opts []EvalOption) Result {
	var res Result
	var t *trace
	if ctx.Err() != nil {
		res = stopped(ctx)
	} else if env.EventJSON != nil || env.SystemJSON != nil {
		event, system, err := decodeEnv(env, everything, everything)
		if err != nil {
			res = failed(err)
		} else {
			full := *env
			full.Event, full.System, full.EventJSON, full.SystemJSON = event, system, nil, nil
			res, t = c.evalTraced(ctx, &full)
		}
	} else {
		res, t = c.evalTraced(ctx, env)
	}
	ex := c.explanation(t, res)
	for _, o := range opts {
		if o.explain != nil {
			o.explain(ex)
		}
	}
	return res
}

// evalTraced runs the traced program; if goja will not compile it, the
// condition runs untraced and only its value is known.
func (c *Condition) evalTraced(ctx context.Context, env *Env) (Result, *trace) {
	p, err := c.traced()
	if err != nil {
		return c.evalGoja(ctx, env), nil
	}
	t := &trace{prog: p, parts: make([]recorded, len(p.nodes))}
	v := c.env.pool.get()
	res := v.eval(ctx, c, env, t)
	c.env.pool.put(v)
	return res, t
}

// trace is what one traced evaluation recorded, by part number.
type trace struct {
	prog  *tracedProgram
	parts []recorded
}

type recorded struct {
	state   PartState // "" until the part begins
	typ     string
	value   any
	display string
}

func (t *trace) begin(id int) {
	if id >= 0 && id < len(t.parts) {
		t.parts[id].state = Threw // until it ends
	}
}

func (t *trace) end(id int, r recorded) {
	if id >= 0 && id < len(t.parts) {
		r.state = Evaluated
		t.parts[id] = r
	}
}

// explanation builds the tree of what t recorded; with no trace, the root
// alone, from the result.
func (c *Condition) explanation(t *trace, res Result) *Explanation {
	ex := &Explanation{Source: c.src}
	var nodes []traceNode
	if t != nil {
		nodes = t.prog.nodes
	} else {
		nodes = []traceNode{{span: c.expr.Root.Span(), anchor: anchorOf(c.src, cond.Unparen(c.expr.Root)), parent: -1}}
	}
	parts := make([]*Part, len(nodes))
	for i, n := range nodes {
		p := &Part{Text: c.src[n.span.Start:n.span.End], State: NotEvaluated, anchor: n.anchor, literal: n.literal}
		p.Line, p.Column = cond.LineCol(c.src, n.span.Start)
		switch {
		case t != nil && t.parts[i].state != "":
			r := t.parts[i]
			p.State, p.Type, p.Value, p.Display = r.state, r.typ, r.value, r.display
		case t == nil && res.Err == nil:
			p.State, p.Type = Evaluated, res.Type
			p.Value, p.Display = describeRaw(res.Raw)
		}
		parts[i] = p
		if n.parent >= 0 {
			parts[n.parent].Parts = append(parts[n.parent].Parts, p)
		}
	}
	if len(parts) == 0 {
		return ex
	}
	ex.Root = parts[0]
	if failure := Execution(res.Err); failure != nil {
		p := ex.Root
		for p.State == Threw {
			next := threwChild(p)
			if next == nil {
				break
			}
			p = next
		}
		p.State, p.Error = Threw, failure
	}
	return ex
}

func threwChild(p *Part) *Part {
	for _, c := range p.Parts {
		if c.State == Threw {
			return c
		}
	}
	return nil
}

// traceFunctions are the host functions the traced text calls, made once
// per runtime and frozen like everything else a condition can reach.
func (v *vm) traceFunctions() (begin, end goja.Value) {
	if v.traceFns[0] == nil {
		b := v.rt.ToValue(func(call goja.FunctionCall) goja.Value {
			if v.trace != nil {
				v.trace.begin(int(call.Argument(0).ToInteger()))
			}
			return goja.Undefined()
		})
		e := v.rt.ToValue(func(call goja.FunctionCall) goja.Value {
			val := call.Argument(1)
			if v.trace != nil {
				v.trace.end(int(call.Argument(0).ToInteger()), v.describe(val))
			}
			return val
		})
		v.freeze.freeze(b, e)
		v.traceFns = [2]goja.Value{b, e}
	}
	return v.traceFns[0], v.traceFns[1]
}

// maxDisplay bounds how much of a value an explanation writes out.
const maxDisplay = 200

// describe records a value without running any of the condition's code: a
// getter or toString of an object the condition made is never called.
func (v *vm) describe(val goja.Value) recorded {
	r := recorded{typ: typeOf(val)}
	switch {
	case val == nil || goja.IsUndefined(val):
		r.display = "undefined"
		return r
	case goja.IsNull(val):
		r.display = "null"
		return r
	}
	o, isObject := val.(*goja.Object)
	if !isObject {
		x := val.Export()
		if f, ok := x.(float64); ok {
			x = exportNumber(f)
		}
		r.value, r.display = describeRaw(x)
		return r
	}
	if isHostView(o) {
		_, r.display = describeRaw(v.scope.Export(val))
		return r
	}
	switch r.typ {
	case "function":
		r.display = "function"
	case "array":
		r.display = "Array(" + o.Get("length").String() + ")"
	default:
		r.display = "[object " + o.ClassName() + "]"
	}
	return r
}

// isHostView reports whether o wraps the caller's data (builtins' views),
// whose values are Go's and read without running JavaScript.
func isHostView(o *goja.Object) bool {
	t := o.ExportType()
	return t != nil && (t.Implements(dynamicObject) || t.Implements(dynamicArray))
}

var (
	dynamicObject = reflect.TypeFor[goja.DynamicObject]()
	dynamicArray  = reflect.TypeFor[goja.DynamicArray]()
)

// describeRaw is a Go value's Part.Value and Part.Display.
func describeRaw(x any) (value any, display string) {
	switch t := x.(type) {
	case nil:
		return nil, "null"
	case string:
		return t, shorten(jsonText(t))
	case bool, int64:
		return t, jsonText(t)
	case float64:
		if s := numberToString(t); s == "NaN" || s == "Infinity" || s == "-Infinity" {
			return nil, s
		}
		return t, numberToString(t)
	}
	return nil, shorten(jsonText(x))
}

func jsonText(x any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return "[host data]"
	}
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}

// shorten shortens s to maxDisplay runes.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxDisplay {
		return s
	}
	n := 0
	for i := range s {
		if n == maxDisplay-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
