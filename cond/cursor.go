package cond

import (
	"slices"
	"strings"
)

// Reading the text before a cursor. While a user types, a condition is
// rarely complete, so completion cannot wait for a parse: CursorContext
// lexes the text up to the cursor with the front end's own lexer (so that
// strings, escapes, comments and regular expressions are read as the
// parser reads them) and looks only at the last few tokens. The REPL and
// the language server both complete from it, so that they offer the same
// candidates for the same text.

// CursorKind says what is being typed at a cursor.
type CursorKind uint8

const (
	// CursorNothing: nothing can be completed, as after a number, a closed
	// string, a ')' or inside a string that is compared with nothing.
	CursorNothing CursorKind = iota
	// CursorComment: inside a comment.
	CursorComment
	// CursorName: a name where an operand may stand; Prefix is what is
	// typed of it, possibly nothing.
	CursorName
	// CursorMember: a member of the object at Path, after '.' or as a
	// string key after '[' (Quote is then the key's quote).
	CursorMember
	// CursorValue: the value compared with, or assigned to, the path Path:
	// inside a string when Quote is set, else before one, as after
	// `_event.data.resultof == `.
	CursorValue
)

var cursorKindNames = [...]string{"nothing", "comment", "name", "member", "value"}

func (k CursorKind) String() string {
	if int(k) < len(cursorKindNames) {
		return cursorKindNames[k]
	}
	return "nothing"
}

// CursorContext is what the text before a cursor says is being typed.
type CursorContext struct {
	Kind CursorKind
	// Path is, for CursorMember, the object whose member is typed and, for
	// CursorValue, the path the value is compared with: a name, then one
	// key per property, a literal bracket key as its value and any other
	// computed key as AnyKey, as in a Path.
	Path []string
	// Prefix is the part of the word typed so far; inside a string, with
	// its escapes decoded.
	Prefix string
	// Quote is the quote of the string the cursor is in, 0 outside one.
	Quote byte
	// Start and End are the byte offsets of the text a candidate replaces;
	// End is the cursor.
	Start, End int
}

// ReadCursor reads the text of src before byte offset cursor. It never
// fails: text it cannot read gives CursorNothing.
func ReadCursor(src string, cursor int) CursorContext {
	before := src[:min(max(cursor, 0), len(src))]
	end := len(before)
	at := CursorContext{Start: end, End: end}
	s := scan(before, true)
	if s.diag != nil {
		return at.inOpenToken(before, s)
	}
	if n := len(s.comments); n > 0 && !s.comments[n-1].Block && s.comments[n-1].Span.End == end {
		at.Kind = CursorComment
		return at
	}
	toks := s.toks[:len(s.toks)-1] // without EOF
	if len(toks) == 0 {
		at.Kind = CursorName
		return at
	}
	last := toks[len(toks)-1]
	switch {
	case (last.kind == tokIdent || last.kind == tokKeyword) && last.end == end:
		// A name being typed; a reserved word too (typeof, a.default).
		at.Prefix, at.Start = last.value, last.start
		if len(toks) > 1 && toks[len(toks)-2].is(".") {
			return at.member(toks[:len(toks)-2])
		}
		at.Kind = CursorName
	case last.is("."):
		return at.member(toks[:len(toks)-1])
	case isComparison(last):
		if path, ok := pathBefore(toks[:len(toks)-1]); ok {
			at.Kind, at.Path = CursorValue, path
			return at
		}
		at.Kind = CursorName
	case !last.endsExpression():
		at.Kind = CursorName
	}
	return at
}

// member makes at the member of the path toks end with, if they end with
// one.
func (at CursorContext) member(toks []token) CursorContext {
	path, ok := pathBefore(toks)
	if !ok {
		return CursorContext{Start: at.End, End: at.End}
	}
	at.Kind, at.Path = CursorMember, path
	return at
}

// inOpenToken reads a cursor where the lexer stopped: inside a string or a
// block comment that is still open. Any other lexical error leaves
// nothing to complete.
func (at CursorContext) inOpenToken(before string, s scanner) CursorContext {
	// The broken token starts after the last whole one and the space or
	// comments that follow it.
	rest := scanner{src: before}
	if n := len(s.toks); n > 0 {
		rest.pos = s.toks[n-1].end
	}
	rest.skipSpace()
	open := rest.pos
	if open >= len(before) {
		return at
	}
	switch {
	case strings.HasPrefix(before[open:], "/*"):
		at.Kind = CursorComment
		return at
	case before[open] != '\'' && before[open] != '"', !stringStillOpen(before[open:]):
		return at
	}
	toks := s.toks // the tokens before the string
	n := len(toks)
	var ok bool
	switch {
	case n > 0 && toks[n-1].is("["):
		at.Kind = CursorMember
		at.Path, ok = pathBefore(toks[:n-1])
	case n > 0 && isComparison(toks[n-1]):
		at.Kind = CursorValue
		at.Path, ok = pathBefore(toks[:n-1])
	}
	if !ok {
		return CursorContext{Start: at.End, End: at.End}
	}
	at.Quote, at.Start = before[open], open+1
	at.Prefix = decodeOpenString(before[open:])
	return at
}

// stringStillOpen reports whether the string literal lit starts is open at
// its end: no closing quote and no line break, which ends it in error.
func stringStillOpen(lit string) bool {
	for i := 1; i < len(lit); i++ {
		switch c := lit[i]; {
		case c == '\\':
			i++
		case c == lit[0], c == '\n', c == '\r', strings.HasPrefix(lit[i:], "\u2028"), strings.HasPrefix(lit[i:], "\u2029"):
			return false
		}
	}
	return true
}

// decodeOpenString decodes what is typed of the open string lit starts,
// by closing it and lexing it; an escape typed halfway is left out, and
// one the lexer refuses leaves the raw text.
func decodeOpenString(lit string) string {
	body := lit[1:]
	if n := len(body) - len(strings.TrimRight(body, `\`)); n%2 == 1 {
		body = body[:len(body)-1]
	}
	toks, diag := lex(lit[:1]+body+lit[:1], true)
	if diag != nil || len(toks) != 2 {
		return lit[1:]
	}
	return toks[0].value
}

// comparisons are the operators after which a value of the left operand's
// path is typed: equality, and assignment (for :set and scripts).
var comparisons = []string{"==", "===", "!=", "!==", "="}

func isComparison(t token) bool {
	return t.kind == tokPunct && slices.Contains(comparisons, t.text)
}

// pathBefore reads the member expression toks end with — a name followed
// by .name and [key] accessors — and returns its segments.
func pathBefore(toks []token) ([]string, bool) {
	var segs []string
	i := len(toks)
	for i > 0 {
		t := toks[i-1]
		if t.is("]") {
			open := openingBracket(toks, i-1)
			if open < 0 {
				return nil, false
			}
			segs = append(segs, bracketKey(toks[open+1:i-1]))
			i = open
			continue
		}
		afterDot := i >= 2 && toks[i-2].is(".")
		if t.kind != tokIdent && !(t.kind == tokKeyword && afterDot) {
			return nil, false
		}
		segs = append(segs, t.value)
		if !afterDot {
			slices.Reverse(segs)
			return segs, true
		}
		i -= 2
	}
	return nil, false
}

// bracketKey is the key a [ ] accessor holding toks reads: a literal's
// value, else AnyKey.
func bracketKey(toks []token) string {
	if len(toks) == 1 {
		switch toks[0].kind {
		case tokString:
			return toks[0].value
		case tokNumber:
			return toks[0].text
		}
	}
	return AnyKey
}

// openingBracket returns the index of the '[' that the ']' at toks[close]
// closes, or -1.
func openingBracket(toks []token, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		switch {
		case toks[k].is("]"):
			depth++
		case toks[k].is("["):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// Filter keeps the candidates that start with the typed prefix; when none
// does, those that start with it ignoring case, so that completion also
// repairs case (resultOf → resultof).
func (c CursorContext) Filter(candidates []string) []string {
	var exact, folded []string
	for _, cand := range candidates {
		switch {
		case strings.HasPrefix(cand, c.Prefix):
			exact = append(exact, cand)
		case len(cand) >= len(c.Prefix) && strings.EqualFold(cand[:len(c.Prefix)], c.Prefix):
			folded = append(folded, cand)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return folded
}

// expressionKeywords are the reserved words completion offers where a
// name is typed: the literals, and the operators spelled as words that a
// condition uses.
var expressionKeywords = []string{"false", "in", "instanceof", "new", "null", "true", "typeof", "void"}

// ExpressionKeywords lists the reserved words a completer offers with the
// names where a name is typed (CursorName).
func ExpressionKeywords() []string { return slices.Clone(expressionKeywords) }
