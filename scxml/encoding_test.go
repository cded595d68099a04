package scxml

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utf16LE encodes s as UTF-16, little-endian, the way Windows editors save.
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// latin1 encodes s, whose runes are all below U+0100, as ISO-8859-1.
func latin1(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// The one data expression of every fixture sits after non-ASCII text on its
// line, so a column counted in bytes instead of characters would show.
const encodedDoc = `<?xml version="1.0" encoding="%s"?>
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
<datamodel><!-- früh --><data id="x" expr="'Heizölrückstoß'"/></datamodel>
<state id="s"/>
</scxml>
`

func TestDocumentsInEveryDeclaredEncodingKeepTheirPositions(t *testing.T) {
	doc := func(enc string) string { return fmt.Sprintf(encodedDoc, enc) }
	tests := []struct {
		name string
		data []byte
		enc  Encoding
	}{
		{"UTF-8", []byte(doc("UTF-8")), Encoding{}},
		{"UTF-8 with a byte order mark", append([]byte{0xEF, 0xBB, 0xBF}, doc("UTF-8")...), Encoding{Name: "UTF-8", BOM: true}},
		{"ISO-8859-1", latin1(doc("ISO-8859-1")), Encoding{Name: "ISO-8859-1"}},
		{"WINDOWS-1252, lower case", latin1(doc("windows-1252")), Encoding{Name: "windows-1252"}},
		{"UTF-16 with a byte order mark", utf16LE(doc("UTF-16"), true), Encoding{Name: "UTF-16", BOM: true}},
		{"UTF-16LE without one", utf16LE(doc("UTF-16"), false), Encoding{Name: "UTF-16LE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("enc.scxml", tt.data)
			require.NoError(t, err)
			assert.Equal(t, tt.enc, d.Source.Encoding)
			var expr *Item
			for i := range d.Items {
				if d.Items[i].Attr == "expr" {
					expr = &d.Items[i]
				}
			}
			require.NotNil(t, expr)
			assert.Equal(t, "'Heizölrückstoß'", expr.Text.Value)
			pos := expr.Text.Pos(0)
			assert.Equal(t, 3, pos.Line)
			assert.Equal(t, 44, pos.Column, "the column counts characters of the file as an editor shows it")
		})
	}
}

func TestUnknownEncodingIsAClearError(t *testing.T) {
	_, err := Parse("odd.scxml", []byte(fmt.Sprintf(encodedDoc, "X-NO-SUCH")))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "odd.scxml:1:31: the declared encoding \"X-NO-SUCH\" is not one condeval can read", se.Error())
}

// The W3C suite's encoding tests carry the same sixteen sentences in
// UTF-8, UTF-16, ISO-8859-1 and WINDOWS-1252; each must read to the same
// text, except where a single-byte encoding lacks a character.
func TestW3CEncodingTestsReadAlike(t *testing.T) {
	dir := filepath.Join(conformanceData, "w3c-scxml-irp", "ecma")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no conformance data at", dir)
	}
	sentences := func(t *testing.T, enc string) []string {
		f, err := ReadFile(filepath.Join(dir, "test-enc-"+enc+".scxml"))
		require.NoError(t, err)
		var got []string
		for _, it := range f.Items {
			if it.Attr == "expr" && it.Element == "data" {
				got = append(got, it.Text.Value)
			}
		}
		require.Len(t, got, 16)
		return got
	}
	want := sentences(t, "UTF8")
	assert.Equal(t, want, sentences(t, "UTF-16"))
	for _, enc := range []string{"ISO-8859-1", "WINDOWS-1252"} {
		got := sentences(t, enc)
		for _, i := range []int{0, 1, 3, 4, 6, 8} { // Danish, German, English, Spanish, Irish, Icelandic
			assert.Equal(t, want[i], got[i], "%s sentence %d", enc, i)
		}
	}
}
