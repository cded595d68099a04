package scxml

import (
	"strings"
	"testing"

	"github.com/condeval/condeval/cond"
)

// BenchmarkLintFile lints the generated 2,500-line IPD of bigSCXML (150
// handler conditions, 150 <if> conditions, scripts and expressions): read
// plus every rule. BenchmarkReadBig, reading alone, is its baseline.
func BenchmarkLintFile(b *testing.B) {
	src := bigSCXML()
	if n := strings.Count(string(src), "\n"); n < 2400 {
		b.Fatalf("the document has %d lines", n)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := Read("src-gen/big.scxml", src)
		if err != nil {
			b.Fatal(err)
		}
		// The one finding: handler 0's "0 > 0" is always false.
		if fs := LintFile(f, cond.Config{}); len(fs) != 1 || fs[0].Code != "C206" {
			b.Fatalf("%d findings, want the one C206", len(fs))
		}
	}
}

// BenchmarkReadBig is the baseline of BenchmarkLintFile: reading the
// document without linting it.
func BenchmarkReadBig(b *testing.B) {
	src := bigSCXML()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("src-gen/big.scxml", src); err != nil {
			b.Fatal(err)
		}
	}
}
