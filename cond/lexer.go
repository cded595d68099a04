package cond

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner turns source text into tokens (ECMA-262 5.1 §7). It also tracks
// just enough bracket context to tell a regular expression literal from a
// division, which the grammar cannot do because lexing happens first.
type scanner struct {
	src  string
	pos  int
	nl   bool // a line terminator was seen since the last token
	toks []token
	diag *Diagnostic
	// comments are the comments skipped between tokens, in source order.
	comments []Comment

	// parens and braces mirror the open brackets: for '(' what it follows
	// (so a '/' after the ')' of if/while/for/with starts a regexp); for '{'
	// whether it opens a block (so a '/' after its '}' starts a regexp).
	parens []parenKind
	braces []braceKind
	// closedParen describes the parenthesis just closed.
	closedParen parenKind

	expr        bool    // the source is an expression, not statements
	escStart    int     // where the escape being read began
	pendingFeat feature // post-ES5 escape seen inside the current token
}

type parenKind uint8

// braceKind says what a '{' opens: statements whose '}' ends a statement
// (a block, a declaration's body), statements whose '}' ends an expression
// (a function expression's body), or an object literal.
type braceKind uint8

const (
	braceBlock braceKind = iota
	braceFuncExpr
	braceObject
)

const (
	parenOther    parenKind = iota
	parenCond               // if ( / while ( / for ( / with ( / switch ( / catch (
	parenFuncDecl           // parameters of a function declaration
	parenFuncExpr           // parameters of a function expression
)

// lex splits src into tokens ending with an EOF token. It stops at the first
// lexical error and reports it.
//
// In expression mode the text starts in expression position, so a leading
// '{' opens an object literal rather than a block.
func lex(src string, expr bool) ([]token, *Diagnostic) {
	s := scan(src, expr)
	return s.toks, s.diag
}

// scan runs a scanner over src; its toks, comments and diag are the result.
func scan(src string, expr bool) scanner {
	s := scanner{src: src, expr: expr, toks: make([]token, 0, len(src)/4+2)}
	for s.diag == nil {
		s.skipSpace()
		if s.diag != nil {
			break
		}
		if s.pos >= len(s.src) {
			s.toks = append(s.toks, token{kind: tokEOF, start: s.pos, end: s.pos, nl: s.nl})
			break
		}
		s.next()
	}
	return s
}

func (s *scanner) fail(start, end int, code, msg string) {
	if s.diag == nil {
		if end > len(s.src) {
			end = len(s.src)
		}
		s.diag = &Diagnostic{Code: code, Severity: SeverityError, Span: Span{start, end}, Message: msg}
	}
}

func isLineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

func isSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', ' ', '\u00a0', '\ufeff':
		return true
	}
	return r > 0x7f && unicode.Is(unicode.Zs, r)
}

func isIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '$' || r == '_'
	}
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl, unicode.Other_ID_Start)
}

func isIDPart(r rune) bool {
	if r < utf8.RuneSelf {
		return isIDStart(r) || '0' <= r && r <= '9'
	}
	return isIDStart(r) || r == '\u200c' || r == '\u200d' ||
		unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// skipSpace skips white space and comments, noting line terminators.
func (s *scanner) skipSpace() {
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == ' ' || c == '\t':
			s.pos++
		case c == '\n' || c == '\r':
			s.nl = true
			s.pos++
		case c == '/' && s.pos+1 < len(s.src) && s.src[s.pos+1] == '/':
			start := s.pos
			s.pos += 2
			for s.pos < len(s.src) {
				r, n := utf8.DecodeRuneInString(s.src[s.pos:])
				if isLineTerminator(r) {
					break
				}
				s.pos += n
			}
			s.comments = append(s.comments, Comment{Span{start, s.pos}, s.src[start+2 : s.pos], false})
		case c == '/' && s.pos+1 < len(s.src) && s.src[s.pos+1] == '*':
			end := strings.Index(s.src[s.pos+2:], "*/")
			if end < 0 {
				s.fail(s.pos, s.pos+2, CodeBadToken, "unterminated comment: '/*' is never closed by '*/'")
				return
			}
			body := s.src[s.pos+2 : s.pos+2+end]
			if strings.ContainsAny(body, "\n\r\u2028\u2029") {
				s.nl = true
			}
			s.comments = append(s.comments, Comment{Span{s.pos, s.pos + end + 4}, body, true})
			s.pos += end + 4
		case c < utf8.RuneSelf:
			if c == '\v' || c == '\f' {
				s.pos++
				continue
			}
			return
		default:
			r, n := utf8.DecodeRuneInString(s.src[s.pos:])
			switch {
			case r == '\u2028' || r == '\u2029':
				s.nl = true
			case isSpace(r):
			default:
				return
			}
			s.pos += n
		}
	}
}

// emit appends a token ending at s.pos.
func (s *scanner) emit(t token) {
	t.end = s.pos
	t.text = s.src[t.start:t.end]
	t.nl = s.nl
	s.nl = false
	s.toks = append(s.toks, t)
}

func (s *scanner) prev() *token {
	if len(s.toks) == 0 {
		return nil
	}
	return &s.toks[len(s.toks)-1]
}

func (s *scanner) next() {
	start := s.pos
	c := s.src[start]
	switch {
	case c == '"' || c == '\'':
		s.string(c)
	case isDigit(c) || c == '.' && start+1 < len(s.src) && isDigit(s.src[start+1]):
		s.number()
	case c == '`':
		s.template()
	case c == '/' && s.regexpAllowed():
		s.regexp()
	case c < utf8.RuneSelf && punctuators[c] != nil:
		s.punct()
	default:
		s.identifier()
	}
}

// regexpAllowed decides whether a '/' here starts a regular expression
// (where an expression may start) or is a division (after one ended).
func (s *scanner) regexpAllowed() bool {
	p := s.prev()
	if p == nil {
		return true
	}
	if p.is("++") || p.is("--") {
		// After a postfix ++ comes an operator; after a prefix one, an operand.
		n := len(s.toks)
		return n < 2 || !s.toks[n-2].endsExpression()
	}
	return !p.endsExpression()
}

func (s *scanner) punct() {
	start := s.pos
	rest := s.src[start:]
	var p string
	for _, cand := range punctuators[rest[0]] {
		if strings.HasPrefix(rest, cand) {
			p = cand
			break
		}
	}
	// "a?.5:b" is a conditional, not optional chaining (§12.8 ES2020).
	if p == "?." && len(rest) > 2 && isDigit(rest[2]) {
		p = "?"
	}
	s.pos += len(p)
	t := token{kind: tokPunct, start: start, feat: punctFeatures[p]}
	switch p {
	case "(":
		s.parens = append(s.parens, s.parenKindHere())
	case ")":
		s.closedParen = parenOther
		if n := len(s.parens); n > 0 {
			s.closedParen = s.parens[n-1]
			s.parens = s.parens[:n-1]
		}
		if s.closedParen == parenCond {
			t.flags |= flagEndsHead
		}
	case "{":
		s.braces = append(s.braces, s.braceKindHere())
	case "}":
		closed := braceBlock
		if n := len(s.braces); n > 0 {
			closed = s.braces[n-1]
			s.braces = s.braces[:n-1]
		}
		if closed == braceBlock {
			t.flags |= flagEndsHead
		}
	}
	s.emit(t)
}

// parenKindHere classifies a '(' about to be emitted by what precedes it.
func (s *scanner) parenKindHere() parenKind {
	n := len(s.toks)
	if n == 0 {
		return parenOther
	}
	p := &s.toks[n-1]
	if p.kind == tokKeyword && !(n >= 2 && s.toks[n-2].is(".")) {
		switch p.text {
		case "if", "while", "for", "with", "switch", "catch":
			return parenCond
		case "function":
			return s.functionKind(n - 1)
		}
	}
	if p.kind == tokIdent && n >= 2 && s.toks[n-2].is("function") {
		return s.functionKind(n - 2)
	}
	if s.accessorKey(n - 1) {
		return parenFuncExpr // get a() {…}: its body holds statements, like a function expression's
	}
	return parenOther
}

// accessorKey reports whether token i is the name of a getter or setter in
// an object literal: {get i(…, or , set i(…
func (s *scanner) accessorKey(i int) bool {
	if i < 2 || len(s.braces) == 0 || s.braces[len(s.braces)-1] != braceObject || !isNameToken(&s.toks[i]) {
		return false
	}
	kw, before := &s.toks[i-1], &s.toks[i-2]
	return kw.kind == tokIdent && (kw.value == "get" || kw.value == "set") && (before.is("{") || before.is(","))
}

// functionKind tells a function declaration from a function expression by
// the token before the 'function' keyword at index i.
func (s *scanner) functionKind(i int) parenKind {
	if s.atStatementStart(i) {
		return parenFuncDecl
	}
	s.toks[i].flags |= flagFuncExpr
	return parenFuncExpr
}

// atStatementStart reports whether token i begins a statement, judged by the
// token before it.
func (s *scanner) atStatementStart(i int) bool {
	if i == 0 {
		return !s.expr
	}
	p := &s.toks[i-1]
	inBlock := len(s.braces) == 0 && !s.expr || len(s.braces) > 0 && s.braces[len(s.braces)-1] != braceObject
	switch p.kind {
	case tokPunct:
		switch p.text {
		case ";":
			return true
		case "{", ":":
			return inBlock
		case ")", "}":
			return p.flags&flagEndsHead != 0
		}
	case tokKeyword:
		return p.text == "else" || p.text == "do"
	}
	return false
}

// braceKindHere classifies a '{' about to be emitted by what precedes it.
func (s *scanner) braceKindHere() braceKind {
	n := len(s.toks)
	if n == 0 {
		if s.expr {
			return braceObject
		}
		return braceBlock
	}
	p := &s.toks[n-1]
	switch p.kind {
	case tokPunct:
		switch p.text {
		case ")":
			switch s.closedParen {
			case parenFuncExpr:
				return braceFuncExpr
			case parenOther:
				return braceObject
			}
			return braceBlock
		case ";", "{", "}":
			return braceBlock
		case ":":
			if len(s.braces) > 0 && s.braces[len(s.braces)-1] != braceObject {
				return braceBlock
			}
		}
	case tokKeyword:
		switch p.text {
		case "else", "do", "try", "finally":
			return braceBlock
		}
	}
	return braceObject
}

func (s *scanner) identifier() {
	start := s.pos
	var name strings.Builder
	escaped := false
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == '\\' {
			r, ok := s.identEscape()
			if !ok {
				return
			}
			if first := s.escStart == start; first && !isIDStart(r) || !first && !isIDPart(r) {
				s.fail(start, s.pos, CodeBadToken, "the escape sequence does not stand for a character allowed in a name")
				return
			}
			if !escaped {
				name.WriteString(s.src[start:s.escStart])
				escaped = true
			}
			name.WriteRune(r)
			continue
		}
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		ok := isIDPart(r)
		if s.pos == start {
			ok = isIDStart(r)
		}
		if !ok {
			break
		}
		if escaped {
			name.WriteRune(r)
		}
		s.pos += n
	}
	if s.pos == start {
		r, n := utf8.DecodeRuneInString(s.src[start:])
		s.pos += n
		if r == utf8.RuneError && n == 1 {
			s.fail(start, s.pos, CodeBadToken, "invalid UTF-8 byte in the source")
		} else {
			s.fail(start, s.pos, CodeBadToken, "unexpected character "+strconv.QuoteRune(r))
		}
		return
	}
	t := token{kind: tokIdent, start: start, feat: s.pendingFeat}
	s.pendingFeat = featNone
	t.value = s.src[start:s.pos]
	if escaped {
		t.value = name.String()
		t.flags |= flagEscaped
	} else if keywords[t.value] {
		t.kind = tokKeyword
		if p := s.prev(); p != nil && p.is(".") {
			t.flags |= flagPropName // a.default / 2, a.in-- / 2
		}
	}
	s.emit(t)
}

// identEscape reads a \uXXXX (or ES2015 \u{…}) escape inside a name. It
// sets s.escStart to where the escape began.
func (s *scanner) identEscape() (rune, bool) {
	s.escStart = s.pos
	if s.pos+1 >= len(s.src) || s.src[s.pos+1] != 'u' {
		s.fail(s.pos, s.pos+2, CodeBadToken, "only \\u escapes may appear in a name")
		return 0, false
	}
	s.pos += 2
	r, ok := s.unicodeEscape(s.escStart)
	return r, ok
}

// unicodeEscape reads the part after "\u": four hex digits, or {hex} which
// it reads but records as ES2015.
func (s *scanner) unicodeEscape(escStart int) (rune, bool) {
	if s.pos < len(s.src) && s.src[s.pos] == '{' {
		end := strings.IndexByte(s.src[s.pos:], '}')
		if end < 2 {
			s.fail(escStart, s.pos+1, CodeBadToken, "invalid \\u{…} escape")
			return 0, false
		}
		v, err := strconv.ParseUint(s.src[s.pos+1:s.pos+end], 16, 32)
		if err != nil || v > unicode.MaxRune {
			s.fail(escStart, s.pos+end+1, CodeBadToken, "invalid \\u{…} escape")
			return 0, false
		}
		s.pos += end + 1
		s.pendingFeat = featCodePoint
		return rune(v), true
	}
	if s.pos+4 > len(s.src) || !isHexDigit(s.src[s.pos]) || !isHexDigit(s.src[s.pos+1]) ||
		!isHexDigit(s.src[s.pos+2]) || !isHexDigit(s.src[s.pos+3]) {
		s.fail(escStart, min(s.pos+4, len(s.src)), CodeBadToken, "a \\u escape needs four hexadecimal digits")
		return 0, false
	}
	v, _ := strconv.ParseUint(s.src[s.pos:s.pos+4], 16, 32)
	s.pos += 4
	return rune(v), true
}

func (s *scanner) string(quote byte) {
	start := s.pos
	s.pos++
	var b strings.Builder
	var t token
	t.kind, t.start = tokString, start
	chunk := s.pos
	for {
		if s.pos >= len(s.src) {
			s.fail(start, s.pos, CodeBadToken, "unterminated string: missing closing "+string(quote))
			return
		}
		c := s.src[s.pos]
		if c == quote {
			break
		}
		if c == '\n' || c == '\r' {
			s.fail(start, s.pos, CodeBadToken, "unterminated string: a line break cannot appear inside quotes (use \\n)")
			return
		}
		if c == 0xe2 && (strings.HasPrefix(s.src[s.pos:], "\u2028") || strings.HasPrefix(s.src[s.pos:], "\u2029")) {
			s.fail(start, s.pos, CodeBadToken, "unterminated string: U+2028/U+2029 are line breaks in ES5 and cannot appear inside quotes")
			return
		}
		if c != '\\' {
			s.pos++
			continue
		}
		b.WriteString(s.src[chunk:s.pos])
		if !s.stringEscape(&b, &t) {
			return
		}
		chunk = s.pos
	}
	if chunk == start+1 {
		t.value = s.src[chunk:s.pos]
	} else {
		b.WriteString(s.src[chunk:s.pos])
		t.value = b.String()
	}
	s.pos++
	if s.pendingFeat != featNone {
		t.feat, s.pendingFeat = s.pendingFeat, featNone
	}
	s.emit(t)
}

// simpleEscapes maps the single-character escapes of §7.8.4.
var simpleEscapes = [128]byte{'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}

// stringEscape decodes the escape sequence at s.pos (a backslash) into b.
func (s *scanner) stringEscape(b *strings.Builder, t *token) bool {
	esc := s.pos
	s.pos++
	if s.pos >= len(s.src) {
		s.fail(t.start, s.pos, CodeBadToken, "unterminated string: missing closing quote")
		return false
	}
	c := s.src[s.pos]
	switch {
	case c == '\r':
		s.pos++
		if s.pos < len(s.src) && s.src[s.pos] == '\n' {
			s.pos++
		}
	case c == '\n':
		s.pos++
	case c == 'x':
		if s.pos+2 >= len(s.src) || !isHexDigit(s.src[s.pos+1]) || !isHexDigit(s.src[s.pos+2]) {
			s.fail(esc, min(s.pos+3, len(s.src)), CodeBadToken, "a \\x escape needs two hexadecimal digits")
			return false
		}
		v, _ := strconv.ParseUint(s.src[s.pos+1:s.pos+3], 16, 8)
		b.WriteRune(rune(v))
		s.pos += 3
	case c == 'u':
		s.pos++
		r, ok := s.unicodeEscape(esc)
		if !ok {
			return false
		}
		// Join a UTF-16 surrogate pair written as two escapes.
		if 0xd800 <= r && r < 0xdc00 && strings.HasPrefix(s.src[s.pos:], "\\u") {
			save := s.pos
			s.pos += 2
			if lo, ok := s.unicodeEscape(save); ok && 0xdc00 <= lo && lo < 0xe000 {
				r = (r-0xd800)<<10 + (lo - 0xdc00) + 0x10000
			} else {
				s.diag = nil
				s.pos = save
			}
		}
		b.WriteRune(r)
	case '0' <= c && c <= '7':
		// \0 not followed by a digit is NUL; anything else is a legacy
		// octal escape (§B.1.2), refused in strict code.
		n, v := 0, 0
		limit := 3
		if c > '3' {
			limit = 2
		}
		for n < limit && s.pos < len(s.src) && '0' <= s.src[s.pos] && s.src[s.pos] <= '7' {
			v = v*8 + int(s.src[s.pos]-'0')
			s.pos++
			n++
		}
		if !(n == 1 && v == 0 && (s.pos >= len(s.src) || !isDigit(s.src[s.pos]))) {
			t.flags |= flagOctalEscape
		}
		b.WriteRune(rune(v))
	case c < utf8.RuneSelf:
		if e := simpleEscapes[c]; e != 0 {
			b.WriteByte(e)
		} else {
			b.WriteByte(c)
		}
		s.pos++
	default:
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		s.pos += n
		if r != '\u2028' && r != '\u2029' { // line continuation
			b.WriteRune(r)
		}
	}
	return true
}

func (s *scanner) number() {
	start := s.pos
	t := token{kind: tokNumber, start: start}
	src := s.src
	digits := func(ok func(byte) bool) (string, bool) {
		from := s.pos
		sep := false
		for s.pos < len(src) && (ok(src[s.pos]) || src[s.pos] == '_' && s.pos > from && s.pos+1 < len(src) && ok(src[s.pos+1])) {
			if src[s.pos] == '_' {
				sep = true
			}
			s.pos++
		}
		text := src[from:s.pos]
		if sep {
			text = strings.ReplaceAll(text, "_", "")
		}
		return text, sep
	}
	radix := func(base int, ok func(byte) bool, f feature, what string) {
		s.pos += 2
		text, sep := digits(ok)
		if text == "" {
			s.fail(start, s.pos, CodeBadToken, what+" literal needs at least one digit after "+src[start:start+2])
			return
		}
		t.feat = f
		if sep {
			t.feat = featSeparator
		}
		t.num = parseRadix(text, base)
	}
	if src[s.pos] == '0' && s.pos+1 < len(src) {
		switch src[s.pos+1] | 0x20 {
		case 'x':
			radix(16, isHexDigit, featNone, "a hexadecimal")
		case 'b':
			radix(2, func(c byte) bool { return c == '0' || c == '1' }, featBinary, "a binary")
		case 'o':
			radix(8, func(c byte) bool { return '0' <= c && c <= '7' }, featOctal, "an octal")
		default:
			if isDigit(src[s.pos+1]) {
				s.legacyOctal(&t)
			}
		}
		if s.diag != nil {
			return
		}
	}
	if s.pos == start {
		intPart, sep1 := digits(isDigit)
		frac, sep2 := "", false
		if s.pos < len(src) && src[s.pos] == '.' {
			s.pos++
			frac, sep2 = digits(isDigit)
		}
		exp, sep3 := "", false
		if s.pos < len(src) && src[s.pos]|0x20 == 'e' {
			save := s.pos
			s.pos++
			if s.pos < len(src) && (src[s.pos] == '+' || src[s.pos] == '-') {
				s.pos++
			}
			sign := src[save+1 : s.pos]
			var d string
			d, sep3 = digits(isDigit)
			if d == "" {
				s.fail(start, s.pos, CodeBadToken, "an exponent needs digits after 'e'")
				return
			}
			exp = "e" + sign + d
		}
		if sep1 || sep2 || sep3 {
			t.feat = featSeparator
		}
		t.num, _ = strconv.ParseFloat(intPart+"."+frac+exp+zeroIfEmpty(intPart+frac), 64)
		if intPart == "" && frac == "" {
			t.num, _ = strconv.ParseFloat("0"+exp, 64)
		}
	}
	if s.pos < len(src) && src[s.pos] == 'n' && t.flags&flagLegacyOctal == 0 {
		s.pos++
		t.feat = featBigInt
	}
	if s.pos < len(src) {
		r, _ := utf8.DecodeRuneInString(src[s.pos:])
		if isIDStart(r) || r == '\\' || isDigit(src[s.pos]) {
			s.fail(start, s.pos+1, CodeBadToken, "a number cannot be followed directly by a name or digit")
			return
		}
	}
	s.emit(t)
}

func zeroIfEmpty(s string) string {
	if s == "" {
		return "0"
	}
	return ""
}

// legacyOctal reads 017, an octal literal accepted only outside strict code
// (§B.1.1). 08 and 019 are not ES5 numbers at all.
func (s *scanner) legacyOctal(t *token) {
	from := s.pos
	octal := true
	for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
		if s.src[s.pos] > '7' {
			octal = false
		}
		s.pos++
	}
	if !octal {
		s.fail(from, s.pos, CodeBadToken, "'"+s.src[from:s.pos]+"' is not an ES5 number: a leading 0 starts an octal literal, whose digits are 0-7")
		return
	}
	t.flags |= flagLegacyOctal
	t.num = parseRadix(s.src[from+1:s.pos], 8)
}

func parseRadix(digits string, base int) float64 {
	v := 0.0
	for i := 0; i < len(digits); i++ {
		d, _ := strconv.ParseUint(digits[i:i+1], 16, 8)
		v = v*float64(base) + float64(d)
	}
	if math.IsInf(v, 0) {
		return math.Inf(1)
	}
	return v
}

// regexp reads /body/flags (§7.8.5). A '/' inside a class [...] does not
// end the body, so /[/ is unterminated, as ES5 says.
func (s *scanner) regexp() {
	start := s.pos
	s.pos++
	inClass := false
	for {
		r, ok := s.regexpChar(start, inClass)
		if !ok {
			return
		}
		switch r {
		case '\\':
			if _, ok := s.regexpChar(start, inClass); !ok {
				return
			}
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				body := s.src[start+1 : s.pos-1]
				for s.pos < len(s.src) {
					r, n := utf8.DecodeRuneInString(s.src[s.pos:])
					if !isIDPart(r) && r != '\\' {
						break
					}
					s.pos += n
				}
				s.emit(token{kind: tokRegexp, start: start, value: body})
				return
			}
		}
	}
}

// regexpChar reads the next character of a regular expression that
// starts at start, escaped or not; the end of the line or of the source
// comes before the closing '/' and is an error.
func (s *scanner) regexpChar(start int, inClass bool) (rune, bool) {
	if s.pos < len(s.src) {
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		if !isLineTerminator(r) {
			s.pos += n
			return r, true
		}
	}
	s.failRegexp(start, inClass)
	return 0, false
}

func (s *scanner) failRegexp(start int, inClass bool) {
	msg := "unterminated regular expression: missing closing '/'"
	if inClass {
		msg = "unterminated regular expression: a '[' class is not closed by ']' (a '/' inside [...] does not end the expression)"
	}
	s.fail(start, s.pos, CodeBadToken, msg)
}

// template reads a template literal just far enough to report it as
// ES2015: to the closing backtick, skipping escapes and ${…} parts.
func (s *scanner) template() {
	start := s.pos
	s.pos++
	depth := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.pos++
		case c == '$' && s.pos+1 < len(s.src) && s.src[s.pos+1] == '{':
			depth++
			s.pos++
		case c == '}' && depth > 0:
			depth--
		case c == '`' && depth == 0:
			s.pos++
			s.emit(token{kind: tokTemplate, start: start, feat: featTemplate})
			return
		}
		s.pos++
	}
	s.pos = len(s.src)
	s.emit(token{kind: tokTemplate, start: start, feat: featTemplate})
}
