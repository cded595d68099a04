package bench

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnginesAgree checks, before anything is timed, that every engine gives
// the floor's answer — the one each case says it must have — on every
// condition and event, alone and shared between goroutines, so an engine that
// skips work cannot win.
func TestEnginesAgree(t *testing.T) {
	engines, err := Engines()
	require.NoError(t, err)
	for _, c := range Conditions() {
		for _, e := range engines {
			for _, shared := range []bool{false, true} {
				compile := e.Compile
				if shared {
					compile = e.CompileShared
				}
				eval, err := compile(c)
				require.NoError(t, err, "%s/%s", c.Name, e.Name)
				for _, k := range Cases() {
					in, err := k.Decode()
					require.NoError(t, err)
					want, ok := k.Want[c.Name]
					require.True(t, ok, "case %s has no outcome for %s", k.Name, c.Name)
					require.Equal(t, want, c.Go(in), "floor: %s on %s", c.Name, k.Name)
					got, err := eval(in)
					require.NoError(t, err, "%s on %s by %s", c.Name, k.Name, e.Name)
					assert.Equal(t, want, got, "%s on %s by %s (shared %v)", c.Name, k.Name, e.Name, shared)
				}
			}
			raw, err := e.Raw(c)
			require.NoError(t, err, "%s/%s raw", c.Name, e.Name)
			for _, k := range Cases() {
				got, err := raw(k.Raw())
				require.NoError(t, err, "%s on %s by %s from JSON", c.Name, k.Name, e.Name)
				assert.Equal(t, k.Want[c.Name], got, "%s on %s by %s from JSON", c.Name, k.Name, e.Name)
			}
		}
	}
}

// TestWorkloadIsMixed keeps the workload honest: every condition is true for
// some events and false for others, so no engine gets by on one answer.
func TestWorkloadIsMixed(t *testing.T) {
	for _, c := range Conditions() {
		seen := map[bool]int{}
		for _, k := range Cases() {
			seen[k.Want[c.Name]]++
		}
		assert.NotZero(t, seen[true], "%s is never true", c.Name)
		assert.NotZero(t, seen[false], "%s is never false", c.Name)
	}
}

// sink keeps results alive so the compiler cannot drop an evaluation.
var sink atomic.Bool

// BenchmarkEval measures one evaluation per op, cycling through the cases.
// In mode json each op first decodes the event and system JSON into fresh
// maps (what a service pays per event, the same for every engine); in mode
// raw each op goes from the JSON text to the result the engine's own way
// (condeval decodes only what the condition reads, the others use
// encoding/json); in mode decoded the maps are decoded once and reused.
func BenchmarkEval(b *testing.B) {
	engines, inputs := setup(b)
	cases := Cases()
	for _, c := range Conditions() {
		b.Run(c.Name, func(b *testing.B) {
			b.Run("json", func(b *testing.B) {
				for _, e := range engines {
					b.Run(e.Name, func(b *testing.B) {
						eval := mustCompile(b, e.Compile, c)
						b.ReportAllocs()
						var r bool
						for i := 0; b.Loop(); i++ {
							in, err := cases[i%len(cases)].Decode()
							if err != nil {
								b.Fatal(err)
							}
							r, _ = eval(in)
						}
						sink.Store(r)
					})
				}
			})
			b.Run("raw", func(b *testing.B) {
				raws := make([]RawInput, len(cases))
				for i, k := range cases {
					raws[i] = k.Raw()
				}
				for _, e := range engines {
					b.Run(e.Name, func(b *testing.B) {
						eval, err := e.Raw(c)
						if err != nil {
							b.Fatal(err)
						}
						b.ReportAllocs()
						var r bool
						for i := 0; b.Loop(); i++ {
							r, _ = eval(raws[i%len(raws)])
						}
						sink.Store(r)
					})
				}
			})
			b.Run("decoded", func(b *testing.B) {
				for _, e := range engines {
					b.Run(e.Name, func(b *testing.B) {
						eval := mustCompile(b, e.Compile, c)
						b.ReportAllocs()
						var r bool
						for i := 0; b.Loop(); i++ {
							r, _ = eval(inputs[i%len(inputs)])
						}
						sink.Store(r)
					})
				}
			})
		})
	}
}

// BenchmarkCompile measures going from source text to a ready evaluator. The
// floor has nothing to compile and is left out.
func BenchmarkCompile(b *testing.B) {
	engines, _ := setup(b)
	for _, c := range Conditions() {
		b.Run(c.Name, func(b *testing.B) {
			for _, e := range engines[1:] {
				b.Run(e.Name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := e.Compile(c); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkParallel measures throughput with every core evaluating one shared
// compiled condition against pre-decoded events. Raw goja draws a runtime from
// a sync.Pool per evaluation, as a goja.Runtime is not safe for concurrent use.
func BenchmarkParallel(b *testing.B) {
	engines, inputs := setup(b)
	for _, c := range Conditions() {
		b.Run(c.Name, func(b *testing.B) {
			for _, e := range engines {
				b.Run(e.Name, func(b *testing.B) {
					eval := mustCompile(b, e.CompileShared, c)
					b.ReportAllocs()
					b.RunParallel(func(pb *testing.PB) {
						var r bool
						for i := 0; pb.Next(); i++ {
							r, _ = eval(inputs[i%len(inputs)])
						}
						sink.Store(r)
					})
				})
			}
		})
	}
}

func setup(b *testing.B) ([]Engine, []Input) {
	b.Helper()
	engines, err := Engines()
	if err != nil {
		b.Fatal(err)
	}
	var inputs []Input
	for _, k := range Cases() {
		in, err := k.Decode()
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	return engines, inputs
}

func mustCompile(b *testing.B, compile func(Condition) (Evaluator, error), c Condition) Evaluator {
	b.Helper()
	eval, err := compile(c)
	if err != nil {
		b.Fatal(err)
	}
	return eval
}
