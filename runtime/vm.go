package runtime

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/condeval/condeval/builtins"
)

// vm is one prepared goja runtime: hardened built-ins, the data-model scope
// and the functions of the conditions it evaluated lately, each instantiated
// once and called per evaluation.
type vm struct {
	rt     *goja.Runtime
	scope  *builtins.Scope
	freeze hardened
	fns    functions
	args   []goja.Value // room for every scope name and the globals
	// cfg holds the limits of the evaluation running now: the guards read
	// them through a pointer, so one runtime serves conditions with
	// different limits.
	cfg limits
	// trace records the parts of an explained evaluation while it runs;
	// traceFns are the host functions its traced text calls.
	trace    *trace
	traceFns [2]goja.Value

	// wd stops an evaluation that runs out of time or memory.
	wd *watchdog

	// broken marks a runtime that must not be reused.
	broken bool
}

// Reasons an evaluation is interrupted; they become the ExecError's type.
var (
	errTimeout = &limitError{"TimeoutError", "the condition ran out of time"}
	errMemory  = &limitError{"RangeError", "the condition used too much memory"}
	errCancel  = &limitError{"TimeoutError", "the evaluation was cancelled"}
)

type limitError struct{ typ, msg string }

func (e *limitError) Error() string { return e.msg }

func (e *Environment) newVM() *vm {
	rt := goja.New()
	rt.SetParserOptions(parser.WithDisableSourceMaps)
	v := &vm{rt: rt, cfg: e.cfg.limits}
	v.wd = newWatchdog(rt, &v.cfg)
	v.fns.init(e.cfg.functions)
	v.args = make([]goja.Value, 0, len(builtins.ScopeNames())+1)
	v.scope = builtins.NewScope(rt)
	v.freeze = harden(rt, &v.cfg)
	v.freeze.freeze(v.scope.Objects()...)
	return v
}

// function returns c's function on this runtime (its traced variant's
// with t), instantiating it on first use. It is frozen, like everything
// else a condition can reach.
func (v *vm) function(c *Condition, t *trace) (goja.Callable, error) {
	id, program := c.id, c.prog
	if t != nil {
		id, program = t.prog.id, func() (*goja.Program, error) { return t.prog.prog, nil }
	}
	if fn := v.fns.get(id); fn != nil {
		return fn, nil
	}
	prog, err := program()
	if err != nil {
		return nil, err
	}
	val, err := v.rt.RunProgram(prog)
	if err == nil && t != nil {
		outer, _ := goja.AssertFunction(val)
		begin, end := v.traceFunctions()
		val, err = outer(goja.Undefined(), begin, end)
	}
	if err != nil {
		panic("condeval: instantiating a compiled condition: " + err.Error())
	}
	v.freeze.freeze(val)
	fn, _ := goja.AssertFunction(val)
	v.fns.put(id, fn)
	return fn, nil
}

// eval runs the condition once. Everything that may execute JavaScript —
// the call, reading the thrown error, exporting the value — happens while
// the watchdog is armed. The clock starts here, on a prepared runtime, so
// preparing one never counts against the time limit. With t, the traced
// variant runs and records its parts in t.
func (v *vm) eval(ctx context.Context, c *Condition, env *Env, t *trace) (res Result) {
	fn, err := v.function(c, t)
	if err != nil {
		return failed(CompileError(err))
	}
	v.cfg = c.limits
	v.rt.SetMaxCallStackSize(c.limits.maxCallDepth)
	v.scope.Bind(env)
	scope := v.scope.Args()
	args := v.args[:0]
	for _, name := range c.params {
		args = append(args, scope[name])
	}
	if c.withAll {
		args = append(args, v.scope.Globals())
	}
	var traced *instrumented
	if t != nil {
		v.trace, traced = t, t.prog.instrumented
		defer func() { v.trace = nil }()
	}
	gen := v.start(ctx)
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { v.wd.interrupt(gen, errCancel) })
		defer stop()
	}
	defer v.finish()
	defer func() {
		if r := recover(); r != nil {
			// A panic out of goja means the runtime's state is unknown.
			v.broken = true
			res = failed(c.execError(r, traced))
		}
	}()
	val, err := fn(goja.Undefined(), args...)
	if err != nil {
		e := c.execError(err, traced)
		if errors.Is(err, errCancel) {
			e.cause = ctx.Err()
		}
		return failed(e)
	}
	if n, ok := exportable(val, c.limits.maxArrayLength); !ok {
		return failed(&ExecError{Name: ExecEventName, Type: "RangeError",
			Message: "the value holds " + strconv.FormatInt(n, 10) + " elements, more than the condition's limit allows"})
	}
	raw := v.scope.Export(val)
	if f, ok := raw.(float64); ok {
		raw = exportNumber(f)
	}
	return Result{Value: val.ToBoolean(), Raw: raw, Type: typeOf(val), Written: v.scope.Written()}
}

// start marks an evaluation as running until the earlier of ctx's deadline
// and the time limit.
func (v *vm) start(ctx context.Context) uint64 {
	dl := time.Now().Add(v.cfg.timeout)
	if cd, ok := ctx.Deadline(); ok && cd.Before(dl) {
		dl = cd
	}
	return v.wd.start(dl)
}

func (v *vm) finish() {
	v.wd.finish()
	v.scope.Release()
}

// typeOf names a value's JavaScript type, with "null" and "array" split out.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	o, isObject := v.(*goja.Object)
	if !isObject {
		return primitiveTypes[v.ExportType().Kind()]
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		return "function"
	}
	if o.ClassName() == "Array" {
		return "array"
	}
	return "object"
}

var primitiveTypes = map[reflect.Kind]string{
	reflect.Bool: "boolean", reflect.String: "string", reflect.Int64: "number", reflect.Float64: "number",
}
