package cond

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// fastExpr is a hand-written participle production for the shapes
// conditions are made of: names, literals, member, index and call chains,
// array literals, parentheses, and prefix, postfix, binary, ?: and
// assignment operators. participle copies its parse state for every
// alternative and repetition it tries, which made it spend about 80% of
// the time of a condition's parse; this reads the same tokens in one pass
// with one token of lookahead.
//
// It fills the same structs, with the same positions, as the grammar
// (TestFastExprMatchesGrammar checks this over the differential corpus), so
// the builder does not know which one ran. On anything else — function
// expressions, object literals, a syntax error — it returns
// participle.NextMatch and the grammar alternative parses the text: the
// language and every diagnostic stay defined by the grammar alone.
type fastExpr struct{ X *gExpr }

// Parse implements participle.Parseable. It succeeds only if it reads the
// whole input.
func (f *fastExpr) Parse(lex *lexer.PeekingLexer) error {
	r := fastReader{lex: lex}
	x := r.expr()
	if r.failed || !lex.Peek().EOF() {
		return participle.NextMatch
	}
	f.X = x
	return nil
}

// fastReader is the state of one fastExpr parse. After a failure the
// methods return what they have; the caller discards it.
type fastReader struct {
	lex    *lexer.PeekingLexer
	failed bool
}

// pos and end give a struct's Pos and EndPos the way participle does: the
// next token before it, the next token after it.
func (r *fastReader) pos() lexer.Position { return r.lex.Peek().Pos }
func (r *fastReader) end() lexer.Position { return r.lex.RawPeek().Pos }

// class consumes the next token if it is in a class.
func (r *fastReader) class(in func(*lexer.Token) bool) (classTok, bool) {
	if r.failed || !in(r.lex.Peek()) {
		return classTok{}, false
	}
	return classTok{*r.lex.Next()}, true
}

// accept consumes the punctuator p if it is next.
func (r *fastReader) accept(p string) bool {
	if r.failed || !isPunct(r.lex.Peek(), p) {
		return false
	}
	r.lex.Next()
	return true
}

func (r *fastReader) expect(p string) {
	if !r.accept(p) {
		r.failed = true
	}
}

// expr is gExpr: assignments separated by ','.
func (r *fastReader) expr() *gExpr {
	g := &gExpr{Pos: r.pos()}
	g.List = append(g.List, r.assign())
	for r.accept(",") {
		g.List = append(g.List, r.assign())
	}
	g.EndPos = r.end()
	return g
}

func (r *fastReader) assign() *gAssign {
	g := &gAssign{Test: r.binary()}
	switch {
	case r.accept("?"):
		g.Then = r.assign()
		r.expect(":")
		g.Else = r.assign()
	case !r.failed && r.lex.Peek().Type == ttAssignOp:
		g.Op = *r.lex.Next()
		g.Value = r.assign()
	}
	return g
}

func (r *fastReader) binary() *gBinary {
	g := &gBinary{Head: r.unary()}
	for {
		op, ok := r.class(isBinOp)
		if !ok {
			return g
		}
		g.Tail = append(g.Tail, &gBinTail{Op: binOpTok{op}, Right: r.unary()})
	}
}

func (r *fastReader) unary() *gUnary {
	g := &gUnary{}
	for {
		op, ok := r.class(isPrefixOp)
		if !ok {
			break
		}
		g.Ops = append(g.Ops, prefixOpTok{op})
	}
	g.Primary = r.primary()
	for s := r.suffix(); s != nil; s = r.suffix() {
		g.Suffixes = append(g.Suffixes, s)
	}
	if op, ok := r.class(isPostfixOp); ok {
		g.Postfix = &postfixOpTok{op}
	}
	return g
}

func (r *fastReader) primary() *gPrimary {
	g := &gPrimary{Pos: r.pos()}
	if lit, ok := r.class(isLiteral); ok {
		g.Lit = &literalTok{lit}
	} else if r.accept("(") {
		g.Paren = r.expr()
		r.expect(")")
	} else if r.accept("[") {
		g.Array = r.array()
	} else {
		r.failed = true
	}
	g.EndPos = r.end()
	return g
}

// array reads the elements after '[': each ',' is an item of its own, as
// in the grammar.
func (r *fastReader) array() *gArray {
	g := &gArray{}
	for !r.failed && !r.accept("]") {
		it := &gArrayItem{}
		if r.accept(",") {
			it.Comma = true
		} else {
			it.Value = r.assign()
		}
		g.Items = append(g.Items, it)
	}
	return g
}

// suffix reads .name, [index] or (arguments); it returns nil if none is
// next.
func (r *fastReader) suffix() *gSuffix {
	g := &gSuffix{Pos: r.pos()}
	switch {
	case r.accept("."):
		name, ok := r.class(isName)
		r.failed = r.failed || !ok
		g.Dot = &gIdentName{nameTok{name}}
	case r.accept("["):
		g.Index = r.expr()
		r.expect("]")
	case r.accept("("):
		g.Args = r.args()
	default:
		return nil
	}
	g.EndPos = r.end()
	return g
}

// args reads the arguments after '('.
func (r *fastReader) args() *gArgs {
	g := &gArgs{}
	if r.accept(")") {
		return g
	}
	g.List = append(g.List, r.assign())
	for r.accept(",") {
		g.List = append(g.List, r.assign())
	}
	r.expect(")")
	return g
}
