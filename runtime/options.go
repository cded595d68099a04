package runtime

import (
	goruntime "runtime"
	"time"
)

// Option configures an Environment, or one condition compiled in it.
type Option func(*config)

// config is what the options set. The limits may differ between conditions
// that share runtimes, since a runtime takes the limits of the condition it
// evaluates; the pool's sizes belong to an environment.
type config struct {
	limits
	poolSize    int
	functions   int
	interpreted bool
}

// limits bound one evaluation.
type limits struct {
	timeout         time.Duration
	maxCallDepth    int
	maxStringLength int
	maxArrayLength  int
	maxMemory       uint64
}

func defaults() config {
	return config{
		limits: limits{
			timeout:         100 * time.Millisecond,
			maxCallDepth:    1000,
			maxStringLength: 1 << 24,
			maxArrayLength:  1 << 22,
			maxMemory:       256 << 20,
		},
		poolSize:  goruntime.GOMAXPROCS(0),
		functions: 512,
	}
}

func (c config) with(opts []Option) config {
	for _, o := range opts {
		o(&c)
	}
	return c
}

// samePool reports whether conditions configured by c and d can share a pool.
func (c config) samePool(d config) bool {
	return c.poolSize == d.poolSize && c.functions == d.functions
}

// Timeout limits each evaluation (default 100ms); a context deadline that
// comes sooner wins. A condition stopped by it fails with a TimeoutError.
// The clock starts when a prepared runtime starts the evaluation: preparing
// a runtime never counts.
// It is wall-clock time, so on an overloaded machine a condition that is
// descheduled for longer than the limit is stopped too; set a limit that
// leaves room for the machine it runs on.
func Timeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// MaxCallDepth limits nested function calls (default 1000), so that runaway
// recursion ends with a RangeError instead of exhausting the Go stack.
func MaxCallDepth(n int) Option { return func(c *config) { c.maxCallDepth = n } }

// MaxStringLength limits, in UTF-16 code units, the strings built-in
// methods accept and produce (default 16 Mi).
func MaxStringLength(n int) Option { return func(c *config) { c.maxStringLength = n } }

// MaxArrayLength limits the length of the arrays built-in methods accept
// and produce (default 4 Mi).
func MaxArrayLength(n int) Option { return func(c *config) { c.maxArrayLength = n } }

// MaxMemory limits how far the Go heap may grow during one evaluation
// (default 256 MiB). It is checked every few milliseconds of a running
// evaluation, so only long evaluations pay for it. The heap is the process's,
// so a host allocating heavily at the same time counts too.
func MaxMemory(bytes uint64) Option { return func(c *config) { c.maxMemory = bytes } }

// PoolSize is how many idle runtimes an environment keeps for certain
// (default GOMAXPROCS); more are kept only until the garbage collector
// wants the memory. Evaluations beyond that many at once still run, on
// runtimes made for them. Given to Compile rather than NewEnvironment, it
// gives the condition an environment, and so a pool, of its own.
func PoolSize(n int) Option { return func(c *config) { c.poolSize = max(1, n) } }

// FunctionCache is how many conditions' functions each runtime of an
// environment keeps instantiated (default 512), least recently used first
// out. A condition's first evaluation on a runtime instantiates its function
// (microseconds, not the milliseconds of preparing a runtime); the bound
// keeps an environment's memory flat however many conditions it compiles.
// Given to Compile, like PoolSize, it gives the condition an environment of
// its own.
func FunctionCache(n int) Option { return func(c *config) { c.functions = max(1, n) } }

// Interpreted evaluates conditions on goja only, without the compiled path
// (see Condition.Compiled): for comparing the two, or for a condition whose
// compiled answer you doubt.
func Interpreted() Option { return func(c *config) { c.interpreted = true } }
