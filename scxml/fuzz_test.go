package scxml

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addFiles seeds a fuzz target with the files matching the patterns.
func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
}

// checkTexts fails when a text maps outside its file or out of order.
func checkTexts(t *testing.T, src *Source, items []Item) {
	t.Helper()
	for _, it := range items {
		txt := it.Text
		last := 0
		for i := 0; i <= len(txt.Value); i++ {
			from, to := txt.FileSpan(i, i+1)
			if from < 0 || to > len(src.Data) || from > to {
				t.Fatalf("%s item %q: byte %d maps to [%d,%d) outside the file (%d bytes)", it.Kind, txt.Value, i, from, to, len(src.Data))
			}
			if from < last {
				t.Fatalf("%s item %q: byte %d maps to %d, before byte %d's %d", it.Kind, txt.Value, i, from, i-1, last)
			}
			last = from
		}
		if p := txt.Pos(len(txt.Value)); p.Line < 1 || p.Column < 1 {
			t.Fatalf("%s item %q ends at line %d column %d", it.Kind, txt.Value, p.Line, p.Column)
		}
	}
}

func FuzzParseSCXML(f *testing.F) {
	addFiles(f, filepath.Join(conformanceData, "*/*.scxml"), filepath.Join(examplesDir, "src-gen/*.scxml"))
	f.Add([]byte(testSCXML))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.scxml", data)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		checkTexts(t, d.Source, d.Items)
	})
}

func FuzzReadIxnprocess(f *testing.F) {
	addFiles(f, filepath.Join(examplesDir, "ipd/*.ixnprocess"))
	f.Add([]byte(testIPD))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadProcess("f.ixnprocess", data)
		if err != nil {
			return
		}
		checkTexts(t, p.Source, p.Items)
		for _, h := range append(p.Handlers, p.Backup...) {
			checkTexts(t, p.Source, h.items(Item{}, "events"))
		}
		for _, e := range p.Problems {
			if e.Pos.Offset < 0 || e.Pos.Offset > len(data) {
				t.Fatalf("problem outside the file: %v", e)
			}
		}
	})
}

func FuzzReadWorkflow(f *testing.F) {
	addFiles(f, filepath.Join(examplesDir, "workflows/*.workflow"))
	f.Add([]byte(testWorkflow))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := ReadWorkflow("f.workflow", data)
		if err != nil {
			return
		}
		checkTexts(t, w.Source, w.Items)
	})
}

func FuzzReadConditions(f *testing.F) {
	addFiles(f, filepath.Join(examplesDir, "*.cond"))
	f.Add([]byte("a\r\n\r// x\n\tb && c\u2028d"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read("f.cond", data)
		if err != nil {
			t.Fatal(err)
		}
		checkTexts(t, file.Source, file.Items)
		for _, it := range file.Items {
			from, to := it.Text.FileSpan(0, len(it.Text.Value))
			if string(data[from:to]) != it.Text.Value {
				t.Fatalf("line %q maps to %q", it.Text.Value, data[from:to])
			}
		}
	})
}

// FuzzAttributeValue checks the attribute decoder against encoding/xml:
// the same value once XML's whitespace normalisation (which encoding/xml
// skips) is applied to both, and a map that stays inside the value.
func FuzzAttributeValue(f *testing.F) {
	for _, s := range []string{"a &amp;&amp; b", "x\r\n\ty", "&#x26;&#38;&lt;", "é☺&#x1F600;", "&amp;amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		doc := `<t a="` + value + `"/>`
		d := xml.NewDecoder(strings.NewReader(doc))
		tok, err := d.Token()
		if err != nil {
			return
		}
		start, ok := tok.(xml.StartElement)
		if !ok || len(start.Attr) != 1 {
			return
		}
		for err == nil { // the whole document must be well-formed, not just the tag
			_, err = d.Token()
		}
		if !errors.Is(err, io.EOF) {
			return
		}
		x, err := parseXML(NewSource("f", []byte(doc)))
		if err != nil {
			t.Fatalf("encoding/xml accepts %q, parseXML does not: %v", doc, err)
		}
		txt := x.Roots[0].Attrs[0].Value
		blank := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
		if blank.Replace(txt.Value) != blank.Replace(start.Attr[0].Value) {
			t.Fatalf("decoded %q, encoding/xml says %q", txt.Value, start.Attr[0].Value)
		}
		for i := range len(txt.Value) {
			from, to := txt.FileSpan(i, i+1)
			if from < len(`<t a="`) || to > len(doc)-len(`"/>`) {
				t.Fatalf("byte %d of %q maps to [%d,%d) outside the value", i, txt.Value, from, to)
			}
		}
		twice := decodeAgain(txt)
		checkTexts(t, twice.Source(), []Item{{Text: twice}})
	})
}
