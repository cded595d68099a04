package cond_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/cond/internal/gen"
)

// The differential corpus: expression files, and the inputs on which
// goja's parser and ES5.1 are known to disagree.
const (
	corpusDir       = "testdata/differential/corpus"
	divergencesFile = "testdata/differential/known-divergences.txt"
	// generatedValid holds expressions the generator built to be valid:
	// goja must accept all of them, or the generator is broken.
	generatedValid = "generated-valid.txt"
	// es2015Code is the diagnostic code for ES2015+ syntax.
	es2015Code = "C110"
)

// frontEndCode matches the codes the parser reports (C100–C199).
var frontEndCode = regexp.MustCompile(`^C1\d\d$`)

// Kinds of known divergence, each with the outcome the test asserts.
const (
	// divES2015: goja accepts ES2015+ syntax; ours rejects it with es2015Code.
	divES2015 = "es2015"
	// divGojaLenient: goja accepts what ES5.1 rejects (an ES5 early error,
	// a goja leniency or bug); ours rejects it with any front-end code.
	divGojaLenient = "goja-lenient"
	// divGojaStrict: goja rejects valid ES5.1; ours accepts it.
	divGojaStrict = "goja-strict"
)

type corpusEntry struct {
	src  string
	file string
	line int
}

func (e corpusEntry) String() string {
	return fmt.Sprintf("%s:%d: %s", e.file, e.line, gen.FormatLine(e.src))
}

type divergence struct {
	kind, note string
	line       int
	seen       bool
}

// TestDifferentialGoja parses every corpus expression with ParseExpression
// and with goja's parser and requires the same accept/reject verdict, except
// for the divergences listed (with a reason) in known-divergences.txt, whose
// documented outcome is asserted instead.
func TestDifferentialGoja(t *testing.T) {
	corpus := loadCorpus(t)
	known := loadDivergences(t)

	type tally struct{ bothAccept, bothReject, listed, unlisted int }
	perFile := map[string]*tally{}
	perKind := map[string]int{}
	for _, e := range corpus {
		n := perFile[e.file]
		if n == nil {
			n = &tally{}
			perFile[e.file] = n
		}
		gojaErr := gojaParse(e.src)
		_, ourErr := cond.ParseExpression(e.src)
		if ourErr != nil {
			checkRejection(t, e, ourErr)
		}
		if e.file == generatedValid {
			assert.NoError(t, gojaErr, "generator made an expression goja rejects: %s", e)
		}
		if d, ok := known[e.src]; ok {
			d.seen = true
			n.listed++
			perKind[d.kind]++
			checkDivergence(t, e, d, gojaErr, ourErr)
			continue
		}
		switch {
		case (gojaErr == nil) != (ourErr == nil):
			n.unlisted++
			t.Errorf("unlisted disagreement at %s\n  goja: %s\n  ours: %s", e, verdict(gojaErr), verdict(ourErr))
		case ourErr == nil:
			n.bothAccept++
		default:
			n.bothReject++
		}
	}
	for src, d := range known {
		assert.True(t, d.seen, "%s:%d lists an input that is in no corpus file: %s", divergencesFile, d.line, gen.FormatLine(src))
	}

	files := make([]string, 0, len(perFile))
	for f := range perFile {
		files = append(files, f)
	}
	sort.Strings(files)
	t.Logf("%-24s %6s %11s %11s %7s %9s", "file", "total", "both accept", "both reject", "listed", "unlisted")
	for _, f := range files {
		n := perFile[f]
		t.Logf("%-24s %6d %11d %11d %7d %9d", f, n.bothAccept+n.bothReject+n.listed+n.unlisted, n.bothAccept, n.bothReject, n.listed, n.unlisted)
	}
	t.Logf("listed divergences: %d %s, %d %s, %d %s", perKind[divES2015], divES2015,
		perKind[divGojaLenient], divGojaLenient, perKind[divGojaStrict], divGojaStrict)
}

// gojaParse asks goja whether src is exactly one expression. Wrapping it in
// parentheses alone is not enough: `a), (b` would close the opening
// parenthesis and open another. The same text must therefore also parse
// inside an array literal, where an unbalanced `)` is an error; a text that
// is balanced in both wrappings cannot step out of either. The newline
// before the closing bracket ends a trailing line comment.
func gojaParse(src string) error {
	for _, wrap := range [][2]string{{"(", "\n)"}, {"[", "\n]"}} {
		prog, err := parser.ParseFile(nil, "", wrap[0]+src+wrap[1], 0, parser.WithDisableSourceMaps)
		if err != nil {
			return err
		}
		if len(prog.Body) != 1 {
			return fmt.Errorf("%d statements, not one expression", len(prog.Body))
		}
		if _, ok := prog.Body[0].(*ast.ExpressionStatement); !ok {
			return fmt.Errorf("a %T, not an expression", prog.Body[0])
		}
	}
	return nil
}

func verdict(err error) string {
	if err == nil {
		return "accepts"
	}
	return "rejects: " + err.Error()
}

// checkRejection asserts what a user sees of a rejection: diagnostics with
// a front-end code, a message, and a span inside the source.
func checkRejection(t *testing.T, e corpusEntry, err error) {
	t.Helper()
	var cerr *cond.Error
	if !assert.True(t, errors.As(err, &cerr), "%s: error is a %T, not a *cond.Error", e, err) {
		return
	}
	if !assert.NotEmpty(t, cerr.Diagnostics, "%s: rejection without diagnostics", e) {
		return
	}
	first := cerr.Diagnostics[0]
	assert.Equal(t, cond.SeverityError, first.Severity, "%s: first diagnostic %+v", e, first)
	for _, d := range cerr.Diagnostics {
		assert.Regexp(t, frontEndCode, d.Code, "%s: diagnostic %+v", e, d)
		assert.NotEmpty(t, d.Message, "%s: diagnostic %+v", e, d)
		assert.True(t, 0 <= d.Span.Start && d.Span.Start <= d.Span.End && d.Span.End <= len(e.src),
			"%s: span %+v outside the %d-byte source", e, d.Span, len(e.src))
	}
}

func checkDivergence(t *testing.T, e corpusEntry, d *divergence, gojaErr, ourErr error) {
	t.Helper()
	where := fmt.Sprintf("%s (listed as %s: %s)", e, d.kind, d.note)
	switch d.kind {
	case divES2015, divGojaLenient:
		assert.NoError(t, gojaErr, "goja no longer accepts %s", where)
		if !assert.Error(t, ourErr, "ours accepts %s", where) || d.kind != divES2015 {
			return
		}
		var cerr *cond.Error
		if errors.As(ourErr, &cerr) {
			assert.True(t, hasCode(cerr, es2015Code), "want a %s diagnostic for %s, got %v", es2015Code, where, cerr.Diagnostics)
		}
	case divGojaStrict:
		assert.Error(t, gojaErr, "goja now accepts %s", where)
		assert.NoError(t, ourErr, "ours rejects %s", where)
	}
}

func hasCode(err *cond.Error, code string) bool {
	for _, d := range err.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

// loadCorpus reads every corpus file. A hand-written expression may appear
// only once; a generated one that repeats another is skipped.
func loadCorpus(t *testing.T) []corpusEntry {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var corpus []corpusEntry
	first := map[string]corpusEntry{}
	for _, path := range paths {
		file := filepath.Base(path)
		forEachLine(t, path, func(n int, line string) {
			src, skip, err := gen.ParseLine(line)
			require.NoError(t, err, "%s:%d", path, n)
			if skip {
				return
			}
			e := corpusEntry{src: src, file: file, line: n}
			if prev, dup := first[src]; dup {
				if !isGenerated(file) && !isGenerated(prev.file) {
					t.Errorf("%s repeats %s", e, prev)
				}
				return
			}
			first[src] = e
			corpus = append(corpus, e)
		})
	}
	require.GreaterOrEqual(t, len(corpus), 2000, "the corpus must hold at least 2,000 expressions")
	return corpus
}

func isGenerated(file string) bool { return strings.HasPrefix(file, "generated-") }

// loadDivergences reads known-divergences.txt: lines of
// kind TAB explanation TAB input, the input written as in the corpus files.
func loadDivergences(t *testing.T) map[string]*divergence {
	t.Helper()
	known := map[string]*divergence{}
	forEachLine(t, divergencesFile, func(n int, line string) {
		if line == "" || strings.HasPrefix(line, "#") {
			return
		}
		fields := strings.SplitN(line, "\t", 3)
		require.Len(t, fields, 3, "%s:%d: want kind TAB explanation TAB input", divergencesFile, n)
		kind, note := fields[0], fields[1]
		require.Contains(t, []string{divES2015, divGojaLenient, divGojaStrict}, kind, "%s:%d", divergencesFile, n)
		require.NotEmpty(t, strings.TrimSpace(note), "%s:%d: explanation missing", divergencesFile, n)
		src, skip, err := gen.ParseLine(fields[2])
		require.NoError(t, err, "%s:%d", divergencesFile, n)
		require.False(t, skip, "%s:%d: input missing", divergencesFile, n)
		require.NotContains(t, known, src, "%s:%d: listed twice", divergencesFile, n)
		known[src] = &divergence{kind: kind, note: note, line: n}
	})
	return known
}

func forEachLine(t *testing.T, path string, fn func(n int, line string)) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		fn(n, sc.Text())
	}
	require.NoError(t, sc.Err())
}
