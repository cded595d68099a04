package runtime

import (
	"sync"
	"sync/atomic"
)

// Environment compiles conditions that share one pool of prepared goja
// runtimes, in the manner of cel.NewEnv: make one per set of options, compile
// any number of conditions in it, evaluate them from any goroutine.
//
// Preparing a runtime (hardening every built-in) costs milliseconds and about
// a megabyte, so an environment prepares a few and lends them to all its
// conditions; each runtime instantiates a condition's function the first time
// it evaluates that condition and keeps the most recently used ones (see
// FunctionCache). Conditions sharing a runtime are as isolated from each other
// as two evaluations of one condition: nothing a condition does outlives its
// evaluation.
//
// Environment is the compile environment; Env is the input of one evaluation.
type Environment struct {
	cfg  config
	pool pool
	ids  atomic.Uint64 // numbers the conditions, for the runtimes' caches
}

// NewEnvironment makes an environment whose conditions get opts.
func NewEnvironment(opts ...Option) *Environment {
	e := &Environment{cfg: defaults().with(opts)}
	e.pool.init(e.cfg.poolSize, e.newVM)
	return e
}

// defaultEnvironment is the environment of Compile and MustCompile, made on
// first use; like http.DefaultClient it is shared by everyone who does not
// make their own.
var defaultEnvironment = sync.OnceValue(func() *Environment { return NewEnvironment() })

// Compile compiles src in the default environment; see Environment.Compile.
func Compile(src string, opts ...Option) (*Condition, error) {
	return defaultEnvironment().Compile(src, opts...)
}

// MustCompile is Compile for conditions known to be valid; it panics on error.
func MustCompile(src string, opts ...Option) *Condition {
	c, err := Compile(src, opts...)
	if err != nil {
		panic(err)
	}
	return c
}

// MustCompile is Environment.Compile for conditions known to be valid; it
// panics on error.
func (e *Environment) MustCompile(src string, opts ...Option) *Condition {
	c, err := e.Compile(src, opts...)
	if err != nil {
		panic(err)
	}
	return c
}

// pool keeps prepared runtimes, which are costly to make (the hardening
// walks every built-in). The last one returned waits in a slot taken with
// one atomic swap, the common case of one goroutine evaluating after
// another; up to size more wait in a channel, so a busy environment always
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
