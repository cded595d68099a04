package lint

import (
	"strings"
	"testing"

	"github.com/condeval/condeval/cond"
)

// BenchmarkFixFileNothingToFix runs lint --fix over the 2,400-line IPD of
// bigSCXML, which has nothing to fix: one read and one lint, plus the
// check that the file would be written back byte for byte.
// BenchmarkLintFile is its baseline.
func BenchmarkFixFileNothingToFix(b *testing.B) {
	src := bigSCXML(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		fx, err := FixFile("src-gen/big.scxml", src, Config{}, cond.FixUnsafe)
		if err != nil || fx.Changed() {
			b.Fatal("nothing to fix", err)
		}
	}
}

// BenchmarkFixFileEveryHandler fixes the same IPD with a missing ')' in
// each of its 150 handler conditions: one pass applies them all, a second
// lint finds nothing left.
func BenchmarkFixFileEveryHandler(b *testing.B) {
	src := []byte(strings.ReplaceAll(string(bigSCXML(b)), `== 'deletion')`, `== 'deletion'`))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		fx, err := FixFile("src-gen/big.scxml", src, Config{}, cond.FixSafe)
		if err != nil || fx.Passes != 1 || len(fx.Applied) < 100 {
			b.Fatalf("%v: %d passes, %d fixes", err, fx.Passes, len(fx.Applied))
		}
	}
}
