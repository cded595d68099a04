package runtime

import (
	"runtime/metrics"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// tick is how often a running evaluation's heap growth is checked.
const tick = 5 * time.Millisecond

// watchdog stops what a goja runtime runs when it is out of time or has
// grown the heap beyond its limit. It is one timer for the runtime's life,
// not a goroutine per run (a run may take microseconds): while a run is in
// progress the timer fires every tick, or at the deadline if sooner. A run
// arms it only when it is not already due within a tick, and the end of a
// run does not stop it: a firing that finds nothing running lapses. mu
// orders the watchdog against the end of a run, so no interrupt outlives
// the run it was meant for.
type watchdog struct {
	rt     *goja.Runtime
	limits *limits // read at each look: a runtime's limits may change between runs
	heap   []metrics.Sample
	timer  *time.Timer

	mu       sync.Mutex
	active   int    // runs in progress: a host function may start another inside one
	gen      uint64 // counts the outermost runs, for interrupts from elsewhere
	armed    bool   // the timer will fire at dueAt
	dueAt    time.Time
	deadline time.Time
	heapBase uint64
}

func newWatchdog(rt *goja.Runtime, l *limits) *watchdog {
	w := &watchdog{rt: rt, limits: l, heap: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
	w.timer = time.AfterFunc(time.Hour, w.watch)
	w.timer.Stop()
	return w
}

// start marks a run as in progress until deadline and makes sure the
// watchdog looks at it within a tick. A run inside a run keeps the outer
// one's deadline. It returns the run's generation, for interrupt.
func (w *watchdog) start(deadline time.Time) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.active++
	if w.active == 1 {
		w.deadline, w.heapBase = deadline, 0
		w.arm(time.Now())
	}
	return w.gen
}

// finish ends a run; when the outermost one ends, an interrupt it was too
// late for is cleared.
func (w *watchdog) finish() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.active--
	if w.active == 0 {
		w.gen++
		w.rt.ClearInterrupt()
	}
}

// interrupt stops the run of generation gen, if it is still in progress.
func (w *watchdog) interrupt(gen uint64, reason error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.active > 0 && w.gen == gen {
		w.rt.Interrupt(reason)
	}
}

// arm sets the timer to fire in a tick or at the deadline, whichever comes
// first, unless it is already due by then. The caller holds mu.
func (w *watchdog) arm(now time.Time) {
	due := now.Add(tick)
	if w.deadline.Before(due) {
		due = w.deadline
	}
	if w.armed && !w.dueAt.After(due) {
		return
	}
	w.armed, w.dueAt = true, due
	w.timer.Reset(due.Sub(now))
}

// watch is the timer's function: interrupt at the deadline or when the heap
// has grown too much, otherwise look again in a tick. A firing meant for an
// earlier run judges the one in progress by its own deadline, so it cannot
// stop it early.
func (w *watchdog) watch() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.armed = false
	if w.active == 0 {
		return
	}
	now := time.Now()
	if !now.Before(w.deadline) {
		w.rt.Interrupt(errTimeout)
		return
	}
	metrics.Read(w.heap)
	if h := w.heap[0].Value.Uint64(); w.heapBase == 0 {
		w.heapBase = h
	} else if h > w.heapBase && h-w.heapBase > w.limits.maxMemory {
		w.rt.Interrupt(errMemory)
		return
	}
	w.arm(now)
}
