package cond

import (
	"strings"

	"github.com/alecthomas/participle/v2"
)

// expectWords turns the first element of what participle expected (a
// grammar struct or a quoted literal) into user words.
var expectWords = map[string]string{
	"GPrimary":   "an expression",
	"GExpr":      "an expression",
	"GAssign":    "an expression",
	"GCond":      "an expression",
	"GUnary":     "an expression",
	"GIdentName": "a property name",
	"GPropKey":   "a property name",
	"GProp":      "a property",
	"GVarDecl":   "a variable name",
	"GIdent":     "a name",
	"GFuncTail":  "'('",
	"GArgs":      "'('",
	"GStmt":      "a statement",
	"GBlock":     "'{'",
}

// statementWords start statements, which a condition cannot contain.
var statementWords = map[string]bool{
	"var": true, "if": true, "for": true, "while": true, "do": true, "switch": true,
	"try": true, "throw": true, "break": true, "continue": true, "with": true, "debugger": true,
}

// syntaxError turns a participle failure into a diagnostic in user words:
// where, what was found, what was expected. Bracket balance was already
// checked, so the failure is about order, not nesting.
func syntaxError(src string, toks []token, err error, program bool) error {
	b := newBuilder(src, toks)
	off := 0
	if pe, ok := err.(participle.Error); ok {
		off = pe.Position().Offset
	}
	i := b.index(off)
	t := &toks[i]
	var prev *token
	if i > 0 {
		prev = &toks[i-1]
	}
	expect := expected(err)
	found := t.describe()

	switch {
	case !program && i == 0 && t.is("return"):
		b.reportFix(CodeReturnOutside, t.span(), "write the condition's value itself, e.g. x > 1",
			"'return' is only allowed inside a function; a condition is an expression, not a function body")
	case !program && i == 0 && t.kind == tokKeyword && statementWords[t.text]:
		b.report(CodeSyntax, t.span(), "a condition is a single expression; '%s' starts a statement", t.text)
	case blockKeyColon(toks, i) >= 0:
		colon := &toks[blockKeyColon(toks, i)]
		b.reportFix(CodeSyntax, colon.span(), "to write an object literal as a statement, wrap it in parentheses: ({…})",
			"unexpected ':': a '{' that starts a statement opens a block, and only a name can label a statement")
	case t.kind == tokKeyword && (expect == "a name" || expect == "a variable name"):
		b.reportFix(CodeReservedWord, t.span(), "choose another name", "'%s' is a reserved word and cannot be used as a name", t.text)
	case prev != nil && prev.endsExpression() && (expect == "" || isCloser(expect)):
		// The expression was complete; what follows neither continues nor
		// closes it.
		closing := expect
		if closing == "" {
			closing = "the end of the expression"
			if program {
				closing = "';' or a line break"
			}
		}
		b.report(CodeSyntax, t.span(), "unexpected %s: expected an operator or %s", found, closing)
	case expect != "":
		b.report(CodeSyntax, t.span(), "unexpected %s: expected %s", found, expect)
	default:
		b.report(CodeSyntax, t.span(), "unexpected %s", found)
	}
	return b.result()
}

// blockKeyColon finds the ':' of {'key': or {1: when the parse failed at
// its '{' or at the ':' itself: an object literal written where a statement
// starts, which ES5 reads as a block (§12.4). It returns -1 otherwise.
func blockKeyColon(toks []token, i int) int {
	open := i
	if toks[i].is(":") {
		open = i - 2
	}
	if open < 0 || open+2 >= len(toks) || !toks[open].is("{") || !toks[open+2].is(":") {
		return -1
	}
	if k := toks[open+1].kind; k != tokString && k != tokNumber {
		return -1
	}
	return open + 2
}

func isCloser(expect string) bool {
	return expect == "')'" || expect == "']'" || expect == "'}'"
}

// expected extracts participle's expectation from its message and words it
// for a user; it returns "" when participle has none.
func expected(err error) string {
	msg := err.Error()
	i := strings.LastIndex(msg, "(expected ")
	if i < 0 {
		return ""
	}
	what := strings.TrimSuffix(msg[i+len("(expected "):], ")")
	if strings.HasPrefix(what, `"`) {
		if j := strings.IndexByte(what[1:], '"'); j >= 0 {
			return "'" + what[1:j+1] + "'"
		}
	}
	first := what
	if j := strings.IndexAny(what, " *?()"); j >= 0 {
		first = what[:j]
	}
	return expectWords[first]
}
