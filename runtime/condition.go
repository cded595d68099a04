package runtime

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
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
	src     string
	expr    *cond.Expr
	prog    *goja.Program
	lines   int // lines of wrapper text before the condition
	withAll bool
	cfg     config
	pool    pool
}

// prologue and epilogue wrap a condition into the function each runtime
// instantiates once. The condition starts on a line of its own so goja's
// positions map back to it by subtracting prologueLines; the epilogue starts
// on a new line so a trailing // comment cannot swallow it.
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
	c := &Condition{src: src, expr: expr, cfg: cfg, withAll: needsGlobals(expr)}
	wrapper, lines := c.wrap()
	ast, err := parseScript(wrapper)
	if err != nil {
		return nil, &cond.Error{Source: src, Diagnostics: []cond.Diagnostic{{
			Code: "C001", Severity: cond.SeverityError, Message: err.Error(),
		}}}
	}
	prog, err := goja.CompileAST(ast, false)
	if err != nil {
		return nil, &cond.Error{Source: src, Diagnostics: []cond.Diagnostic{{
			Code: "C001", Severity: cond.SeverityError, Message: err.Error(),
		}}}
	}
	c.prog, c.lines = prog, lines
	c.pool = newPool(cfg.poolSize, c.newVM)
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

// wrap builds the function text: the scope names as parameters and, when
// the condition may read caller globals, a with block over them.
func (c *Condition) wrap() (string, int) {
	var b strings.Builder
	b.WriteString("(function(")
	b.WriteString(strings.Join(builtins.ScopeNames(), ", "))
	b.WriteString(", " + globalsParam + ") {\n")
	if c.withAll {
		b.WriteString("with (" + globalsParam + ") {\n")
	}
	b.WriteString("return (\n")
	b.WriteString(c.src)
	b.WriteString(epilogue)
	if c.withAll {
		b.WriteString("\n}")
	}
	b.WriteString("\n})")
	lines := 2
	if c.withAll {
		lines = 3
	}
	return b.String(), lines
}

// needsGlobals reports whether the condition may read a name that only
// Env.Globals can supply. Until the front end lists a condition's free names,
// every condition is assumed to.
func needsGlobals(expr *cond.Expr) bool {
	g, ok := any(expr).(interface{ Globals() []string })
	if !ok {
		return true
	}
	for _, name := range g.Globals() {
		if !builtins.IsScopeName(name) && !isStandardGlobal(name) {
			return true
		}
	}
	return false
}

// parseScript parses with source maps disabled: goja would otherwise read
// any file a //# sourceMappingURL= comment names.
func parseScript(src string) (*ast.Program, error) {
	return parser.ParseFile(nil, "condition", src, 0, parser.WithDisableSourceMaps)
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
// walks every built-in). Up to size of them wait in a channel, so a busy
// condition always finds one; more go to a sync.Pool the garbage collector
// may trim.
type pool struct {
	idle  chan *vm
	spare *sync.Pool
	newVM func() *vm
}

func newPool(size int, newVM func() *vm) pool {
	return pool{idle: make(chan *vm, size), spare: &sync.Pool{}, newVM: newVM}
}

func (p pool) get() *vm {
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

func (p pool) put(v *vm) {
	if v.broken {
		return
	}
	select {
	case p.idle <- v:
	default:
		p.spare.Put(v)
	}
}

// deadline is the earlier of ctx's deadline and now+timeout.
func deadline(ctx context.Context, timeout time.Duration) time.Time {
	d := time.Now().Add(timeout)
	if cd, ok := ctx.Deadline(); ok && cd.Before(d) {
		return cd
	}
	return d
}
