package runtime

import "testing"

// BenchmarkNewRuntime measures preparing a runtime: what an evaluation pays
// when its environment's pool is empty.
func BenchmarkNewRuntime(b *testing.B) {
	e := NewEnvironment()
	for b.Loop() {
		e.newVM()
	}
}
