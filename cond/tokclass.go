package cond

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Token classes let the grammar match a whole class of tokens (every binary
// operator, every literal…) with one look at the next token. Written as
// participle disjunctions of literals, each alternative would be tried in
// its own branch, which made parsing several times slower.

// classTok is the token a class matched.
type classTok struct{ Tok lexer.Token }

func (c *classTok) match(lex *lexer.PeekingLexer, ok func(*lexer.Token) bool) error {
	t := lex.Peek()
	if !ok(t) {
		return participle.NextMatch
	}
	c.Tok = *lex.Next()
	return nil
}

func isWord(t *lexer.Token, words ...string) bool {
	if t.Type != ttKeyword {
		return false
	}
	for _, w := range words {
		if t.Value == w {
			return true
		}
	}
	return false
}

func isPunct(t *lexer.Token, ps ...string) bool {
	if t.Type != ttPunct {
		return false
	}
	for _, p := range ps {
		if t.Value == p {
			return true
		}
	}
	return false
}

// The token classes as predicates, shared by the Parse methods below and
// by the hand-written fast path (fastexpr.go).

// isBinOp is any binary operator, including && and || (not the 'in' of a
// for-in head, which has its own token type).
func isBinOp(t *lexer.Token) bool {
	return t.Type == ttBinOp || isPunct(t, "+", "-") || isWord(t, "in", "instanceof")
}

// isPrefixOp is a prefix operator or 'new'.
func isPrefixOp(t *lexer.Token) bool {
	return isPunct(t, "!", "~", "+", "-", "++", "--") || isWord(t, "typeof", "void", "delete", "new")
}

// isPostfixOp is ++ or --.
func isPostfixOp(t *lexer.Token) bool { return isPunct(t, "++", "--") }

// isLiteral is a one-token primary expression: a name, this, null, a
// boolean, number, string or regexp literal.
func isLiteral(t *lexer.Token) bool {
	switch t.Type {
	case ttIdent, ttNumber, ttString, ttRegexp:
		return true
	}
	return isWord(t, "this", "null", "true", "false")
}

// isName is an IdentifierName: a name or a reserved word (after '.').
func isName(t *lexer.Token) bool { return t.Type == ttIdent || t.Type == ttKeyword }

// isKey is an object literal key: a name, reserved word, string or number.
func isKey(t *lexer.Token) bool {
	switch t.Type {
	case ttIdent, ttKeyword, ttString, ttNumber:
		return true
	}
	return false
}

type (
	binOpTok     struct{ classTok }
	prefixOpTok  struct{ classTok }
	postfixOpTok struct{ classTok }
	literalTok   struct{ classTok }
	nameTok      struct{ classTok }
	keyTok       struct{ classTok }
)

func (c *binOpTok) Parse(lex *lexer.PeekingLexer) error     { return c.match(lex, isBinOp) }
func (c *prefixOpTok) Parse(lex *lexer.PeekingLexer) error  { return c.match(lex, isPrefixOp) }
func (c *postfixOpTok) Parse(lex *lexer.PeekingLexer) error { return c.match(lex, isPostfixOp) }
func (c *literalTok) Parse(lex *lexer.PeekingLexer) error   { return c.match(lex, isLiteral) }
func (c *nameTok) Parse(lex *lexer.PeekingLexer) error      { return c.match(lex, isName) }
func (c *keyTok) Parse(lex *lexer.PeekingLexer) error       { return c.match(lex, isKey) }
