package runtime

import "testing"

// BenchmarkNewRuntime measures preparing a runtime: what an evaluation pays
// when its condition's pool is empty.
func BenchmarkNewRuntime(b *testing.B) {
	c := MustCompile(seedCond)
	for b.Loop() {
		c.newVM()
	}
}
