package runtime

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
// runtime from the condition's pool.
type Condition struct {
	src   string
	expr  *cond.Expr
	prog  *goja.Program
	lines int // lines of wrapper text before the condition
	// params are the scope names the condition reads, as indexes into
	// builtins.ScopeNames: only those become parameters of its function,
	// since goja allocates each call's stack by its number of arguments.
	params  []int
	withAll bool // the condition may read names only Env.Globals supplies
	cfg     config
	pool    pool
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
// condition the front end rejects returns its *cond.Error, so goja never
// sees text condeval does not accept.
func Compile(src string, opts ...Option) (*Condition, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	expr, err := cond.ParseExpression(src)
	if err != nil {
		return nil, err
	}
	c := &Condition{src: src, expr: expr, cfg: cfg}
	c.params, c.withAll = scopeUse(expr)
	wrapper, lines := c.wrap()
	prog, err := compileScript(wrapper)
	if err != nil {
		return nil, &cond.Error{Source: src, Diagnostics: []cond.Diagnostic{{
			Code: "C001", Severity: cond.SeverityError, Message: err.Error(),
		}}}
	}
	c.prog, c.lines = prog, lines
	c.pool.init(cfg.poolSize, c.newVM)
	return c, nil
}

// MustCompile is Compile for conditions known to be valid; it panics on error.
func MustCompile(src string, opts ...Option) *Condition {
	c, err := Compile(src, opts...)
	if err != nil {
		panic(err)
	}
	return c
}

// Source returns the condition's text.
func (c *Condition) Source() string { return c.src }

// Expr returns the condition's syntax tree.
func (c *Condition) Expr() *cond.Expr { return c.expr }

// wrap builds the function text: the scope names the condition reads as
// parameters and, when it may read caller globals, a with block over them.
// It returns the text and how many lines come before the condition.
func (c *Condition) wrap() (text string, lines int) {
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
	b.WriteString(c.src)
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
// with Result.Err set.
func (c *Condition) Eval(ctx context.Context, env Env) Result {
	v := c.pool.get()
	res := v.eval(ctx, c, &env)
	c.pool.put(v)
	return res
}

// pool keeps prepared runtimes, which are costly to make (the hardening
// walks every built-in). The last one returned waits in a slot taken with
// one atomic swap, the common case of one goroutine evaluating after
// another; up to size more wait in a channel, so a busy condition always
// finds one; any further ones go to a sync.Pool the garbage collector may
// trim.
type pool struct {
	last  atomic.Pointer[vm]
	idle  chan *vm
	spare sync.Pool
	newVM func() *vm
}

func (p *pool) init(size int, newVM func() *vm) {
	p.idle, p.newVM = make(chan *vm, size), newVM
}

func (p *pool) get() *vm {
	if v := p.last.Swap(nil); v != nil {
		return v
	}
	select {
	case v := <-p.idle:
		return v
	default:
	}
	if v, ok := p.spare.Get().(*vm); ok {
		return v
	}
	return p.newVM()
}

func (p *pool) put(v *vm) {
	if v.broken {
		return
	}
	if p.last.CompareAndSwap(nil, v) {
		return
	}
	select {
	case p.idle <- v:
	default:
		p.spare.Put(v)
	}
}
