package runtime

import (
	goruntime "runtime"
	"time"
)

// Option configures Compile.
type Option func(*config)

type config struct {
	timeout         time.Duration
	maxCallDepth    int
	maxStringLength int
	maxArrayLength  int
	maxMemory       uint64
	poolSize        int
}

func defaults() config {
	return config{
		timeout:         100 * time.Millisecond,
		maxCallDepth:    1000,
		maxStringLength: 1 << 24,
		maxArrayLength:  1 << 22,
		maxMemory:       256 << 20,
		poolSize:        goruntime.GOMAXPROCS(0),
	}
}

// Timeout limits each evaluation (default 100ms); a context deadline that
// comes sooner wins. A condition stopped by it fails with a TimeoutError.
// The clock starts when a prepared runtime starts the evaluation: preparing
// a runtime (the first evaluation of a condition pays for it) never counts.
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

// PoolSize is how many idle runtimes a condition keeps for certain
// (default GOMAXPROCS); more are kept only until the garbage collector
// wants the memory. Evaluations beyond that many at once still run, on
// runtimes made for them.
func PoolSize(n int) Option { return func(c *config) { c.poolSize = n } }
