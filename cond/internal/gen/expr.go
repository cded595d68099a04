package gen

// Precedence levels of the ES5.1 expression grammar, loosest first.
const (
	precComma = iota
	precAssign
	precConditional
	precOr
	precAnd
	precBitOr
	precBitXor
	precBitAnd
	precEquality
	precRelational
	precShift
	precAdditive
	precMultiplicative
	precUnary
	precPostfix
	precLHS
	precPrimary
)

// binaryOps lists the left-associative binary operators of each level.
var binaryOps = [...][]string{
	precOr:             {"||"},
	precAnd:            {"&&"},
	precBitOr:          {"|"},
	precBitXor:         {"^"},
	precBitAnd:         {"&"},
	precEquality:       {"==", "!=", "===", "!=="},
	precRelational:     {"<", ">", "<=", ">=", "instanceof", "in"},
	precShift:          {"<<", ">>", ">>>"},
	precAdditive:       {"+", "-"},
	precMultiplicative: {"*", "/", "%"},
}

var (
	assignOps   = []string{"=", "=", "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "^=", "|="}
	unaryOps    = []string{"!", "!", "-", "+", "~", "typeof", "void", "delete", "++", "--"}
	identifiers = []string{"a", "b", "c", "x", "y", "foo", "bar", "$", "_", "$el", "_tmp", "π", "café", `\u0061b`, "yield", "static", "undefined", "NaN", "system", "_event", "In", "of", "get", "set"}
	// propertyNames may be any IdentifierName, reserved words included.
	propertyNames = []string{"a", "b", "data", "length", "resultof", "if", "class", "new", "default", "in", "typeof", "null", "true", "this", "enum", "get", "set", "let", "static", "π"}
	numbers       = []string{"0", "1", "42", "3.14", ".5", "5.", "1e3", "2E-2", "1e+3", "0x1F", "0XAB", "010", "0.0"}
	stringLits    = []string{`'a'`, `"b"`, `''`, `""`, `'\n\t'`, `'\x41'`, `'\u00e9'`, `'it\'s'`, `"q\"q"`, `'\\'`, `'é'`, `'deletion'`, `'\0'`, "'a\\\nb'", `'\v\f\b\r'`, `"'"`}
	regexLits     = []string{`/a/`, `/a+b*/g`, `/[/]/`, `/\d{2,3}/i`, `/^x$/m`, `/(?:a|b)/gim`, `/=/`, `/\//`, `/[^\]]+/`, `/a|/`}
	atomWords     = []string{"this", "null", "true", "false"}
)

// objectKeys are property names whose values all differ once the literal is
// evaluated (1 and '1' would collide), so an object never repeats a key: ES5
// forbids mixing data and accessor properties of one name, ES2015 does not.
var objectKeys = []token{w("a"), {text: `'b'`, kind: str}, {text: `"c d"`, kind: str}, w("1"), w("0x2"), w("if"), w("class"), w("get"), w("set"), w(".5"), w("1e3"), {text: `'x-y'`, kind: str}}

// expr returns the tokens of an expression binding at least as tightly as
// min, parenthesised when the chosen production binds more loosely.
func (g *Generator) expr(depth, min int) []token {
	if depth <= 0 {
		return g.atom()
	}
	toks, prec := g.production(depth - 1)
	if prec < min {
		return paren(toks)
	}
	return toks
}

func paren(toks []token) []token {
	return append(append([]token{p("(")}, toks...), p(")"))
}

// production picks one production of the expression grammar.
func (g *Generator) production(d int) ([]token, int) {
	switch n := g.r.intn(30); {
	case n < 1:
		return join(g.expr(d, precAssign), []token{p(",")}, g.expr(d, precAssign)), precComma
	case n < 4:
		return join(g.ref(d), []token{p(pick(&g.r, assignOps))}, g.expr(d, precAssign)), precAssign
	case n < 6:
		return join(g.expr(d, precOr), []token{p("?")}, g.expr(d, precAssign), []token{p(":")}, g.expr(d, precAssign)), precConditional
	case n < 14:
		level := precOr + g.r.intn(precUnary-precOr)
		op := pick(&g.r, binaryOps[level])
		return join(g.expr(d, level), []token{opToken(op)}, g.expr(d, level+1)), level
	case n < 17:
		op := pick(&g.r, unaryOps)
		if op == "++" || op == "--" {
			return join([]token{p(op)}, g.ref(d)), precUnary
		}
		return join([]token{opToken(op)}, g.expr(d, precUnary)), precUnary
	case n < 18:
		op := p(pick(&g.r, []string{"++", "--"}))
		op.glue = true
		return append(g.ref(d), op), precPostfix
	case n < 21:
		return g.member(d), precLHS
	case n < 24:
		return join(g.expr(d, precLHS), g.arguments(d)), precLHS
	case n < 25:
		ctor := join([]token{w("new")}, g.expr(d, precLHS))
		if g.r.chance(3) {
			// Without arguments it is a NewExpression: a member access
			// or call on it needs parentheses, and it is no reference.
			return ctor, precPostfix
		}
		return join(ctor, g.arguments(d)), precLHS
	default:
		return g.primary(d), precPrimary
	}
}

func opToken(op string) token {
	if op[0] >= 'a' && op[0] <= 'z' {
		return w(op)
	}
	return p(op)
}

func join(parts ...[]token) []token {
	var out []token
	for _, part := range parts {
		out = append(out, part...)
	}
	return out
}

// ref returns a simple reference: something assignment and ++ accept.
func (g *Generator) ref(d int) []token {
	switch g.r.intn(6) {
	case 0, 1, 2:
		return []token{w(pick(&g.r, identifiers))}
	case 3:
		return paren([]token{w(pick(&g.r, identifiers))})
	default:
		return g.member(d)
	}
}

func (g *Generator) member(d int) []token {
	object := g.expr(d, precLHS)
	if g.r.chance(3) {
		return join(object, []token{p("[")}, g.expr(d, precComma), []token{p("]")})
	}
	return join(object, []token{p("."), w(pick(&g.r, propertyNames))})
}

func (g *Generator) arguments(d int) []token {
	toks := []token{p("(")}
	for i := range g.r.intn(4) {
		if i > 0 {
			toks = append(toks, p(","))
		}
		toks = append(toks, g.expr(d, precAssign)...)
	}
	return append(toks, p(")"))
}

func (g *Generator) atom() []token {
	switch g.r.intn(10) {
	case 0, 1, 2, 3:
		return []token{w(pick(&g.r, identifiers))}
	case 4, 5:
		return []token{w(pick(&g.r, numbers))}
	case 6, 7:
		return []token{{text: pick(&g.r, stringLits), kind: str}}
	case 8:
		return []token{{text: pick(&g.r, regexLits), kind: regex}}
	default:
		return []token{w(pick(&g.r, atomWords))}
	}
}

func (g *Generator) primary(d int) []token {
	switch g.r.intn(10) {
	case 0, 1:
		return g.array(d)
	case 2, 3:
		return g.object(d)
	case 4:
		return g.function(d, g.r.chance(3))
	case 5:
		return paren(g.expr(d, precComma))
	default:
		return g.atom()
	}
}

func (g *Generator) array(d int) []token {
	toks := []token{p("[")}
	n := g.r.intn(4)
	for i := range n {
		if i > 0 {
			toks = append(toks, p(","))
		}
		if g.r.chance(6) {
			continue // an elision: [a,,b]
		}
		toks = append(toks, g.expr(d, precAssign)...)
	}
	if n > 0 && g.r.chance(4) {
		toks = append(toks, p(","))
	}
	return append(toks, p("]"))
}

func (g *Generator) object(d int) []token {
	toks := []token{p("{")}
	keys := g.r.intn(4)
	order := g.r.perm(len(objectKeys))
	for i := range keys {
		if i > 0 {
			toks = append(toks, p(","))
		}
		key := objectKeys[order[i]]
		switch g.r.intn(6) {
		case 0:
			key.keep = true
			toks = append(toks, token{text: "get", kind: word, keep: true}, key, p("("), p(")"))
			toks = append(toks, g.body(d)...)
		case 1:
			key.keep = true
			toks = append(toks, token{text: "set", kind: word, keep: true}, key, p("("), w(pick(&g.r, identifiers)), p(")"))
			toks = append(toks, g.body(d)...)
		default:
			toks = append(toks, key, p(":"))
			toks = append(toks, g.expr(d, precAssign)...)
		}
	}
	if keys > 0 && g.r.chance(4) {
		toks = append(toks, p(","))
	}
	return append(toks, p("}"))
}

// perm returns a random permutation of [0, n).
func (r *rng) perm(n int) []int {
	out := make([]int, n)
	for i := range out {
		j := r.intn(i + 1)
		out[i], out[j] = out[j], i
	}
	return out
}

// function returns a function expression, or a declaration when named is
// set (a declaration needs its name).
func (g *Generator) function(d int, named bool) []token {
	toks := []token{w("function")}
	if named {
		toks = append(toks, w(pick(&g.r, identifiers)))
	}
	toks = append(toks, p("("))
	params := g.r.perm(len(identifiers))[:g.r.intn(3)]
	for i, k := range params {
		if i > 0 {
			toks = append(toks, p(","))
		}
		toks = append(toks, w(identifiers[k]))
	}
	toks = append(toks, p(")"))
	return append(toks, g.body(d)...)
}
