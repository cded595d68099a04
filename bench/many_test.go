package bench

import (
	"context"
	"fmt"
	goruntime "runtime"
	"runtime/metrics"
	"syscall"
	"testing"

	"github.com/condeval/condeval/runtime"
)

// manyConditions returns n distinct conditions in the shapes of a Composer
// project: guards on the event and the system, a string method, a regular
// expression.
func manyConditions(n int) []string {
	shapes := []string{
		"_event.data.interactionid == system.InteractionID && _event.data.queue == 'q%[1]d'",
		"typeof _event.data.udata != 'undefined' && _event.data.udata.customer.segment == 'gold%[1]d'",
		"_event.data.routetype.toLowerCase() === 'rt%[1]d' || In('state%[1]d')",
		"/^vq_%[1]d/.test(_event.data.queue)",
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(shapes[i%len(shapes)], i)
	}
	return out
}

// BenchmarkCompileMany compiles n distinct conditions and evaluates each
// once, keeping them all, as a service holding a large rule set does at
// start. One op is the whole set; peak-heap-MB is the largest live heap seen
// along the way and maxrss-MB the process's peak resident size (run this
// benchmark alone for it to mean this benchmark).
func BenchmarkCompileMany(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			srcs := manyConditions(n)
			in, err := Cases()[0].Decode()
			if err != nil {
				b.Fatal(err)
			}
			env := runtime.Env{Event: in.Event, System: in.System, States: in.States}
			heap := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			var peak uint64
			for b.Loop() {
				goruntime.GC()
				kept := make([]*runtime.Condition, 0, n)
				for i, src := range srcs {
					c, err := runtime.Compile(src)
					if err != nil {
						b.Fatal(err)
					}
					if r := c.Eval(context.Background(), env); r.Err != nil {
						b.Fatalf("%s: %v", src, r.Err)
					}
					kept = append(kept, c)
					if i%500 == 0 || i == n-1 {
						metrics.Read(heap)
						peak = max(peak, heap[0].Value.Uint64())
					}
				}
				sink.Store(len(kept) == n)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
			}
		})
	}
}
