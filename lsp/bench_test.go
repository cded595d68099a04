package lsp

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// The example IPD: 190 lines, the file the Neovim test opens.
const benchFile = "../examples/src-gen/IPD_default_defaultWorkflow.scxml"

func readBenchFile(b *testing.B) (string, string) {
	b.Helper()
	data, err := os.ReadFile(benchFile)
	if err != nil {
		b.Fatal(err)
	}
	abs, err := filepath.Abs(benchFile)
	if err != nil {
		b.Fatal(err)
	}
	return abs, string(data)
}

// BenchmarkBaselineLint is reading and linting the example in process: the
// work the server must do for each change, without the protocol.
func BenchmarkBaselineLint(b *testing.B) {
	path, text := readBenchFile(b)
	s := newServer(Options{})
	b.ReportAllocs()
	for b.Loop() {
		if res := s.lintText(path, text, lint.Config{}); len(res.findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkDiagnosticsRoundTrip is a change of the example sent over the
// pipe until its diagnostics come back: framing, JSON, lint, publication.
// The debounce delay is 1ns, so what is measured is the server's own cost.
func BenchmarkDiagnosticsRoundTrip(b *testing.B) {
	path, text := readBenchFile(b)
	c := startServer(b, Options{Delay: time.Nanosecond}, nil)
	uri := "file://" + filepath.ToSlash(path)
	c.open(uri, text)
	version := 1
	b.ReportAllocs()
	for b.Loop() {
		version++
		if p := c.change(uri, version, text); len(p.Diagnostics) == 0 {
			b.Fatal("no diagnostics")
		}
	}
}

// BenchmarkBaselineRead is reading the example: what hover and completion
// do before looking at the cursor.
func BenchmarkBaselineRead(b *testing.B) {
	path, text := readBenchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scxml.Read(path, []byte(text)); err != nil {
			b.Fatal(err)
		}
	}
}

// openBenchFile opens the example in a server, for round trips on it.
func openBenchFile(b *testing.B) (*client, string, string) {
	path, text := readBenchFile(b)
	c := startServer(b, Options{}, nil)
	uri := "file://" + filepath.ToSlash(path)
	c.open(uri, text)
	return c, uri, text
}

// BenchmarkHoverRoundTrip is a hover on _event.data.resultOf's object path
// in the example, over the pipe.
func BenchmarkHoverRoundTrip(b *testing.B) {
	c, uri, text := openBenchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if h := c.hoverAt(uri, text, "resultof == 'deletion'", 0); h == nil {
			b.Fatal("no hover")
		}
	}
}

// BenchmarkCompletionRoundTrip is a completion after system. in the
// example, over the pipe.
func BenchmarkCompletionRoundTrip(b *testing.B) {
	c, uri, text := openBenchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if items := c.completeAt(uri, text, "system.InteractionID &amp;&amp; (!", len("system.")); len(items) == 0 {
			b.Fatal("no items")
		}
	}
}
