package cond

import (
	"fmt"
	"sort"

	"github.com/alecthomas/participle/v2/lexer"
)

// builder turns the participle structs into the AST. On the way it gives
// every node its real span (participle's EndPos is where the next token
// starts), resolves operator precedence and 'new' arguments, and reports
// what the grammar cannot express: early errors (§16), strict mode rules
// (Annex C), missing semicolons (§7.9) and post-ES5 object literal forms.
type builder struct {
	src    string
	toks   []token // prepared tokens, ending with EOF
	diags  []Diagnostic
	fn     *funcCtx
	strict bool
}

// funcCtx is what break, continue and return need to know about the
// function (or top level) being built.
type funcCtx struct {
	inFunction bool
	labels     []label
	breakable  int // enclosing loops and switches
	loops      int // enclosing loops
}

type label struct {
	name string
	loop bool
}

func (b *builder) report(code string, s Span, format string, args ...any) {
	b.diags = append(b.diags, Diagnostic{Code: code, Severity: SeverityError, Span: s, Message: fmt.Sprintf(format, args...)})
}

// feature reports a post-ES5 construct the grammar accepted.
func (b *builder) feature(f feature, s Span) { b.diags = append(b.diags, featureDiag(f, s, false)) }

func (b *builder) reportFix(code string, s Span, fix, format string, args ...any) {
	b.report(code, s, format, args...)
	b.diags[len(b.diags)-1].Suggestion = fix
}

// index finds the token starting at offset.
func (b *builder) index(offset int) int {
	return sort.Search(len(b.toks), func(i int) bool { return b.toks[i].start >= offset })
}

func (b *builder) tok(t lexer.Token) *token { return &b.toks[b.index(t.Pos.Offset)] }

// span is the real span of a struct parsed from pos to end.
func (b *builder) span(pos, end lexer.Position) Span {
	i := b.index(end.Offset)
	if i == 0 {
		return Span{pos.Offset, pos.Offset}
	}
	return Span{pos.Offset, b.toks[i-1].end}
}

func join(a, c Node) Span { return Span{a.Span().Start, c.Span().End} }

// semicolon checks automatic semicolon insertion where a statement ended
// without ';': the next token must be '}', the end, or on a new line.
func (b *builder) semicolon(has bool, end lexer.Position) {
	if has {
		return
	}
	t := &b.toks[b.index(end.Offset)]
	if t.kind == tokEOF || t.nl || t.is("}") {
		return
	}
	b.reportFix(CodeMissingSemi, t.span(), "insert ';' or a line break before it",
		"missing ';' before %s: statements on one line must be separated by ';'", t.describe())
}

// ---- Programs and statements ----

// body builds a function or program body, honouring a "use strict"
// directive prologue (§14.1).
func (b *builder) body(stmts []*gStmt) ([]Node, bool) {
	strict := b.strict
	for _, s := range stmts {
		raw, ok := stringDirective(s)
		if !ok {
			break
		}
		if raw == "'use strict'" || raw == `"use strict"` {
			strict = true
		}
	}
	saved := b.strict
	b.strict = strict
	out := b.stmts(stmts)
	b.strict = saved
	return out, strict
}

// stringDirective returns the raw string of a statement that is only a string
// literal.
func stringDirective(s *gStmt) (string, bool) {
	if s.Expr == nil || len(s.Expr.X.List) != 1 {
		return "", false
	}
	a := s.Expr.X.List[0]
	if a.Value != nil || a.Then != nil || len(a.Test.Tail) > 0 {
		return "", false
	}
	u := a.Test.Head
	if len(u.Ops) > 0 || u.Postfix != nil || len(u.Suffixes) > 0 {
		return "", false
	}
	if l := u.Primary.Lit; l != nil && l.Tok.Type == ttString {
		return l.Tok.Value, true
	}
	return "", false
}

func (b *builder) stmts(gs []*gStmt) []Node {
	out := make([]Node, 0, len(gs))
	for _, g := range gs {
		if n := b.stmt(g); n != nil {
			out = append(out, n)
		}
	}
	return out
}

func (b *builder) block(g *gBlock) *Block {
	if g == nil {
		return nil
	}
	if b.strict {
		for _, s := range g.Body {
			if s.Func != nil {
				b.report(CodeStrict, b.span(s.Pos, s.EndPos), "function declarations inside blocks are not allowed in strict mode code; use var f = function () {…}")
			}
		}
	}
	return &Block{At{b.span(g.Pos, g.EndPos)}, b.stmts(g.Body)}
}

// sub builds the body of if, else, a loop, with or a label, where ES5
// allows a statement but not a function declaration (§12).
func (b *builder) sub(g *gStmt) Node {
	if g.Func != nil {
		b.reportFix(CodeSyntax, b.span(g.Pos, g.EndPos), "wrap it in a block { … } or assign a function expression",
			"a function declaration cannot be the body of if, else, a loop, with or a label")
	}
	return b.stmt(g)
}

// stmt builds one statement; it returns nil for a semicolon that automatic
// insertion added.
func (b *builder) stmt(g *gStmt) Node {
	at := At{b.span(g.Pos, g.EndPos)}
	switch {
	case g.Block != nil:
		return b.block(g.Block)
	case g.Var != nil:
		b.semicolon(g.Var.Semi, g.EndPos)
		return b.varDecl(g.Var.List, at)
	case g.Empty:
		if b.toks[b.index(g.Pos.Offset)].flags&flagVirtual != 0 {
			return nil
		}
		return &Empty{at}
	case g.If != nil:
		n := &If{At: at, Test: b.expr(g.If.Test), Then: b.sub(g.If.Then)}
		if g.If.Else != nil {
			n.Else = b.sub(g.If.Else)
		}
		return n
	case g.Do != nil:
		b.semicolon(g.Do.Semi, g.EndPos)
		n := &DoWhile{At: at}
		b.loop(func() { n.Body = b.sub(g.Do.Body) })
		n.Test = b.expr(g.Do.Test)
		return n
	case g.While != nil:
		n := &While{At: at, Test: b.expr(g.While.Test)}
		b.loop(func() { n.Body = b.sub(g.While.Body) })
		return n
	case g.For != nil:
		return b.forStmt(g.For, at)
	case g.Jump != nil:
		b.semicolon(g.Jump.Semi, g.EndPos)
		return b.jump(g.Jump, at)
	case g.Return != nil:
		b.semicolon(g.Return.Semi, g.EndPos)
		if !b.fn.inFunction {
			b.reportFix(CodeReturnOutside, at.Pos, "write the condition's value itself, e.g. x > 1, or wrap the statements in a function: (function () { …; return x; })()",
				"'return' is only allowed inside a function; a condition is an expression, not a function body")
		}
		n := &Return{At: at}
		if g.Return.X != nil {
			n.Value = b.expr(g.Return.X)
		}
		return n
	case g.With != nil:
		if b.strict {
			b.report(CodeStrict, at.Pos, "'with' is not allowed in strict mode code")
		}
		return &With{At: at, Object: b.expr(g.With.Object), Body: b.sub(g.With.Body)}
	case g.Switch != nil:
		return b.switchStmt(g.Switch, at)
	case g.Throw != nil:
		b.semicolon(g.Throw.Semi, g.EndPos)
		return &Throw{At: at, Value: b.expr(g.Throw.X)}
	case g.Try != nil:
		return b.tryStmt(g.Try, at)
	case g.Debugger != nil:
		b.semicolon(g.Debugger.Semi, g.EndPos)
		return &Debugger{at}
	case g.Func != nil:
		fs := Span{at.Pos.Start, b.span(g.Func.Tail.Pos, g.Func.Tail.EndPos).End}
		return &FuncDecl{at, b.function(g.Func.Name, g.Func.Tail, fs)}
	case g.Labelled != nil:
		return b.labelled(g.Labelled, at)
	case g.Expr != nil:
		b.semicolon(g.Expr.Semi, g.EndPos)
		if t := b.toks[b.index(g.Pos.Offset)]; t.is("function") {
			b.reportFix(CodeSyntax, t.span(), "to call a function expression at once, wrap it in parentheses: (function () {…})()",
				"a function declaration needs a name")
		}
		return &ExprStmt{at, b.expr(g.Expr.X)}
	}
	return &Empty{at}
}

func (b *builder) varDecl(list []*gVarDecl, at At) *VarDecl {
	n := &VarDecl{At: at}
	for _, d := range list {
		v := &VarDeclarator{At: At{b.span(d.Pos, d.EndPos)}, Name: b.binding(d.Name, "declare")}
		if d.Init != nil {
			v.Init = b.assign(d.Init)
		}
		n.List = append(n.List, v)
	}
	return n
}

// binding builds a declared name and checks strict mode rules for it.
func (b *builder) binding(g *gIdent, what string) *Ident {
	id := b.ident(g.Tok)
	b.strictName(id, what)
	return id
}

// strictName refuses eval and arguments as a name that is declared or
// assigned to ("cannot <what> 'eval'") in strict mode code (Annex C).
func (b *builder) strictName(id *Ident, what string) {
	if b.strict && (id.Name == "eval" || id.Name == "arguments") {
		b.report(CodeStrict, id.Pos, "cannot %s '%s' in strict mode code", what, id.Name)
	}
}

func (b *builder) ident(t lexer.Token) *Ident {
	tk := b.tok(t)
	b.checkName(tk)
	return &Ident{At{tk.span()}, tk.value}
}

// checkName reports a name that is reserved: in strict code, or a keyword
// disguised with \u escapes (a.\u0069f is fine; \u0069f alone is not).
func (b *builder) checkName(tk *token) {
	switch {
	case keywords[tk.value]:
		b.report(CodeReservedWord, tk.span(), "'%s' is a reserved word; writing it with escape sequences does not make it a name", tk.value)
	case b.strict && strictReserved[tk.value]:
		b.report(CodeReservedWord, tk.span(), "'%s' is a reserved word in strict mode code", tk.value)
	}
}

func (b *builder) loop(f func()) {
	b.fn.breakable++
	b.fn.loops++
	f()
	b.fn.breakable--
	b.fn.loops--
}

func (b *builder) forStmt(g *gFor, at At) Node {
	var init Node
	if g.Var != nil {
		init = b.varDecl(g.Var.List, At{b.span(g.Var.Pos, g.Var.EndPos)})
	} else if g.Init != nil {
		init = b.expr(g.Init)
	}
	if g.In {
		switch l := init.(type) {
		case *VarDecl:
			if len(l.List) != 1 {
				b.report(CodeSyntax, l.Pos, "a for-in loop declares exactly one variable")
			}
		case nil:
		default:
			b.target(init, "the variable of a for-in loop")
		}
		n := &ForIn{At: at, Left: init, Right: b.expr(g.Right)}
		b.loop(func() { n.Body = b.sub(g.Body) })
		return n
	}
	n := &For{At: at, Init: init}
	if g.Test != nil {
		n.Test = b.expr(g.Test)
	}
	if g.Update != nil {
		n.Update = b.expr(g.Update)
	}
	b.loop(func() { n.Body = b.sub(g.Body) })
	return n
}

func (b *builder) jump(g *gJump, at At) Node {
	var name *Name
	if g.Label != nil {
		t := b.tok(g.Label.Tok)
		name = &Name{At{t.span()}, t.value}
	}
	isBreak := g.Kind == "break"
	switch {
	case name != nil:
		found := false
		for _, l := range b.fn.labels {
			if l.name == name.Name {
				found = true
				if !isBreak && !l.loop {
					b.report(CodeBadJump, name.Pos, "continue can only name the label of a loop; '%s' labels another statement", name.Name)
				}
			}
		}
		if !found {
			b.report(CodeBadJump, name.Pos, "unknown label '%s'", name.Name)
		}
	case isBreak && b.fn.breakable == 0:
		b.report(CodeBadJump, at.Pos, "'break' must be inside a loop or a switch")
	case !isBreak && b.fn.loops == 0:
		b.report(CodeBadJump, at.Pos, "'continue' must be inside a loop")
	}
	if isBreak {
		return &Break{at, name}
	}
	return &Continue{at, name}
}

func (b *builder) switchStmt(g *gSwitch, at At) Node {
	n := &Switch{At: at, Discriminant: b.expr(g.Disc)}
	b.fn.breakable++
	defaults := 0
	for _, c := range g.Cases {
		cn := &Case{At: At{b.span(c.Pos, c.EndPos)}}
		if c.Default {
			if defaults++; defaults == 2 {
				b.report(CodeSyntax, Span{c.Pos.Offset, c.Pos.Offset + len("default")}, "a switch can have only one 'default' clause")
			}
		} else {
			cn.Test = b.expr(c.Test)
		}
		cn.Body = b.stmts(c.Body)
		n.Cases = append(n.Cases, cn)
	}
	b.fn.breakable--
	return n
}

func (b *builder) tryStmt(g *gTry, at At) Node {
	n := &Try{At: at, Block: b.block(g.Block)}
	if g.Param != nil {
		n.Param = b.binding(g.Param, "name a catch parameter")
		n.Catch = b.block(g.Catch)
	}
	n.Finally = b.block(g.Finally)
	if n.Catch == nil && n.Finally == nil {
		b.report(CodeSyntax, Span{at.Pos.Start, at.Pos.Start + len("try")}, "'try' needs a 'catch' or a 'finally' block")
	}
	return n
}

func (b *builder) labelled(g *gLabelled, at At) Node {
	t := b.tok(g.Label.Tok)
	name := &Name{At{t.span()}, t.value}
	for _, l := range b.fn.labels {
		if l.name == name.Name {
			b.report(CodeBadJump, name.Pos, "label '%s' is already declared around this statement", name.Name)
		}
	}
	body := g.Body
	for body.Labelled != nil {
		body = body.Labelled.Body
	}
	isLoop := body.For != nil || body.While != nil || body.Do != nil
	b.fn.labels = append(b.fn.labels, label{name.Name, isLoop})
	n := &Labelled{At: at, Label: name, Body: b.sub(g.Body)}
	b.fn.labels = b.fn.labels[:len(b.fn.labels)-1]
	return n
}

// function builds a function; name may be nil.
func (b *builder) function(name *gIdent, tail *gFuncTail, s Span) *Function {
	savedFn := b.fn
	b.fn = &funcCtx{inFunction: true}
	body, strict := b.body(tail.Body)
	savedStrict := b.strict
	b.strict = strict // the name and parameters follow the body's strictness
	f := &Function{At: At{s}, Body: body, Strict: strict}
	if name != nil {
		f.Name = b.binding(name, "name a function")
	}
	seen := map[string]bool{}
	for _, p := range tail.Params {
		id := b.binding(p, "name a parameter")
		if strict && seen[id.Name] {
			b.report(CodeStrict, id.Pos, "duplicate parameter name '%s' is not allowed in strict mode code", id.Name)
		}
		seen[id.Name] = true
		f.Params = append(f.Params, id)
	}
	b.strict = savedStrict
	b.fn = savedFn
	return f
}

// ---- Expressions ----

func (b *builder) expr(g *gExpr) Node {
	if len(g.List) == 1 {
		return b.assign(g.List[0])
	}
	n := &Sequence{At: At{b.span(g.Pos, g.EndPos)}}
	for _, a := range g.List {
		n.List = append(n.List, b.assign(a))
	}
	return n
}

// assign builds an AssignmentExpression: a ? b : c, or a = b.
func (b *builder) assign(g *gAssign) Node {
	test := b.binary(g.Test)
	switch {
	case g.Then != nil:
		then, els := b.assign(g.Then), b.assign(g.Else)
		return &Conditional{At{join(test, els)}, test, then, els}
	case g.Value != nil:
		op := b.tok(g.Op)
		b.target(test, "the left side of '"+op.text+"'")
		value := b.assign(g.Value)
		return &Assign{At: At{join(test, value)}, Op: assignOps[op.text], OpSpan: op.span(), Target: test, Value: value}
	}
	return test
}

// target checks that n can be assigned to (§11.13, §11.3, §12.6.4).
func (b *builder) target(n Node, what string) {
	switch t := Unparen(n).(type) {
	case *Ident:
		b.strictName(t, "assign to")
		return
	case *Member:
		return
	case *Array, *Object:
		if _, isParen := n.(*Paren); !isParen {
			b.feature(featDestructuring, n.Span())
			return
		}
	}
	b.reportFix(CodeInvalidTarget, n.Span(), "only a variable or a property (a.b, a[b]) can be assigned; to compare, use == or ===",
		"invalid assignment target: %s must be a variable or a property", what)
}

// binary resolves a flat operator chain by precedence climbing over the
// table in ops.go.
func (b *builder) binary(g *gBinary) Node {
	first := b.unary(g.Head)
	if len(g.Tail) == 0 {
		return first
	}
	vals := []Node{first}
	var ops []*token
	reduce := func() {
		op := ops[len(ops)-1]
		x, y := vals[len(vals)-2], vals[len(vals)-1]
		ops, vals = ops[:len(ops)-1], vals[:len(vals)-2]
		info := infixByText[op.text]
		at := At{join(x, y)}
		if info.logical != 0 {
			vals = append(vals, &Logical{at, info.logical, op.span(), x, y})
		} else {
			vals = append(vals, &Binary{at, info.binary, op.span(), x, y})
		}
	}
	for _, t := range g.Tail {
		op := b.tok(t.Op.Tok)
		prec := infixByText[op.text].prec
		for len(ops) > 0 && infixByText[ops[len(ops)-1].text].prec >= prec {
			reduce()
		}
		ops = append(ops, op)
		vals = append(vals, b.unary(t.Right))
	}
	for len(ops) > 0 {
		reduce()
	}
	return vals[0]
}

func (b *builder) unary(g *gUnary) Node {
	// The 'new's right before the operand belong to its member chain; any
	// other operator after a 'new' is misplaced.
	news := len(g.Ops)
	for news > 0 && g.Ops[news-1].Tok.Value == "new" {
		news--
	}
	for i := 0; i < news; i++ {
		if g.Ops[i].Tok.Value == "new" {
			t := b.tok(g.Ops[i+1].Tok)
			b.report(CodeSyntax, t.span(), "unexpected %s after 'new': expected what to construct", t.describe())
			news = i
			break
		}
	}
	x := b.postfix(g, g.Ops[news:])
	for i := news - 1; i >= 0; i-- {
		op := b.tok(g.Ops[i].Tok)
		at := At{Span{op.start, x.Span().End}}
		switch op.text {
		case "++", "--":
			b.target(x, "the operand of '"+op.text+"'")
			x = &Update{at, updateOp(op.text), true, op.span(), x}
		default:
			if op.text == "delete" && b.strict {
				if _, ok := Unparen(x).(*Ident); ok {
					b.report(CodeStrict, at.Pos, "cannot delete a variable in strict mode code")
				}
			}
			x = &Unary{at, unaryOps[op.text], op.span(), x}
		}
	}
	return x
}

func updateOp(text string) UpdateOp {
	if text == "++" {
		return OpInc
	}
	return OpDec
}

func (b *builder) postfix(g *gUnary, news []prefixOpTok) Node {
	x := b.lhs(g, news)
	if g.Postfix == nil {
		return x
	}
	op := b.tok(g.Postfix.Tok)
	b.target(x, "the operand of '"+op.text+"'")
	return &Update{At{Span{x.Span().Start, op.end}}, updateOp(op.text), false, op.span(), x}
}

// lhs builds new/call/member chains. Each argument list binds to the
// innermost pending 'new'; news left over take no arguments (§11.2).
func (b *builder) lhs(g *gUnary, news []prefixOpTok) Node {
	x := b.primary(g.Primary)
	pending := len(news)
	for _, s := range g.Suffixes {
		end := b.span(s.Pos, s.EndPos).End
		switch {
		case s.Dot != nil:
			t := b.tok(s.Dot.Name.Tok)
			x = &Member{At{Span{x.Span().Start, end}}, x, &Name{At{t.span()}, t.value}, false}
		case s.Index != nil:
			x = &Member{At{Span{x.Span().Start, end}}, x, b.expr(s.Index), true}
		default:
			args := b.args(s.Args)
			if pending > 0 {
				pending--
				nt := b.tok(news[pending].Tok)
				x = &New{At{Span{nt.start, end}}, x, args, true}
			} else {
				x = &Call{At{Span{x.Span().Start, end}}, x, args}
			}
		}
	}
	for i := pending - 1; i >= 0; i-- {
		nt := b.tok(news[i].Tok)
		x = &New{At: At{Span{nt.start, x.Span().End}}, Callee: x}
	}
	return x
}

func (b *builder) args(g *gArgs) []Node {
	out := make([]Node, 0, len(g.List))
	for _, a := range g.List {
		out = append(out, b.assign(a))
	}
	return out
}

func (b *builder) primary(g *gPrimary) Node {
	at := At{b.span(g.Pos, g.EndPos)}
	switch {
	case g.Lit != nil:
		return b.literal(b.tok(g.Lit.Tok), at)
	case g.Paren != nil:
		return &Paren{at, b.expr(g.Paren)}
	case g.Array != nil:
		return b.array(g.Array, at)
	case g.Object != nil:
		return b.object(g.Object, at)
	case g.Func != nil:
		return b.function(g.Func.Name, g.Func.Tail, at.Pos)
	}
	return &Null{at}
}

func (b *builder) literal(t *token, at At) Node {
	switch t.kind {
	case tokIdent:
		b.checkName(t)
		return &Ident{at, t.value}
	case tokNumber:
		if b.strict && t.flags&flagLegacyOctal != 0 {
			b.reportFix(CodeStrict, t.span(), "write the number in decimal or hexadecimal (0x…)", "octal literals and numbers with a leading zero are not allowed in strict mode code")
		}
		return &Number{at, t.num, t.text}
	case tokString:
		if b.strict && t.flags&flagOctalEscape != 0 {
			b.reportFix(CodeStrict, t.span(), "use \\x or \\u escapes", "octal escape sequences are not allowed in strict mode code")
		}
		return &String{at, t.value, t.text, t.text[0]}
	case tokRegexp:
		flags := t.text[len(t.value)+2:]
		b.checkRegexp(t, flags)
		return &Regexp{at, t.value, flags}
	}
	switch t.text {
	case "this":
		return &This{at}
	case "null":
		return &Null{at}
	}
	return &Bool{at, t.text == "true"}
}

func (b *builder) array(g *gArray, at At) Node {
	n := &Array{At: at}
	expectValue := true
	for _, it := range g.Items {
		if it.Comma {
			if expectValue {
				n.Elements = append(n.Elements, nil)
			}
			expectValue = true
			continue
		}
		v := b.assign(it.Value)
		if !expectValue {
			b.report(CodeSyntax, v.Span(), "missing ',' between array elements")
		}
		n.Elements = append(n.Elements, v)
		expectValue = false
	}
	return n
}

// propKinds tracks, per key, which kinds of definition an object literal
// has seen (§11.1.5).
type propKinds struct{ data, get, set bool }

func (b *builder) object(g *gObject, at At) Node {
	n := &Object{At: at}
	seen := map[string]*propKinds{}
	for _, gp := range g.Props {
		p := &Property{At: At{b.span(gp.Pos, gp.EndPos)}}
		switch {
		case gp.Accessor != nil:
			a := gp.Accessor
			p.Key = b.propKey(a.Key)
			p.Kind = PropGet
			fs := b.span(a.Func.Pos, a.Func.EndPos)
			f := b.function(nil, a.Func, Span{p.Key.Span().Start, fs.End})
			if a.Kind == "set" {
				p.Kind = PropSet
				if len(f.Params) != 1 {
					b.report(CodeSyntax, fs, "a setter takes exactly one parameter")
				}
			} else if len(f.Params) != 0 {
				b.report(CodeSyntax, fs, "a getter takes no parameters")
			}
			p.Value = f
		case gp.Value != nil:
			p.Key = b.propKey(gp.Key)
			p.Value = b.assign(gp.Value)
		case gp.Method != nil:
			p.Key = b.propKey(gp.Key)
			b.feature(featMethod, p.Pos)
			p.Value = b.function(nil, gp.Method, p.Pos)
		default:
			p.Key = b.propKey(gp.Key)
			b.feature(featShorthand, p.Pos)
			if name, ok := p.Key.(*Name); ok {
				p.Value = &Ident{name.At, name.Name}
			} else {
				p.Value = p.Key
			}
		}
		b.checkDuplicate(seen, p)
		n.Properties = append(n.Properties, p)
	}
	return n
}

func (b *builder) checkDuplicate(seen map[string]*propKinds, p *Property) {
	var key string
	switch k := p.Key.(type) {
	case *Name:
		key = k.Name
	case *String:
		key = k.Value
	case *Number:
		key = numberKey(k.Value)
	default:
		return
	}
	k := seen[key]
	if k == nil {
		k = &propKinds{}
		seen[key] = k
	}
	ks := p.Key.Span()
	switch p.Kind {
	case PropInit:
		if k.get || k.set {
			b.report(CodeDuplicateProp, ks, "property '%s' is already defined with a getter or setter", key)
		} else if k.data && b.strict {
			b.report(CodeStrict, ks, "duplicate property '%s' is not allowed in strict mode code", key)
		}
		k.data = true
	case PropGet:
		if k.data || k.get {
			b.report(CodeDuplicateProp, ks, "property '%s' is already defined; it cannot also have this getter", key)
		}
		k.get = true
	case PropSet:
		if k.data || k.set {
			b.report(CodeDuplicateProp, ks, "property '%s' is already defined; it cannot also have this setter", key)
		}
		k.set = true
	}
}

func numberKey(v float64) string {
	return fmt.Sprint(v)
}

func (b *builder) propKey(g *gPropKey) Node {
	if g.Computed != nil {
		s := b.span(g.Pos, g.EndPos)
		b.feature(featComputed, s)
		return b.assign(g.Computed)
	}
	t := b.tok(g.Key.Tok)
	at := At{t.span()}
	if t.kind == tokString || t.kind == tokNumber {
		return b.literal(t, at)
	}
	name := t.value
	if t.kind == tokKeyword {
		name = t.text
	}
	return &Name{at, name}
}
