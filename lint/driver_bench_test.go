package lint

import (
	"fmt"
	"os"
	"path/filepath"
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

// benchMain is a workflow's generated SCXML for the tree benchmarks: the
// example IPD includes Main.scxml.
const benchMain = `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
<state id="_composer_entry"><onentry><script>var varTier = 'standard';</script></onentry>
<transition event="interaction.deleted" cond="_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion') &amp;&amp; isEventHandledByApplication()"/>
<transition cond="varTier == 'vip' &amp;&amp; _data.vipThreshold > 2" target="done"/>
</state><final id="done"/></scxml>`

// writeBenchProject writes one Composer project under dir: the example IPD
// (which loads include/common.js and includes Main.scxml), Main.scxml and
// the example workflow. ipd replaces the IPD when not nil.
func writeBenchProject(tb testing.TB, dir string, ipd []byte) {
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}
	if ipd == nil {
		ipd = read("../examples/src-gen/IPD_default_defaultWorkflow.scxml")
	}
	files := map[string][]byte{
		"src-gen/IPD_default_defaultWorkflow.scxml": ipd,
		"src-gen/Main.scxml":                        []byte(benchMain),
		"include/common.js":                         read("../examples/include/common.js"),
		"Workflows/Main.workflow":                   read("../examples/workflows/Main.workflow"),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkLintProjectBig lints a project whose IPD is the 2,400-line
// document of bigSCXML, with Path as condeval lint does: the project's
// include graph, then every file.
func BenchmarkLintProjectBig(b *testing.B) {
	dir := b.TempDir()
	writeBenchProject(b, dir, bigSCXML(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Path(dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLintTree lints a tree of 3,000 lintable files: 1,000 projects
// of three (IPD, workflow SCXML, workflow diagram).
func BenchmarkLintTree(b *testing.B) {
	dir := b.TempDir()
	for i := range 1000 {
		writeBenchProject(b, filepath.Join(dir, fmt.Sprintf("p%04d", i)), nil)
	}
	b.ReportAllocs()
	for b.Loop() {
		fs, _, err := Path(dir, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(fs) == 0 {
			b.Fatal("no findings: the planted bugs are gone")
		}
	}
}
