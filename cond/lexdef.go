package cond

import (
	"io"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Token types the grammar refers to by name. Punctuators that are only
// binary operators (BinOp) or only assignment operators (AssignOp) get their
// own types so the grammar can match a whole class at once; the 'in' of a
// for-in head is ForIn so it is not read as the relational operator.
const (
	ttIdent lexer.TokenType = -(iota + 2)
	ttKeyword
	ttPunct
	ttBinOp
	ttAssignOp
	ttNumber
	ttString
	ttRegexp
	ttTemplate
	ttForIn
)

var symbols = map[string]lexer.TokenType{
	"EOF": lexer.EOF, "Ident": ttIdent, "Keyword": ttKeyword, "Punct": ttPunct,
	"BinOp": ttBinOp, "AssignOp": ttAssignOp, "Number": ttNumber, "String": ttString,
	"Regexp": ttRegexp, "Template": ttTemplate, "ForIn": ttForIn,
}

// binOnly are the punctuators that can only be binary operators ('+' and
// '-' are also unary, so the grammar names them separately).
var binOnly = map[string]bool{
	"||": true, "&&": true, "|": true, "^": true, "&": true, "==": true, "!=": true,
	"===": true, "!==": true, "<": true, ">": true, "<=": true, ">=": true,
	"<<": true, ">>": true, ">>>": true, "*": true, "/": true, "%": true,
}

// Lexer is the hand-written ES5.1 lexer as a participle lexer.Definition.
// It yields the tokens the grammar sees: no comments or white space, with
// the semicolons of restricted productions already inserted. Lexing and
// bracket errors come back as participle errors at their position.
type Lexer struct{}

var _ lexer.StringDefinition = Lexer{}

// Symbols implements lexer.Definition.
func (Lexer) Symbols() map[string]lexer.TokenType {
	out := make(map[string]lexer.TokenType, len(symbols))
	for k, v := range symbols {
		out[k] = v
	}
	return out
}

// Lex implements lexer.Definition.
func (d Lexer) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	var b strings.Builder
	if _, err := io.Copy(&b, r); err != nil {
		return nil, err
	}
	return d.LexString(filename, b.String())
}

// LexString implements lexer.StringDefinition.
func (Lexer) LexString(filename, src string) (lexer.Lexer, error) {
	toks, diag := lex(src, false)
	if diag == nil {
		var diags []Diagnostic
		toks, diags = prepare(src, toks, 0, false)
		diag = firstError(diags)
	}
	if diag != nil {
		line, col := LineCol(src, diag.Span.Start)
		return nil, participle.Errorf(lexer.Position{Filename: filename, Offset: diag.Span.Start, Line: line, Column: col}, "%s", diag.Message)
	}
	return newTokenStream(filename, src, toks, true), nil
}

// tokenStream replays prepared tokens to participle, converting each one as
// participle asks for it: lexer.Upgrade copies them into a slice of its
// own, so a converted slice here would only be a second copy. Positions
// carry the byte offset, from which the parser finds its own tokens again;
// line and column are only needed for participle's own messages
// (withLines).
type tokenStream struct {
	filename, src string
	toks          []token
	withLines     bool
	i             int
	line, col     int // of the token before toks[i] …
	last          int // … which starts at this offset
}

func newTokenStream(filename, src string, toks []token, withLines bool) *tokenStream {
	return &tokenStream{filename: filename, src: src, toks: toks, withLines: withLines, line: 1, col: 1}
}

func (s *tokenStream) Next() (lexer.Token, error) {
	t := &s.toks[s.i]
	if s.i < len(s.toks)-1 {
		s.i++
	}
	if s.withLines {
		l, c := LineCol(s.src[s.last:t.start], t.start-s.last)
		if l > 1 {
			s.line, s.col = s.line+l-1, c
		} else {
			s.col += c - 1
		}
		s.last = t.start
	}
	pos := lexer.Position{Filename: s.filename, Offset: t.start, Line: s.line, Column: s.col}
	return lexer.Token{Type: participleType(t), Value: t.text, Pos: pos}, nil
}

func participleType(t *token) lexer.TokenType {
	switch t.kind {
	case tokEOF:
		return lexer.EOF
	case tokIdent:
		return ttIdent
	case tokKeyword:
		if t.flags&flagForIn != 0 {
			return ttForIn
		}
		return ttKeyword
	case tokNumber:
		return ttNumber
	case tokString:
		return ttString
	case tokRegexp:
		return ttRegexp
	case tokTemplate:
		return ttTemplate
	}
	switch {
	case binOnly[t.text]:
		return ttBinOp
	case t.text == "=" || len(t.text) >= 2 && t.text[len(t.text)-1] == '=' && assignOps[t.text] != 0:
		return ttAssignOp
	}
	return ttPunct
}
