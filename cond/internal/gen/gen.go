// Package gen produces the generated part of the parser's differential
// corpus: ECMAScript 5.1 expressions composed at random from the grammar, and
// variants broken by one small mutation (a dropped bracket, a doubled
// operator, a stray token). A seed always yields the same expressions on every
// platform and Go version, so the corpus files can be regenerated and
// reviewed. The generator stays inside ES5: it never writes, and its
// mutations never create, ES2015+ syntax, so that a disagreement with a
// modern parser points at a real difference.
package gen

// Generator composes expressions from one seeded random stream.
type Generator struct {
	r rng
}

// New returns a generator whose output is fixed by seed.
func New(seed uint64) *Generator {
	return &Generator{r: rng{state: seed}}
}

// maxDepth bounds how deep Valid nests productions: deep enough for
// function bodies inside calls inside conditions, short enough to read.
const maxDepth = 4

// Valid returns a syntactically valid ES5.1 expression.
func (g *Generator) Valid() string {
	return g.render(g.expr(1+g.r.intn(maxDepth), precComma))
}

// Corpus returns valid distinct valid expressions followed by mutated
// distinct mutants (some of which may happen to be valid), none repeated.
func Corpus(seed uint64, valid, mutated int) (validExprs, mutants []string) {
	g := New(seed)
	seen := map[string]bool{}
	for len(validExprs) < valid {
		if s := g.Valid(); !seen[s] {
			seen[s] = true
			validExprs = append(validExprs, s)
		}
	}
	for len(mutants) < mutated {
		if s := g.Mutant(); !seen[s] {
			seen[s] = true
			mutants = append(mutants, s)
		}
	}
	return validExprs, mutants
}
