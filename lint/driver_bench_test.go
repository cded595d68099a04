package lint

import (
	"os"
	"strings"
	"testing"

	"github.com/condeval/condeval/scxml"
)

// BenchmarkLintFile lints the generated 2,400-line IPD of bigSCXML (150
// handler conditions, 150 <if> conditions, scripts and expressions): read
// plus every rule. BenchmarkReadBig, reading alone, is its baseline.
func BenchmarkLintFile(b *testing.B) {
	src := bigSCXML(b)
	if n := strings.Count(string(src), "\n"); n < 2400 {
		b.Fatalf("the document has %d lines", n)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := scxml.Read("src-gen/big.scxml", src)
		if err != nil {
			b.Fatal(err)
		}
		// The one finding: handler 0's "0 > 0" is always false.
		if fs := File(f, Config{}); len(fs) != 1 || fs[0].Code != "C206" {
			b.Fatalf("%d findings, want the one C206", len(fs))
		}
	}
}

// BenchmarkReadBig is the baseline of BenchmarkLintFile: reading the
// document without linting it.
func BenchmarkReadBig(b *testing.B) {
	src := bigSCXML(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scxml.Read("src-gen/big.scxml", src); err != nil {
			b.Fatal(err)
		}
	}
}

// bigSCXML is the document the reader's benchmarks read.
func bigSCXML(tb testing.TB) []byte {
	src, err := os.ReadFile("../scxml/testdata/big.scxml")
	if err != nil {
		tb.Fatal(err)
	}
	return src
}
