package scxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// bigDocument is where bigSCXML is kept: a generated-looking IPD of about
// 2,400 lines holding 150 handler transitions, each with an escaped
// condition and a body. The linter's benchmarks read it too.
const bigDocument = "testdata/big.scxml"

func bigSCXML(tb testing.TB) []byte {
	src, err := os.ReadFile(bigDocument)
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

// BenchmarkTokenize is the baseline: encoding/xml's token loop alone.
func BenchmarkTokenize(b *testing.B) {
	src := bigSCXML(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(src))
		for {
			if _, err := d.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					b.Fatal(err)
				}
				break
			}
		}
	}
}

// BenchmarkParse reads the same document into a Document with its items
// and offset maps.
func BenchmarkParse(b *testing.B) {
	src := bigSCXML(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("big.scxml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBigSCXMLShape(t *testing.T) {
	src := bigSCXML(t)
	d, err := Parse("big.scxml", src)
	if err != nil {
		t.Fatal(err)
	}
	conds := 0
	for _, it := range d.Items {
		if it.Kind == Condition {
			conds++
		}
	}
	if lines := bytes.Count(src, []byte("\n")); lines < 2400 || conds != 300 {
		t.Fatalf("%d lines, %d conditions", lines, conds)
	}
}

// BenchmarkNewSource indexes a 1 MB document: one line (an IPD's handler
// bodies) and many lines, so the line index stays linear in the bytes.
func BenchmarkNewSource(b *testing.B) {
	oneLine := []byte(strings.Repeat(`<state id="s"><transition event="e" cond="a &amp;&amp; b"/></state>`, 16000))
	lines := []byte(strings.Repeat("<state id=\"s\">\n  <transition event=\"é\"/>\r\n</state>\n", 16000))
	for _, tt := range []struct {
		name string
		data []byte
	}{{"one-line", oneLine}, {"lines", lines}} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.data)))
			for b.Loop() {
				NewSource("f", tt.data).Position(len(tt.data) / 2)
			}
		})
	}
}
