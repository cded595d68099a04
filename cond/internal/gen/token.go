package gen

import "strings"

// kind tells how a token touches its neighbours when the tokens are joined.
type kind uint8

const (
	word  kind = iota // identifier, keyword or number
	punct             // punctuator
	str               // string literal: self-delimiting on both sides
	regex             // regular expression literal: starts like a punctuator, ends like a word
)

// token is one lexical token of a generated expression.
type token struct {
	text string
	kind kind
	// keep protects the token from mutation: removing it would turn ES5
	// into ES2015 syntax (a getter's name removed leaves a method).
	keep bool
	// glue forbids a line terminator before the token ([no LineTerminator
	// here] productions: postfix ++ and --, the expression after throw or
	// return).
	glue bool
}

func w(text string) token { return token{text: text, kind: word} }
func p(text string) token { return token{text: text, kind: punct} }

func isNumber(t token) bool {
	return t.kind == word && t.text != "" && (t.text[0] >= '0' && t.text[0] <= '9' || t.text[0] == '.')
}

// needsSpace reports whether a and b would lex differently if written
// side by side: two words or two punctuators run together (`a b`, `+ +`,
// `/ /x/`), and a number runs into a following dot.
func needsSpace(a, b token) bool {
	if a.kind == str || b.kind == str {
		return false
	}
	aEndsWord := a.kind == word || a.kind == regex
	bStartsWord := b.kind == word
	if aEndsWord == bStartsWord {
		return true
	}
	return isNumber(a) && strings.HasPrefix(b.text, ".")
}
