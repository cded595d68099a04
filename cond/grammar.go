package cond

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The participle grammar of ES5.1 (ECMA-262 5.1 §11–§14). It is kept flat
// where the standard nests: binary operators are one chain resolved by the
// precedence table afterwards (ops.go), prefix operators, 'new' and member
// suffixes are lists, so that participle recurses only for brackets,
// ?: and nested statements — exactly what prepare counts against MaxDepth.
// build.go turns these structs into the AST with real spans.

type gProgram struct {
	Body []*gStmt `parser:"@@*"`
}

// gExprRoot is a condition. fastExpr reads the common shapes quickly; the
// grammar reads everything else and reports every syntax error.
type gExprRoot struct {
	Fast *fastExpr `parser:"  @@"`
	X    *gExpr    `parser:"| @@"`
}

// expr is the parsed expression, whichever alternative read it.
func (g *gExprRoot) expr() *gExpr {
	if g.Fast != nil {
		return g.Fast.X
	}
	return g.X
}

type gStmt struct {
	Pos, EndPos lexer.Position
	Block       *gBlock    `parser:"  @@"`
	Var         *gVar      `parser:"| @@"`
	Empty       bool       `parser:"| @';'"`
	If          *gIf       `parser:"| @@"`
	Do          *gDo       `parser:"| @@"`
	While       *gWhile    `parser:"| @@"`
	For         *gFor      `parser:"| @@"`
	Jump        *gJump     `parser:"| @@"`
	Return      *gReturn   `parser:"| @@"`
	With        *gWith     `parser:"| @@"`
	Switch      *gSwitch   `parser:"| @@"`
	Throw       *gThrow    `parser:"| @@"`
	Try         *gTry      `parser:"| @@"`
	Debugger    *gDebugger `parser:"| @@"`
	Func        *gFuncDecl `parser:"| @@"`
	Labelled    *gLabelled `parser:"| @@"`
	Expr        *gExprStmt `parser:"| @@"`
}

type gBlock struct {
	Pos, EndPos lexer.Position
	Body        []*gStmt `parser:"'{' @@* '}'"`
}

type gVar struct {
	Pos, EndPos lexer.Position
	List        []*gVarDecl `parser:"'var' @@ (',' @@)*"`
	Semi        bool        `parser:"@';'?"`
}

// gForVar is the var list of a for head, whose ';' belongs to the for.
type gForVar struct {
	Pos, EndPos lexer.Position
	List        []*gVarDecl `parser:"'var' @@ (',' @@)*"`
}

type gVarDecl struct {
	Pos, EndPos lexer.Position
	Name        *gIdent  `parser:"@@"`
	Init        *gAssign `parser:"('=' @@)?"`
}

type gIf struct {
	Test *gExpr `parser:"'if' '(' @@ ')'"`
	Then *gStmt `parser:"@@"`
	Else *gStmt `parser:"('else' @@)?"`
}

type gDo struct {
	Body *gStmt `parser:"'do' @@"`
	Test *gExpr `parser:"'while' '(' @@ ')'"`
	Semi bool   `parser:"@';'?"`
}

type gWhile struct {
	Test *gExpr `parser:"'while' '(' @@ ')'"`
	Body *gStmt `parser:"@@"`
}

type gFor struct {
	Var    *gForVar `parser:"'for' '(' ( @@"`
	Init   *gExpr   `parser:"          | @@ )?"`
	In     bool     `parser:"( @ForIn"`
	Right  *gExpr   `parser:"  @@"`
	Test   *gExpr   `parser:"| ';' @@?"`
	Update *gExpr   `parser:"  ';' @@? )"`
	Body   *gStmt   `parser:"')' @@"`
}

type gJump struct {
	Kind  string  `parser:"@('break' | 'continue')"`
	Label *gIdent `parser:"@@?"`
	Semi  bool    `parser:"@';'?"`
}

type gReturn struct {
	X    *gExpr `parser:"'return' @@?"`
	Semi bool   `parser:"@';'?"`
}

type gWith struct {
	Object *gExpr `parser:"'with' '(' @@ ')'"`
	Body   *gStmt `parser:"@@"`
}

type gSwitch struct {
	Disc  *gExpr   `parser:"'switch' '(' @@ ')' '{'"`
	Cases []*gCase `parser:"@@* '}'"`
}

type gCase struct {
	Pos, EndPos lexer.Position
	Default     bool     `parser:"( @'default'"`
	Test        *gExpr   `parser:"| 'case' @@ ) ':'"`
	Body        []*gStmt `parser:"@@*"`
}

type gThrow struct {
	X    *gExpr `parser:"'throw' @@"`
	Semi bool   `parser:"@';'?"`
}

type gTry struct {
	Block   *gBlock `parser:"'try' @@"`
	Param   *gIdent `parser:"( 'catch' '(' @@ ')'"`
	Catch   *gBlock `parser:"  @@ )?"`
	Finally *gBlock `parser:"( 'finally' @@ )?"`
}

type gDebugger struct {
	Keyword bool `parser:"@'debugger'"`
	Semi    bool `parser:"@';'?"`
}

type gFuncDecl struct {
	Name *gIdent    `parser:"'function' @@"`
	Tail *gFuncTail `parser:"@@"`
}

type gLabelled struct {
	Label *gIdent `parser:"@@ ':'"`
	Body  *gStmt  `parser:"@@"`
}

// gExprStmt is an ExpressionStatement, which cannot start with '{' (§12.4):
// there a '{' always opens a block, so {'b': 1} is a block that fails at
// ':', not an object literal.
type gExprStmt struct {
	X    *gExpr `parser:"(?! '{') @@"`
	Semi bool   `parser:"@';'?"`
}

// ---- Expressions ----

type gExpr struct {
	Pos, EndPos lexer.Position
	List        []*gAssign `parser:"@@ (',' @@)*"`
}

// gAssign is an AssignmentExpression: a binary chain, then either ?: or an
// assignment (one level of structs for both keeps parsing fast).
type gAssign struct {
	Test  *gBinary    `parser:"@@"`
	Then  *gAssign    `parser:"( '?' @@"`
	Else  *gAssign    `parser:"  ':' @@"`
	Op    lexer.Token `parser:"| @AssignOp"`
	Value *gAssign    `parser:"  @@ )?"`
}

type gBinary struct {
	Head *gUnary     `parser:"@@"`
	Tail []*gBinTail `parser:"@@*"`
}

type gBinTail struct {
	Op    binOpTok `parser:"@@"`
	Right *gUnary  `parser:"@@"`
}

// gUnary is one operand: prefix operators (including 'new'), a primary
// expression, member/call suffixes and a postfix operator.
type gUnary struct {
	Ops      []prefixOpTok `parser:"@@*"`
	Primary  *gPrimary     `parser:"@@"`
	Suffixes []*gSuffix    `parser:"@@*"`
	Postfix  *postfixOpTok `parser:"@@?"`
}

type gSuffix struct {
	Pos, EndPos lexer.Position
	Dot         *gIdentName `parser:"  '.' @@"`
	Index       *gExpr      `parser:"| '[' @@ ']'"`
	Args        *gArgs      `parser:"| @@"`
}

type gIdentName struct {
	Name nameTok `parser:"@@"`
}

type gArgs struct {
	List []*gAssign `parser:"'(' (@@ (',' @@)*)? ')'"`
}

type gPrimary struct {
	Pos, EndPos lexer.Position
	Lit         *literalTok `parser:"  @@"`
	Paren       *gExpr      `parser:"| '(' @@ ')'"`
	Array       *gArray     `parser:"| @@"`
	Object      *gObject    `parser:"| @@"`
	Func        *gFuncExpr  `parser:"| @@"`
}

type gArray struct {
	Items []*gArrayItem `parser:"'[' @@* ']'"`
}

type gArrayItem struct {
	Comma bool     `parser:"  @','"`
	Value *gAssign `parser:"| @@"`
}

type gObject struct {
	Props []*gProp `parser:"'{' (@@ (',' @@)* ','?)? '}'"`
}

type gProp struct {
	Pos, EndPos lexer.Position
	Accessor    *gAccessor `parser:"  @@"`
	Key         *gPropKey  `parser:"| @@"`
	Value       *gAssign   `parser:"  ( ':' @@"`
	Method      *gFuncTail `parser:"  | @@ )?"`
}

type gAccessor struct {
	Kind string     `parser:"@('get' | 'set')"`
	Key  *gPropKey  `parser:"@@"`
	Func *gFuncTail `parser:"@@"`
}

type gPropKey struct {
	Pos, EndPos lexer.Position
	Key         *keyTok  `parser:"  @@"`
	Computed    *gAssign `parser:"| '[' @@ ']'"`
}

type gFuncExpr struct {
	Name *gIdent    `parser:"'function' @@?"`
	Tail *gFuncTail `parser:"@@"`
}

type gFuncTail struct {
	Pos, EndPos lexer.Position
	Params      []*gIdent `parser:"'(' (@@ (',' @@)*)? ')'"`
	Body        []*gStmt  `parser:"'{' @@* '}'"`
}

type gIdent struct {
	Tok lexer.Token `parser:"@Ident"`
}

// grammars builds the two parsers once; participle parsers are safe for
// concurrent use.
var grammars = sync.OnceValue(func() grammarSet {
	opts := grammarOptions()
	return grammarSet{
		expr:    participle.MustBuild[gExprRoot](opts...),
		program: participle.MustBuild[gProgram](opts...),
	}
})

func grammarOptions() []participle.Option {
	return []participle.Option{participle.Lexer(Lexer{}), participle.UseLookahead(2)}
}

type grammarSet struct {
	expr    *participle.Parser[gExprRoot]
	program *participle.Parser[gProgram]
}
