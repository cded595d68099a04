package cond

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexKinds renders the tokens of src as "kind:text" for compact tables.
func lexTexts(t *testing.T, src string) []string {
	t.Helper()
	toks, d := lex(src, false)
	require.Nil(t, d, "lex %q", src)
	var out []string
	for _, tk := range toks[:len(toks)-1] {
		out = append(out, kindNames[tk.kind][:3]+":"+tk.text)
	}
	return out
}

func TestLexTokens(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"a>>>=b", []string{"ide:a", "pun:>>>=", "ide:b"}},
		{"a===b!==c", []string{"ide:a", "pun:===", "ide:b", "pun:!==", "ide:c"}},
		{"x.y", []string{"ide:x", "pun:.", "ide:y"}},
		{"1.5e3 .5 0x1F 017", []string{"num:1.5e3", "num:.5", "num:0x1F", "num:017"}},
		{`'a\'b' "c"`, []string{`str:'a\'b'`, `str:"c"`}},
		{"a / b / c", []string{"ide:a", "pun:/", "ide:b", "pun:/", "ide:c"}},
		{"x = /a[/]b/g", []string{"ide:x", "pun:=", "reg:/a[/]b/g"}},
		{"if (x) /re/.test(y)", []string{"key:if", "pun:(", "ide:x", "pun:)", "reg:/re/", "pun:.", "ide:test", "pun:(", "ide:y", "pun:)"}},
		{"f(x) / 2", []string{"ide:f", "pun:(", "ide:x", "pun:)", "pun:/", "num:2"}},
		{"a /* c */ b // d", []string{"ide:a", "ide:b"}},
		{"\u00a0a\ufeff\u2003b", []string{"ide:a", "ide:b"}},
		{"caf\u00e9 \u03c0 $_", []string{"ide:caf\u00e9", "ide:\u03c0", "ide:$_"}},
		{`\u0061b`, []string{`ide:\u0061b`}},
		{"a?.b ??c", []string{"ide:a", "pun:?.", "ide:b", "pun:??", "ide:c"}},
		{"a?.5:b", []string{"ide:a", "pun:?", "num:.5", "pun::", "ide:b"}},
		{"x=>x ** 2", []string{"ide:x", "pun:=>", "ide:x", "pun:**", "num:2"}},
		{"0b101 0o17 1_000 10n", []string{"num:0b101", "num:0o17", "num:1_000", "num:10n"}},
		{"`a${b}c`", []string{"tem:`a${b}c`"}},
		{"...a", []string{"pun:...", "ide:a"}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			assert.Equal(t, tt.want, lexTexts(t, tt.src))
		})
	}
}

func TestLexValues(t *testing.T) {
	tests := []struct {
		src   string
		value string
		num   float64
		flags tokFlag
		feat  feature
	}{
		{`'a\nb\x41\u0042\'\"\\'`, "a\nbAB'\"\\", 0, 0, 0},
		{"'a\\\nb'", "ab", 0, 0, 0},
		{"'a\\\r\nb'", "ab", 0, 0, 0},
		{`'\0'`, "\x00", 0, 0, 0},
		{`'\07'`, "\x07", 0, flagOctalEscape, 0},
		{`'\uD83D\uDE00'`, "\U0001F600", 0, 0, 0},
		{`'\u{1F600}'`, "\U0001F600", 0, 0, featCodePoint},
		{`'\q'`, "q", 0, 0, 0},
		{"0x1F", "", 31, 0, 0},
		{"017", "", 15, flagLegacyOctal, 0},
		{"1e3", "", 1000, 0, 0},
		{"5.", "", 5, 0, 0},
		{"0b11", "", 3, 0, featBinary},
		{"0o17", "", 15, 0, featOctal},
		{"1_000", "", 1000, 0, featSeparator},
		{`\u0061bc`, "abc", 0, flagEscaped, 0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			toks, d := lex(tt.src, false)
			require.Nil(t, d)
			require.Len(t, toks, 2)
			tk := toks[0]
			if tk.kind != tokNumber {
				assert.Equal(t, tt.value, tk.value)
			}
			assert.Equal(t, tt.num, tk.num)
			assert.Equal(t, tt.flags, tk.flags&^flagEndsHead)
			assert.Equal(t, tt.feat, tk.feat)
			assert.Equal(t, Span{0, len(tt.src)}, tk.span())
		})
	}
}

func TestLexNewlineFlag(t *testing.T) {
	toks, d := lex("a\nb /*\n*/ c \u2028d // x\r\ne f", false)
	require.Nil(t, d)
	var nl []bool
	for _, tk := range toks[:len(toks)-1] {
		nl = append(nl, tk.nl)
	}
	assert.Equal(t, []bool{false, true, true, true, true, false}, nl)
}

func TestLexErrors(t *testing.T) {
	tests := []struct {
		src, msg string
		span     Span
	}{
		{"'abc", "unterminated string: missing closing '", Span{0, 4}},
		{"'a\nb'", "unterminated string: a line break cannot appear inside quotes (use \\n)", Span{0, 2}},
		{"'a\u2028b'", "unterminated string: U+2028/U+2029 are line breaks in ES5 and cannot appear inside quotes", Span{0, 2}},
		{"/* x", "unterminated comment: '/*' is never closed by '*/'", Span{0, 2}},
		{"/[/", "unterminated regular expression: a '[' class is not closed by ']' (a '/' inside [...] does not end the expression)", Span{0, 3}},
		{"/abc", "unterminated regular expression: missing closing '/'", Span{0, 4}},
		{"08", "'08' is not an ES5 number: a leading 0 starts an octal literal, whose digits are 0-7", Span{0, 2}},
		{"3in x", "a number cannot be followed directly by a name or digit", Span{0, 2}},
		{"0x", "a hexadecimal literal needs at least one digit after 0x", Span{0, 2}},
		{"1e+", "an exponent needs digits after 'e'", Span{0, 3}},
		{`'\x4'`, "a \\x escape needs two hexadecimal digits", Span{1, 5}},
		{`'\u12'`, "a \\u escape needs four hexadecimal digits", Span{1, 6}},
		{"a ¤ b", "unexpected character '¤'", Span{2, 4}},
		{"\xff", "invalid UTF-8 byte in the source", Span{0, 1}},
		{`\u0030a`, "the escape sequence does not stand for a character allowed in a name", Span{0, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, d := lex(tt.src, false)
			require.NotNil(t, d)
			assert.Equal(t, tt.msg, d.Message)
			assert.Equal(t, tt.span, d.Span)
			assert.Equal(t, CodeBadToken, d.Code)
		})
	}
}
