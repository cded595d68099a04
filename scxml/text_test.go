package scxml

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// attrText decodes the first attribute of the first element of doc.
func attrText(t *testing.T, doc string) Text {
	t.Helper()
	x, err := parseXML(NewSource("t.xml", []byte(doc)))
	require.NoError(t, err)
	require.NotEmpty(t, x.Roots)
	require.NotEmpty(t, x.Roots[0].Attrs)
	return x.Roots[0].Attrs[0].Value
}

func TestAttributeDecoding(t *testing.T) {
	tests := []struct {
		name, doc, want string
		multiLine       bool
	}{
		{"plain", `<t cond="a == b"/>`, "a == b", false},
		{"entities", `<t cond="a &amp;&amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;"/>`, `a && b < c > d "e" 'f'`, false},
		{"character references", `<t cond="a &#38;&#x26; b"/>`, "a && b", false},
		{"newline and tab become spaces", "<t cond=\"a\n\t&amp;&amp; b\"/>", "a  && b", true},
		{"CRLF becomes one space", "<t cond=\"a\r\nb\"/>", "a b", true},
		{"a character reference keeps its line break", `<t cond="a&#xA;b&#x9;c"/>`, "a\nb\tc", false},
		{"single quotes", `<t cond='x == "y"'/>`, `x == "y"`, false},
		{"non-ASCII", `<t cond="s == 'é☺'"/>`, "s == 'é☺'", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := attrText(t, tt.doc)
			assert.Equal(t, tt.want, txt.Value)
			assert.Equal(t, tt.multiLine, txt.MultiLine())
		})
	}
}

// spanOf returns the file text that produced the first occurrence of sub in
// the decoded text.
func spanOf(t *testing.T, txt Text, sub string) string {
	t.Helper()
	i := strings.Index(txt.Value, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in %q", sub, txt.Value)
	from, to := txt.FileSpan(i, i+len(sub))
	return string(txt.Source().Data[from:to])
}

func TestFileSpanThroughOneLayer(t *testing.T) {
	tests := []struct {
		name, doc, sub, want string
	}{
		{"ampersands", `<t cond="a &amp;&amp; b"/>`, "&&", "&amp;&amp;"},
		{"one ampersand", `<t cond="a &amp;&amp; b"/>`, "&", "&amp;"},
		{"hex reference", `<t cond="a &#x26;&amp; b"/>`, "&&", "&#x26;&amp;"},
		{"identifier after references", `<t cond="a &amp;&amp; bcd"/>`, "bcd", "bcd"},
		{"across a folded line", "<t cond=\"a\n\t\t&amp;&amp; b\"/>", "a  ", "a\n\t"},
		{"CRLF", "<t cond=\"a\r\nb\"/>", " b", "\r\nb"},
		{"less than", `<t cond="x &lt; 3"/>`, "<", "&lt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, spanOf(t, attrText(t, tt.doc), tt.sub))
		})
	}
}

func TestPositionsOfAMultiLineCondition(t *testing.T) {
	doc := "<s>\n<t cond=\"a == 1\n\t\t&amp;&amp; b.c == 2\"/></s>"
	x, err := parseXML(NewSource("f.scxml", []byte(doc)))
	require.NoError(t, err)
	txt := x.Roots[0].Kids[0].Attrs[0].Value
	require.Equal(t, "a == 1   && b.c == 2", txt.Value)
	tests := []struct {
		sub              string
		line, col, col16 int
	}{
		{"a", 2, 10, 10},
		{"&&", 3, 3, 3},
		{"b.c", 3, 14, 14},
		{"2", 3, 21, 21},
	}
	for _, tt := range tests {
		p := txt.Pos(strings.Index(txt.Value, tt.sub))
		assert.Equal(t, [3]int{tt.line, tt.col, tt.col16}, [3]int{p.Line, p.Column, p.Column16}, tt.sub)
	}
	end := txt.Pos(len(txt.Value))
	assert.Equal(t, [2]int{3, 22}, [2]int{end.Line, end.Column}, "the end is the closing quote")
}

func TestColumnsCountRunesAndUTF16Units(t *testing.T) {
	txt := attrText(t, `<t cond="'😀é' == x"/>`)
	p := txt.Pos(strings.Index(txt.Value, "x"))
	assert.Equal(t, 1, p.Line)
	assert.Equal(t, 18, p.Column, "runes")
	assert.Equal(t, 19, p.Column16, "UTF-16 units: the emoji is a surrogate pair")
}

func TestTextThroughTwoLayers(t *testing.T) {
	// An .ixnprocess condition: XML-decoded twice.
	doc := `<events condition="a &amp;amp;&amp;amp; b &amp;lt; c"/>`
	once := attrText(t, doc)
	require.Equal(t, "a &amp;&amp; b &lt; c", once.Value)
	twice := decodeAgain(once)
	require.Equal(t, "a && b < c", twice.Value)
	assert.Equal(t, "&amp;amp;", spanOf(t, twice, "&"), "one & is nine characters")
	assert.Equal(t, "&amp;amp;&amp;amp;", spanOf(t, twice, "&&"))
	assert.Equal(t, "&amp;lt;", spanOf(t, twice, "<"))
	assert.Equal(t, "b", spanOf(t, twice, "b"))
	p := twice.Pos(strings.Index(twice.Value, "&&"))
	assert.Equal(t, 22, p.Column)
	assert.Equal(t, twice.Source().Data[len(doc)-3], doc[twice.FileOffset(len(twice.Value))], "end maps to the closing quote")
}

func TestZeroText(t *testing.T) {
	var txt Text
	assert.Equal(t, 0, txt.FileOffset(3))
	from, to := txt.FileSpan(0, 4)
	assert.Equal(t, [2]int{0, 0}, [2]int{from, to})
	assert.Equal(t, 1, txt.Pos(0).Line)
	assert.False(t, txt.MultiLine())
}

// Verbatim tells the bytes written as they read from those an escape made.
func TestTextVerbatim(t *testing.T) {
	doc, err := Parse("v.scxml", []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition cond="a &amp;&amp; b"/></state></scxml>`))
	require.NoError(t, err)
	cond := doc.Transitions[0].Cond
	require.Equal(t, "a && b", cond.Value)
	tests := []struct {
		start, end int
		want       bool
	}{
		{0, 2, true},  // "a "
		{0, 3, false}, // reaches the first &amp;
		{4, 6, true},  // " b"
		{1, 1, true},  // between 'a' and ' '
		{2, 2, false}, // next to &amp;
		{6, 6, true},  // the end
		{9, 12, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cond.Verbatim(tt.start, tt.end), "[%d, %d)", tt.start, tt.end)
	}
	assert.False(t, Text{}.Verbatim(0, 0), "no text is written anywhere")
}
