package gen

// body returns a function body: braces around a few statements, function
// declarations included (ES5 allows them only at this level).
func (g *Generator) body(d int) []token {
	toks := []token{p("{")}
	for range g.r.intn(4) {
		if d > 0 && g.r.chance(8) {
			toks = append(toks, g.function(d-1, true)...)
			continue
		}
		toks = append(toks, g.statement(d, true)...)
	}
	return append(toks, p("}"))
}

// statement returns one statement; top is false inside compound statements,
// where the label and loop context are not tracked and only simple
// statements are made.
func (g *Generator) statement(d int, top bool) []token {
	e := func() []token { return g.expr(d-1, precComma) }
	if d <= 0 {
		return []token{p(";")}
	}
	switch n := g.r.intn(20); {
	case n < 6:
		return append(g.expressionStatement(d), p(";"))
	case n < 8:
		return g.variables(d)
	case n < 10:
		if g.r.chance(4) {
			return []token{w("return"), p(";")}
		}
		value := e()
		value[0].glue = true // a line break after return would end the statement
		return join([]token{w("return")}, value, []token{p(";")})
	case n < 12:
		toks := join([]token{w("if"), p("(")}, e(), []token{p(")")}, g.statement(d-1, false))
		if g.r.chance(2) {
			toks = join(toks, []token{w("else")}, g.statement(d-1, false))
		}
		return toks
	case n < 13:
		return join([]token{p("{")}, g.statement(d-1, false), g.statement(d-1, false), []token{p("}")})
	case n < 14:
		return []token{p(";")}
	case n < 15:
		first := e()
		first[0].glue = true
		return join([]token{w("throw")}, first, []token{p(";")})
	case !top:
		return append(g.expressionStatement(d), p(";"))
	case n < 16:
		return join([]token{w("while"), p("(")}, e(), []token{p(")"), p("{")}, g.statement(d-1, false), []token{w("break"), p(";"), p("}")})
	case n < 17:
		init := join([]token{w("var"), w("i"), p("=")}, g.primary(d-1))
		return join([]token{w("for"), p("(")}, init, []token{p(";")}, e(), []token{p(";")}, e(), []token{p(")")}, g.statement(d-1, false))
	case n < 18:
		return join([]token{w("for"), p("("), w("var"), w("k"), w("in")}, e(), []token{p(")")}, g.statement(d-1, false))
	case n < 19:
		toks := join([]token{w("try"), p("{")}, g.statement(d-1, false), []token{p("}"), w("catch"), p("("), w("e"), p(")"), p("{"), p("}")})
		if g.r.chance(2) {
			toks = join(toks, []token{w("finally"), p("{")}, g.statement(d-1, false), []token{p("}")})
		}
		return toks
	default:
		return join([]token{w("switch"), p("(")}, e(), []token{p(")"), p("{"), w("case")}, e(), []token{p(":")},
			g.statement(d-1, false), []token{w("break"), p(";"), w("default"), p(":"), p("}")})
	}
}

// expressionStatement parenthesises an expression that would otherwise be
// read as a block or a function declaration.
func (g *Generator) expressionStatement(d int) []token {
	toks := g.expr(d-1, precComma)
	if first := toks[0].text; first == "{" || first == "function" {
		return paren(toks)
	}
	return toks
}

func (g *Generator) variables(d int) []token {
	toks := []token{w("var")}
	names := g.r.perm(len(identifiers))[:1+g.r.intn(2)]
	for i, k := range names {
		if i > 0 {
			toks = append(toks, p(","))
		}
		toks = append(toks, w(identifiers[k]))
		if g.r.chance(2) {
			toks = append(toks, p("="))
			toks = append(toks, g.expr(d-1, precAssign)...)
		}
	}
	return append(toks, p(";"))
}
