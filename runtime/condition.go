package runtime

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// Env is the input of one evaluation: the event, the system variables, the
// active states and any further globals.
type Env = builtins.Env

// Condition is a compiled condition. It is immutable and safe to evaluate
// from many goroutines at once; each evaluation borrows a prepared goja
// runtime from the pool of the Environment it was compiled in.
type Condition struct {
	src  string
	expr *cond.Expr
	// gojaText is src as goja is given it, its relational chains grouped
	// as ECMAScript groups them (grouping.go).
	gojaText grouped
	// prog is the goja program. A condition on the compiled path compiles
	// it the first time goja has to answer for it, which many never need:
	// that saves the time and the memory of a program per condition.
	prog  func() (*goja.Program, error)
	lines int // lines of wrapper text before the condition
	// params are the scope names the condition reads, as indexes into
	// builtins.ScopeNames: only those become parameters of its function,
	// since goja allocates each call's stack by its number of arguments.
	params  []int
	withAll bool // the condition may read names only Env.Globals supplies
	limits  limits
	fast    *compiled // nil when the condition runs on goja only
	env     *Environment
	id      uint64 // the condition's number in env

	// The traced variant, for explained evaluations (explain.go), made on
	// the first one.
	tracing    sync.Once
	tracedProg *tracedProgram
	tracedErr  error
}

// wrap puts a condition into the function each runtime instantiates once.
// The condition starts on a line of its own so goja's positions map back to
// it by subtracting the lines before it (Condition.lines); the epilogue
// starts on a new line so a trailing // comment cannot swallow it.
// globalsParam names the parameter holding the caller's globals.
const (
	globalsParam = "$condeval$globals"
	epilogue     = "\n);"
)

// Compile checks src with condeval's ES5.1 front end and compiles it. A
// condition the front end rejects returns a *SyntaxError holding the front
// end's *cond.Error, so goja never
// sees text condeval does not accept; one that goja then refuses returns an
// *EngineError. opts change the environment's limits
// for this condition; PoolSize or FunctionCache give it an environment of
// its own.
func (e *Environment) Compile(src string, opts ...Option) (*Condition, error) {
	cfg := e.cfg.with(opts)
	if !cfg.samePool(e.cfg) {
		e = NewEnvironment(opts...)
	}
	expr, err := cond.ParseExpression(src)
	if err != nil {
		var ce *cond.Error
		if errors.As(err, &ce) {
			return nil, &SyntaxError{Cond: ce}
		}
		return nil, err
	}
	c := &Condition{src: src, expr: expr, gojaText: group(src, expr), limits: cfg.limits, env: e, id: e.ids.Add(1)}
	c.params, c.withAll = scopeUse(expr)
	if !cfg.interpreted {
		c.fast = compileFast(expr, c.withAll)
	}
	wrapper, lines := c.wrapText(c.gojaText.text)
	c.lines = lines
	if c.fast != nil {
		c.prog = sync.OnceValues(c.compileProgram)
		return c, nil
	}
	prog, err := compileScript(wrapper)
	if err != nil {
		return nil, &EngineError{Source: src, Message: err.Error()}
	}
	c.prog = func() (*goja.Program, error) { return prog, nil }
	return c, nil
}

// compileProgram compiles the goja program of a condition on the compiled
// path. The compiled subset is plain expressions, which goja compiles; were
// it to refuse one, evaluating it on goja is the EngineError Compile would
// have returned.
func (c *Condition) compileProgram() (*goja.Program, error) {
	wrapper, _ := c.wrapText(c.gojaText.text)
	prog, err := compileScript(wrapper)
	if err != nil {
		return nil, &EngineError{Source: c.src, Message: err.Error()}
	}
	return prog, nil
}

// Source returns the condition's text.
func (c *Condition) Source() string { return c.src }

// Expr returns the condition's syntax tree.
func (c *Condition) Expr() *cond.Expr { return c.expr }

// wrapText builds the function text around src (the condition or its
// traced variant): the scope names the condition reads as parameters and,
// when it may read caller globals, a with block over them. It returns the
// text and how many lines come before src.
func (c *Condition) wrapText(src string) (text string, lines int) {
	names := builtins.ScopeNames()
	params := make([]string, 0, len(c.params)+1)
	for _, i := range c.params {
		params = append(params, names[i])
	}
	if c.withAll {
		params = append(params, globalsParam)
	}
	var b strings.Builder
	b.WriteString("(function(")
	b.WriteString(strings.Join(params, ", "))
	b.WriteString(") {\n")
	if c.withAll {
		b.WriteString("with (" + globalsParam + ") {\n")
	}
	b.WriteString("return (\n")
	lines = strings.Count(b.String(), "\n")
	b.WriteString(src)
	b.WriteString(epilogue)
	if c.withAll {
		b.WriteString("\n}")
	}
	b.WriteString("\n})")
	return b.String(), lines
}

// scopeUse finds the scope names the condition reads, as indexes into
// builtins.ScopeNames in order, and whether it reads a name that only
// Env.Globals can supply.
func scopeUse(expr *cond.Expr) (params []int, withGlobals bool) {
	names := builtins.ScopeNames()
	for _, name := range expr.Globals() {
		if i := slices.Index(names, name); i >= 0 {
			params = append(params, i)
		} else if !isStandardGlobal(name) {
			withGlobals = true
		}
	}
	slices.Sort(params)
	return params, withGlobals
}

// compileScript compiles the wrapped condition. It parses with source maps
// disabled: goja would otherwise read any file a //# sourceMappingURL=
// comment names.
func compileScript(src string) (*goja.Program, error) {
	tree, err := parser.ParseFile(nil, "condition", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	return goja.CompileAST(tree, false)
}

// Eval evaluates the condition against env. It never panics and always
// returns within the time limit (the earlier of ctx's deadline and the
// Timeout option); a condition that throws or is stopped evaluates to false
// with Result.Err set. A context already done returns its error (as
// Result.Err's cause) before any work. opts ask for more than the result,
// such as an Explanation.
func (c *Condition) Eval(ctx context.Context, env Env, opts ...EvalOption) Result {
	if len(opts) > 0 {
		return c.evalExplained(ctx, &env, opts)
	}
	if ctx.Err() != nil {
		return stopped(ctx)
	}
	if env.EventJSON != nil || env.SystemJSON != nil {
		return c.evalJSON(ctx, &env)
	}
	if c.fast != nil {
		if r, ok := c.fast.eval(&env); ok {
			return r
		}
	}
	return c.evalGoja(ctx, &env)
}

// Compiled reports whether the condition is within the compiled path's
// subset: it is then evaluated by Go code made for it, without goja, as long
// as what it reads has no surprises (see compiled.go); goja answers
// otherwise. A condition outside the subset always runs on goja.
func (c *Condition) Compiled() bool { return c.fast != nil }

// evalGoja evaluates on a runtime of the environment's pool.
func (c *Condition) evalGoja(ctx context.Context, env *Env) Result {
	v := c.env.pool.get()
	res := v.eval(ctx, c, env, nil)
	c.env.pool.put(v)
	return res
}

// evalJSON evaluates against JSON text. The compiled path decodes only the
// fields it reads; a condition on goja, one the compiled path leaves to
// goja, and one whose value is host data (which the caller gets whole) are
// evaluated on a full decode.
func (c *Condition) evalJSON(ctx context.Context, env *Env) Result {
	if c.fast != nil {
		event, system, err := decodeEnv(env, c.fast.event, c.fast.system)
		if err != nil {
			return failed(err)
		}
		r, ok := c.fast.run(inputOf(env, event, system))
		if ok && !isHostData(r.Type) {
			return r
		}
	}
	event, system, err := decodeEnv(env, everything, everything)
	if err != nil {
		return failed(err)
	}
	full := *env
	full.Event, full.System, full.EventJSON, full.SystemJSON = event, system, nil, nil
	return c.Eval(ctx, full)
}

func isHostData(typ string) bool { return typ == "object" || typ == "array" }

// decodeEnv reads the event and the system variables, from their JSON text
// where the Env has it. Invalid text is a SyntaxError, as JSON.parse's.
func decodeEnv(env *Env, eventNeed, systemNeed *need) (event, system map[string]any, _ *ExecError) {
	event, system = env.Event, env.System
	var err error
	if env.EventJSON != nil {
		if event, err = decodeObject(env.EventJSON, eventNeed); err != nil {
			return nil, nil, jsonExecError("the event", err)
		}
	}
	if env.SystemJSON != nil {
		if system, err = decodeObject(env.SystemJSON, systemNeed); err != nil {
			return nil, nil, jsonExecError("the system variables", err)
		}
	}
	return event, system, nil
}

func jsonExecError(what string, err error) *ExecError {
	return &ExecError{Name: ExecEventName, Type: "SyntaxError", Message: what + " is not valid JSON: " + err.Error()}
}
