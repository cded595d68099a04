package cond

// tokKind classifies a token.
type tokKind uint8

const (
	tokEOF      tokKind = iota
	tokIdent            // identifier, including words reserved only in strict code (let, yield, static…)
	tokKeyword          // ES5 reserved word, including null, true and false
	tokPunct            // punctuator, ES5 or later
	tokNumber           // numeric literal
	tokString           // string literal
	tokRegexp           // regular expression literal
	tokTemplate         // template literal (ES2015; lexed only to be reported)
)

var kindNames = [...]string{
	tokEOF:      "end of input",
	tokIdent:    "identifier",
	tokKeyword:  "keyword",
	tokPunct:    "punctuator",
	tokNumber:   "number",
	tokString:   "string",
	tokRegexp:   "regular expression",
	tokTemplate: "template literal",
}

// tokFlag records facts about a token that later checks need.
type tokFlag uint8

const (
	flagLegacyOctal tokFlag = 1 << iota // number like 017 or 08 (not allowed in strict code)
	flagOctalEscape                     // string with an octal escape like "\07" (not allowed in strict code)
	flagEscaped                         // identifier written with \u escapes
	flagVirtual                         // ';' inserted by automatic semicolon insertion
	flagForIn                           // the 'in' of a for-in loop head
	flagFuncExpr                        // a 'function' keyword in expression position
	flagEndsHead                        // ')' of if/while/for… or '}' of a block: no expression ends here
	flagPropName                        // a reserved word after '.', naming a property (a.in): it ends an expression
)

// token is one lexical token with its byte span.
type token struct {
	kind       tokKind
	flags      tokFlag
	feat       feature // post-ES5 form written here, if any
	nl         bool    // a line terminator precedes the token
	start, end int
	text       string  // raw source text (";" for a virtual semicolon)
	value      string  // identifier name, decoded string, or regexp pattern
	num        float64 // value of a number
}

func (t *token) span() Span { return Span{t.start, t.end} }

// is reports whether t is the punctuator or keyword s.
func (t *token) is(s string) bool {
	return (t.kind == tokPunct || t.kind == tokKeyword) && t.text == s
}

// describe names the token for an error message: "identifier 'foo'",
// "')'", "end of input".
func (t *token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of input"
	case tokPunct:
		if t.flags&flagVirtual != 0 {
			return "line break"
		}
		return "'" + t.text + "'"
	case tokKeyword:
		return "keyword '" + t.text + "'"
	}
	text := t.text
	if len(text) > 40 {
		text = text[:37] + "..."
	}
	if t.kind == tokString {
		return "string " + text
	}
	return kindNames[t.kind] + " " + quoteIfWord(text, t.kind)
}

func quoteIfWord(text string, k tokKind) string {
	if k == tokIdent {
		return "'" + text + "'"
	}
	return text
}

// endsExpression reports whether an expression can end with t, which decides
// whether a following '/' divides and whether '++' after a line break is
// postfix.
func (t *token) endsExpression() bool {
	switch t.kind {
	case tokIdent, tokNumber, tokString, tokRegexp, tokTemplate:
		return true
	case tokKeyword:
		return t.flags&flagPropName != 0 || t.text == "this" || t.text == "null" || t.text == "true" || t.text == "false"
	case tokPunct:
		return t.flags&(flagVirtual|flagEndsHead) == 0 && (t.text == ")" || t.text == "]" || t.text == "}")
	}
	return false
}

// keywords are the ES5.1 reserved words (§7.6.1), including the future
// reserved words of non-strict code. They never name a variable.
var keywords = map[string]bool{
	"break": true, "case": true, "catch": true, "continue": true, "debugger": true,
	"default": true, "delete": true, "do": true, "else": true, "finally": true,
	"for": true, "function": true, "if": true, "in": true, "instanceof": true,
	"new": true, "return": true, "switch": true, "this": true, "throw": true,
	"try": true, "typeof": true, "var": true, "void": true, "while": true, "with": true,
	"class": true, "const": true, "enum": true, "export": true, "extends": true,
	"import": true, "super": true,
	"null": true, "true": true, "false": true,
}

// strictReserved are reserved only in strict mode code (§7.6.1.2).
var strictReserved = map[string]bool{
	"implements": true, "interface": true, "let": true, "package": true,
	"private": true, "protected": true, "public": true, "static": true, "yield": true,
}

// punctuators holds every punctuator the lexer knows, ES5 and later, longest
// first within each leading byte so that the first match is the maximal munch.
var punctuators = buildPunctTable(
	">>>=", "...", "===", "!==", "**=", ">>>", "<<=", ">>=", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "<<", ">>",
	"+=", "-=", "*=", "%=", "&=", "|=", "^=", "/=", "**",
	"{", "}", "(", ")", "[", "]", ".", ";", ",", "<", ">", "+", "-", "*", "%",
	"&", "|", "^", "!", "~", "?", ":", "=", "/", "`", "#", "@",
)

func buildPunctTable(ps ...string) (t [128][]string) {
	for _, p := range ps {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}

// punctFeatures names the punctuators that only exist after ES5.
var punctFeatures = map[string]feature{
	"=>": featArrow, "...": featSpread, "**": featExponent, "**=": featExponent,
	"?.": featOptionalChain, "??": featNullish, "??=": featLogicalAssign,
	"&&=": featLogicalAssign, "||=": featLogicalAssign, "`": featTemplate,
	"#": featPrivate,
}
