package gen

import "slices"

// strayTokens are inserted at random places by Mutant: ES5 tokens, quotes
// and characters that are not tokens at all.
var strayTokens = []token{
	p(")"), p("("), p("]"), p("["), p("}"), p("{"), p(","), p(";"), p(":"), p("?"), p("="), p("."), p("+"), p("!"), p("/"),
	w("if"), w("var"), w("return"), w("1"), w("a"), w("in"), w("new"), {text: "'s'", kind: str},
	{text: "'", kind: str}, {text: `"`, kind: str}, p("@"), p("#"), p(`\`), p("/*"),
}

// keywords replace identifiers: a keyword is never an identifier in ES5.
var keywords = []string{"if", "else", "var", "function", "new", "class", "enum", "this", "null", "true", "in", "typeof", "delete", "void", "return", "while", "for", "switch", "case", "default", "try", "catch", "throw", "with", "debugger", "const", "export"}

var brackets = map[string]bool{"(": true, ")": true, "[": true, "]": true, "{": true, "}": true}

// Mutant returns a valid expression changed by one mutation: a bracket
// dropped, an operator doubled, a stray token inserted, a token deleted,
// two tokens swapped, an identifier turned into a keyword, or the end cut
// off. The result is usually, not always, invalid.
func (g *Generator) Mutant() string {
	for {
		toks := g.expr(1+g.r.intn(maxDepth), precComma)
		if m, ok := g.mutate(toks); ok && !looksES2015(m) {
			return g.render(m)
		}
	}
}

func (g *Generator) mutate(toks []token) ([]token, bool) {
	i := g.r.intn(len(toks))
	t := toks[i]
	switch g.r.intn(7) {
	case 0:
		if t.keep || !brackets[t.text] {
			return nil, false
		}
		return slices.Delete(toks, i, i+1), true
	case 1:
		if t.kind != punct || brackets[t.text] {
			return nil, false
		}
		return slices.Insert(toks, i, t), true
	case 2:
		return slices.Insert(toks, i, pick(&g.r, strayTokens)), true
	case 3:
		if t.keep || len(toks) == 1 {
			return nil, false
		}
		return slices.Delete(toks, i, i+1), true
	case 4:
		if i+1 >= len(toks) || t.keep || toks[i+1].keep {
			return nil, false
		}
		toks[i], toks[i+1] = toks[i+1], toks[i]
		return toks, true
	case 5:
		if !slices.Contains(identifiers, t.text) || t.keep {
			return nil, false
		}
		toks[i] = w(pick(&g.r, keywords))
		return toks, true
	default:
		if i == 0 {
			return nil, false
		}
		return toks[:i], true
	}
}

// looksES2015 reports token sequences that a mutation can turn into ES2015+
// syntax: a trailing comma in arguments or parameters, an array or object
// literal assigned to (destructuring), a generator function, a private name.
func looksES2015(toks []token) bool {
	for i := 1; i < len(toks); i++ {
		prev, cur := toks[i-1].text, toks[i].text
		switch {
		case prev == "#" && toks[i].kind == word:
			return true
		case prev == "," && cur == ")":
			return true
		case (prev == "]" || prev == "}") && slices.Contains(assignOps, cur):
			return true
		case prev == "function" && cur == "*":
			return true
		}
	}
	return false
}
