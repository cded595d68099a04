package cond

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond/internal/gen"
)

// TestFastExprMatchesGrammar parses every expression of the differential
// corpus with fastExpr alone and with the grammar alone: whenever fastExpr
// accepts, the grammar must accept too and build the very same structs,
// positions included. fastExpr must also take the common shapes, or it
// would only add work.
func TestFastExprMatchesGrammar(t *testing.T) {
	grammar := participle.MustBuild[gExpr](grammarOptions()...)
	srcs := append(corpusExpressions(t), seed)
	valid, fast := 0, 0
	for _, src := range srcs {
		grammarOK, fastOK := compareFastExpr(t, grammar, src)
		if grammarOK {
			valid++
		}
		if fastOK {
			fast++
		}
	}
	t.Logf("fastExpr read %d of the %d expressions the grammar accepts", fast, valid)
	assert.Greater(t, fast, valid*2/3, "fastExpr should read most valid expressions")

	var f fastExpr
	require.NoError(t, f.Parse(peeking(seed, mustFront(t, seed))), "fastExpr must read the seed condition")
}

// FuzzFastExprMatchesGrammar is TestFastExprMatchesGrammar on any input.
func FuzzFastExprMatchesGrammar(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	grammar := participle.MustBuild[gExpr](grammarOptions()...)
	f.Fuzz(func(t *testing.T, src string) {
		compareFastExpr(t, grammar, src)
	})
}

// compareFastExpr parses src with the grammar and with fastExpr, and
// requires the same tree whenever fastExpr succeeds.
func compareFastExpr(t *testing.T, grammar *participle.Parser[gExpr], src string) (grammarOK, fastOK bool) {
	t.Helper()
	toks, _, _, err := front(src, nil, true)
	if err != nil {
		return false, false
	}
	want, gerr := grammar.ParseFromLexer(peeking(src, toks))
	var f fastExpr
	if f.Parse(peeking(src, toks)) != nil {
		return gerr == nil, false
	}
	if assert.NoError(t, gerr, "fastExpr accepts what the grammar rejects: %q", src) {
		assert.Equal(t, want, f.X, "fastExpr builds another tree than the grammar for %q", src)
	}
	return gerr == nil, true
}

func mustFront(t *testing.T, src string) []token {
	toks, _, _, err := front(src, nil, true)
	require.NoError(t, err)
	return toks
}

func corpusExpressions(t *testing.T) []string {
	paths, err := filepath.Glob("testdata/differential/corpus/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var out []string
	for _, path := range paths {
		f, err := os.Open(path)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			src, skip, err := gen.ParseLine(sc.Text())
			require.NoError(t, err, path)
			if !skip {
				out = append(out, src)
			}
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return out
}
