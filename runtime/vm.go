package runtime

import (
	"context"
	"reflect"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/condeval/condeval/builtins"
)

// vm is one prepared goja runtime: hardened built-ins, the data-model scope
// and the condition's function, instantiated once and called per evaluation.
type vm struct {
	rt    *goja.Runtime
	fn    goja.Callable
	scope *builtins.Scope
	args  []goja.Value
	cfg   *config

	// The watchdog: a timer that fires at the deadline, or every tick of a
	// long evaluation to look at the heap. mu orders it against the end of
	// an evaluation so no interrupt outlives the evaluation it was meant for.
	timer    *time.Timer
	mu       sync.Mutex
	running  bool
	gen      uint64
	deadline time.Time
	heapBase uint64
	heap     []metrics.Sample

	// broken marks a runtime that must not be reused.
	broken bool
}

// tick is how often a running evaluation's heap growth is checked.
const tick = 5 * time.Millisecond

// Reasons an evaluation is interrupted; they become the ExecError's type.
var (
	errTimeout = &limitError{"TimeoutError", "the condition ran out of time"}
	errMemory  = &limitError{"RangeError", "the condition used too much memory"}
	errCancel  = &limitError{"TimeoutError", "the evaluation was cancelled"}
)

type limitError struct{ typ, msg string }

func (e *limitError) Error() string { return e.msg }

func (c *Condition) newVM() *vm {
	rt := goja.New()
	rt.SetParserOptions(parser.WithDisableSourceMaps)
	rt.SetMaxCallStackSize(c.cfg.maxCallDepth)
	v := &vm{rt: rt, cfg: &c.cfg, heap: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
	v.timer = time.AfterFunc(time.Hour, v.watch)
	v.timer.Stop()
	v.scope = builtins.NewScope(rt)
	h := harden(rt, &c.cfg)
	fnVal, err := rt.RunProgram(c.prog)
	if err != nil {
		panic("condeval: instantiating a compiled condition: " + err.Error())
	}
	h.freeze(append(v.scope.Objects(), fnVal)...)
	v.fn, _ = goja.AssertFunction(fnVal)
	v.args = append(v.scope.Args(), v.scope.Globals())
	return v
}

// eval runs the condition once. Everything that may execute JavaScript —
// the call, reading the thrown error, exporting the value — happens while
// the watchdog is armed.
func (v *vm) eval(ctx context.Context, c *Condition, env *Env) (res Result) {
	v.scope.Bind(env)
	copy(v.args, v.scope.Args())
	gen := v.start(deadline(ctx, v.cfg.timeout))
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { v.interrupt(gen, errCancel) })
		defer stop()
	}
	defer v.finish()
	defer func() {
		if r := recover(); r != nil {
			// A panic out of goja means the runtime's state is unknown.
			v.broken = true
			res = failed(c.execError(r))
		}
	}()
	val, err := v.fn(goja.Undefined(), v.args...)
	if err != nil {
		return failed(c.execError(err))
	}
	return Result{Value: val.ToBoolean(), Raw: v.scope.Export(val), Type: typeOf(val)}
}

func (v *vm) start(dl time.Time) uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.running, v.deadline, v.heapBase = true, dl, 0
	v.timer.Reset(min(tick, time.Until(dl)))
	return v.gen
}

func (v *vm) finish() {
	v.mu.Lock()
	v.running = false
	v.gen++
	v.mu.Unlock()
	v.timer.Stop()
	v.rt.ClearInterrupt()
	v.scope.Release()
}

// watch is the timer's function: interrupt at the deadline or when the heap
// has grown too much, otherwise look again in a tick.
func (v *vm) watch() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.running {
		return
	}
	left := time.Until(v.deadline)
	if left <= 0 {
		v.rt.Interrupt(errTimeout)
		return
	}
	metrics.Read(v.heap)
	if h := v.heap[0].Value.Uint64(); v.heapBase == 0 {
		v.heapBase = h
	} else if h > v.heapBase && h-v.heapBase > v.cfg.maxMemory {
		v.rt.Interrupt(errMemory)
		return
	}
	v.timer.Reset(min(tick, left))
}

func (v *vm) interrupt(gen uint64, reason error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.running && v.gen == gen {
		v.rt.Interrupt(reason)
	}
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
