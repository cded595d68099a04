package cond

import (
	"slices"
	"strings"
)

// Front-end diagnostic codes (Diagnostic.Code). The front end owns
// C100–C199; lint rules use C2xx. Every code the parser reports is listed in
// Codes with its short name and meaning, so documentation and tools can
// enumerate them.
const (
	CodeSyntax        = "C100" // the text does not follow the ES5.1 grammar
	CodeUnclosed      = "C101" // a bracket is opened and never closed
	CodeMismatched    = "C102" // a closing bracket does not match the open one
	CodeBadToken      = "C103" // a character sequence that is not a token
	CodeMissingSemi   = "C104" // two statements on one line without ';'
	CodeES2015        = "C110" // syntax newer than ES5
	CodeMozilla       = "C111" // ES2015 syntax SpiderMonkey accepted before ES2015 (a warning)
	CodeInvalidTarget = "C120" // assignment, ++/-- or for-in to a non-reference
	CodeReturnOutside = "C121" // return outside a function
	CodeBadJump       = "C122" // break/continue outside a loop, unknown or duplicate label
	CodeStrict        = "C123" // forbidden in strict mode code
	CodeInvalidRegexp = "C124" // regular expression body or flags
	CodeDuplicateProp = "C125" // conflicting property definitions in an object literal
	CodeReservedWord  = "C126" // a reserved word used as a name
	CodeTooLong       = "C130" // source longer than the MaxLength limit
	CodeTooDeep       = "C131" // nesting deeper than the MaxDepth limit
	CodeInternal      = "C199" // the parser failed; a bug to report
)

// CodeInfo documents one diagnostic code.
type CodeInfo struct {
	Code     string
	Name     string   // short kebab-case name
	Doc      string   // what it means, in user words
	Severity Severity // default grade: an error, but for C111
}

// codeTable is every front-end diagnostic code in order, with its name and
// meaning. Codes hands out copies, so the table stays as written.
var codeTable = [...]CodeInfo{
	{CodeSyntax, "syntax-error", "The text does not follow the ES5.1 grammar: a token appears where it cannot.", SeverityError},
	{CodeUnclosed, "unclosed-bracket", "A '(', '[' or '{' is never closed; the message says where it was opened.", SeverityError},
	{CodeMismatched, "mismatched-bracket", "A closing bracket does not match the innermost open one, or closes nothing.", SeverityError},
	{CodeBadToken, "invalid-token", "Characters that form no token: an unterminated string, comment or regular expression, a bad escape or number, a stray character.", SeverityError},
	{CodeMissingSemi, "missing-semicolon", "Two statements on one line need a ';' between them (automatic semicolon insertion only happens at a line break, a '}' or the end).", SeverityError},
	{CodeES2015, "es2015-syntax", "Syntax from ES2015 or later (arrow functions, template literals, ?., ??, **, let, classes, const outside a script…); ORS evaluates ES5.", SeverityError},
	{CodeMozilla, "spidermonkey-syntax", "A warning, not an error: a const declaration in a script. ORS runs SpiderMonkey, which has accepted const long before ES2015 (a Mozilla extension), so the script runs; but other ES5 engines reject it and ES2015 gives it other rules (block scope, no redeclaration). Write var for portable code.", SeverityWarning},
	{CodeInvalidTarget, "invalid-target", "The left side of an assignment, the operand of ++/-- or the variable of a for-in is not a variable or property.", SeverityError},
	{CodeReturnOutside, "return-outside-function", "return is only allowed inside a function body; a condition is an expression.", SeverityError},
	{CodeBadJump, "invalid-jump", "break or continue outside a loop or switch, with an unknown label, or a label declared twice.", SeverityError},
	{CodeStrict, "strict-mode", "Not allowed in strict mode code ('use strict'): with, delete of a variable, octal literals, duplicate parameters, eval/arguments as names.", SeverityError},
	{CodeInvalidRegexp, "invalid-regexp", "A regular expression literal with a malformed pattern or unknown, duplicated or post-ES5 flags.", SeverityError},
	{CodeDuplicateProp, "duplicate-property", "An object literal defines a property both as data and as accessor, or defines an accessor twice.", SeverityError},
	{CodeReservedWord, "reserved-word", "A reserved word is used as a variable, function, parameter or label name.", SeverityError},
	{CodeTooLong, "too-long", "The source is longer than the configured limit (MaxLength).", SeverityError},
	{CodeTooDeep, "too-deep", "Brackets, operators or statements are nested deeper than the configured limit (MaxDepth).", SeverityError},
	{CodeInternal, "internal-error", "The parser failed unexpectedly; please report the input.", SeverityError},
}

// Codes lists every front-end diagnostic code in order.
func Codes() []CodeInfo { return slices.Clone(codeTable[:]) }

// LookupCode finds a front-end code by its code or its name, in any case:
// the one lookup behind a linter's configuration and the rule names of
// syntax findings.
func LookupCode(ref string) (CodeInfo, bool) {
	for _, c := range codeTable {
		if strings.EqualFold(ref, c.Code) || strings.EqualFold(ref, c.Name) {
			return c, true
		}
	}
	return CodeInfo{}, false
}
