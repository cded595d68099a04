package runtime

import (
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// Sandbox is one writable goja runtime for a simulated session: conditions
// and scripts share its global scope, as they share the datamodel in ORS and
// W3C SCXML, so it is not frozen like a condition's runtime. It has the
// same defences otherwise: guarded built-ins, no eval or Function, no
// source maps, a call-depth limit, and a time and memory limit on each Run.
// A Sandbox runs one thing at a time.
type Sandbox struct {
	rt  *goja.Runtime
	cfg config
	// wd stops a Run that runs out of time or memory.
	wd *watchdog
}

// sandboxJS disables eval and every constructor that compiles text, and
// removes the globals a condition's runtime lacks too.
const sandboxJS = `(function(removed) {
	var disabled = function() {
		throw new EvalError("eval and the Function constructor are not available");
	};
	disabled.prototype = Function.prototype;
	var ctors = [Function.prototype,
		Object.getPrototypeOf(function*(){}), Object.getPrototypeOf(async function(){})];
	for (var i = 0; i < ctors.length; i++) {
		Object.defineProperty(ctors[i], "constructor", {value: disabled, writable: false, configurable: false});
	}
	globalThis.Function = disabled;
	globalThis.eval = disabled;
	for (var i = 0; i < removed.length; i++) delete globalThis[removed[i]];
})`

var sandboxProgram = goja.MustCompile("sandbox", sandboxJS, false)

// NewSandbox makes a hardened, writable runtime. Timeout, MaxMemory,
// MaxCallDepth and the length limits apply; PoolSize does not.
func NewSandbox(opts ...Option) *Sandbox {
	s := &Sandbox{rt: goja.New(), cfg: defaults()}
	s.wd = newWatchdog(s.rt, &s.cfg.limits)
	for _, o := range opts {
		o(&s.cfg)
	}
	s.rt.SetParserOptions(parser.WithDisableSourceMaps)
	s.rt.SetMaxCallStackSize(s.cfg.maxCallDepth)
	installGuards(s.rt, &s.cfg.limits)
	fn, err := s.rt.RunProgram(sandboxProgram)
	if err != nil {
		panic("condeval: sandbox script: " + err.Error())
	}
	setup, _ := goja.AssertFunction(fn)
	if _, err := setup(goja.Undefined(), s.rt.ToValue(removedGlobals)); err != nil {
		panic("condeval: sandbox: " + err.Error())
	}
	return s
}

// Runtime is the sandbox's goja runtime, for binding host values. Code must
// run through Run, Eval or Exec, which apply the limits.
func (s *Sandbox) Runtime() *goja.Runtime { return s.rt }

// CompileProgram compiles ECMAScript source for any runtime (name is used
// in stack positions). Source maps are off: goja would otherwise read any
// file a //# sourceMappingURL= comment names.
func CompileProgram(name, src string, strict bool) (*goja.Program, error) {
	tree, err := parser.ParseFile(nil, name, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	return goja.CompileAST(tree, strict)
}

// RunProgram runs a compiled program within the limits.
func (s *Sandbox) RunProgram(p *goja.Program) (goja.Value, error) {
	return s.Run(func() (goja.Value, error) { return s.rt.RunProgram(p) })
}

// Run calls f, which runs code in the sandbox's runtime, within the time
// and memory limits. A panic inside goja becomes an error. A Run inside a
// Run (a host function calling back) shares the outer one's limits.
func (s *Sandbox) Run(f func() (goja.Value, error)) (val goja.Value, err error) {
	s.wd.start(time.Now().Add(s.cfg.timeout))
	defer s.wd.finish()
	defer func() {
		if r := recover(); r != nil {
			val, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return f()
}

// Describe names what a Run returned as an error the way error.execution
// reports it: the JavaScript class (TypeError, SyntaxError, TimeoutError…),
// the message and, when known, the line and column in the named source.
func Describe(err error) *ExecError {
	e := &ExecError{Name: ExecEventName, Type: "Error"}
	var (
		interrupted *goja.InterruptedError
		overflow    *goja.StackOverflowError
		exception   *goja.Exception
		compile     *goja.CompilerSyntaxError
		parse       parser.ErrorList
		limit       *limitError
	)
	var stack []goja.StackFrame
	switch {
	case errors.As(err, &interrupted):
		e.Type, e.Message = "TimeoutError", fmt.Sprint(interrupted.Value())
		if errors.As(err, &limit) {
			e.Type = limit.typ
		}
		stack = interrupted.Stack()
	case errors.As(err, &overflow):
		e.Type, e.Message = "RangeError", "Maximum call stack size exceeded"
		stack = overflow.Stack()
	case errors.As(err, &exception):
		describe(e, exception.Value())
		stack = exception.Stack()
	case errors.As(err, &compile):
		e.Type, e.Message = "SyntaxError", compile.Message
		e.Line, e.Column = compile.File.Position(compile.Offset).Line, compile.File.Position(compile.Offset).Column
	case errors.As(err, &parse) && len(parse) > 0:
		e.Type, e.Message = "SyntaxError", parse[0].Message
		e.Line, e.Column = parse[0].Position.Line, parse[0].Position.Column
	default:
		e.Message = err.Error()
	}
	for _, f := range stack {
		if p := f.Position(); p.Line > 0 {
			e.Line, e.Column = p.Line, p.Column
			break
		}
	}
	return e
}
