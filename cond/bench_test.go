package cond

import (
	"testing"

	"github.com/dop251/goja/parser"
)

// BenchmarkParseSeed and BenchmarkGojaParseSeed parse the same condition so
// the ratio between this front end and goja's parser can be quoted.
func BenchmarkParseSeed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseExpression(seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGojaParseSeed(b *testing.B) {
	b.ReportAllocs()
	src := "(" + seed + "\n)"
	for b.Loop() {
		if _, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps); err != nil {
			b.Fatal(err)
		}
	}
}
