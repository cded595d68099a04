package cond

import "strings"

// Comments returns the comments of a text without parsing it (expr says
// whether it is an expression or a program): a linter needs them for an
// event attribute, or for a text that does not parse, whose comments may
// hold what switches the syntax error off. The lexer finds them when the
// text lexes; for a text that fails to lex (an unterminated string, a
// stray '#') scanComments reads them from the text.
func Comments(src string, expr bool) []Comment {
	if s := scan(src, expr); s.diag == nil {
		return s.comments
	}
	return scanComments(src)
}

// scanComments finds the comments of src without lexing it, skipping
// string and regular expression literals; whether a '/' starts a regular
// expression is decided from the token before it, roughly as the lexer
// does. It is the fallback for text that fails to lex.
func scanComments(src string) []Comment {
	var out []Comment
	prev := "" // the last significant token, roughly: a word or one punctuator
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			end := i + 2
			for end < len(src) && !isLineTerm(src[end]) {
				end++
			}
			out = append(out, Comment{Span{i, end}, src[i+2 : end], false})
			i = end
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				out = append(out, Comment{Span{i, len(src)}, src[i+2:], true})
				return out
			}
			out = append(out, Comment{Span{i, i + 2 + end + 2}, src[i+2 : i+2+end], true})
			i += 2 + end + 2
		case c == '\'' || c == '"':
			i = skipQuoted(src, i, c)
			prev = "'"
		case c == '/' && regexpMayStart(prev):
			i = skipRegexp(src, i)
			prev = "/re/"
		case c == ' ' || c == '\t' || isLineTerm(c):
			i++
		case isWordByte(c):
			j := i
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			prev = src[i:j]
			i = j
		default:
			prev = src[i : i+1]
			i++
		}
	}
	return out
}

func isLineTerm(c byte) bool { return c == '\n' || c == '\r' }

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// regexpMayStart reports whether a '/' after prev starts a regular
// expression rather than dividing.
func regexpMayStart(prev string) bool {
	switch {
	case prev == "":
		return true
	case prev == ")" || prev == "]" || prev == "}" || prev == "'" || prev == "/re/":
		return false
	case isWordByte(prev[0]):
		return keywords[prev] && prev != "this" && prev != "null" && prev != "true" && prev != "false"
	}
	return true
}

func skipQuoted(src string, i int, q byte) int {
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case q:
			return i + 1
		case '\n', '\r':
			return i
		}
	}
	return i
}

func skipRegexp(src string, i int) int {
	inClass := false
	for i++; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			i++
			for i < len(src) && isWordByte(src[i]) {
				i++
			}
			return i
		case isLineTerm(c):
			return i
		}
	}
	return i
}
