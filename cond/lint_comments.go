package cond

import "strings"

// textComments returns the comments of a text the linter has no parse of:
// an event attribute, a handler's condition in a document-level finding,
// or a text that does not parse. The lexer finds them when the text lexes;
// a text that fails to lex (an unterminated string, a stray '#') still
// gets its directives honoured — they may be what switches the syntax
// error off — so for it scanComments reads them from the text.
func textComments(src string, expr bool) []Comment {
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

// directive is the word that starts an inline suppression.
const directive = "condeval-disable"

// Suppression is what an inline directive switches off: every rule, or the
// listed codes. Directives read
//
//	/* condeval-disable */                         every rule
//	/* condeval-disable C203 unknown-field */      these rules (codes or names)
//	/* condeval-disable C203 -- resultof is open */ text after -- is a reason
//
// in a JavaScript comment inside the text, or in an XML comment on the line
// before an element of a document.
type Suppression struct {
	All   bool
	Codes map[string]bool
}

// ParseSuppression reads a directive from the body of a comment. ok is
// false when the comment holds none. Unknown rule names are kept as
// written, so they suppress nothing rather than everything.
func ParseSuppression(body string) (s Suppression, ok bool) {
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, directive) {
		return s, false
	}
	rest := body[len(directive):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' {
		return s, false // some other word, such as condeval-disabled
	}
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == ':' || r == '\n' })
	if len(words) == 0 {
		return Suppression{All: true}, true
	}
	s.Codes = map[string]bool{}
	for _, w := range words {
		if code, err := ResolveCode(w); err == nil {
			w = code
		}
		s.Codes[w] = true
	}
	return s, true
}

// Covers reports whether the suppression switches off code.
func (s Suppression) Covers(code string) bool { return s.All || s.Codes[code] }

// Add returns the union of two suppressions.
func (s Suppression) Add(o Suppression) Suppression {
	if s.All || o.All {
		return Suppression{All: true}
	}
	out := Suppression{Codes: map[string]bool{}}
	for _, m := range []map[string]bool{s.Codes, o.Codes} {
		for k := range m {
			out.Codes[k] = true
		}
	}
	return out
}

func (s Suppression) covers(f Finding) bool { return s.Covers(f.Code) }

// suppressions collects the directives in comments.
func suppressions(comments []Comment) Suppression {
	var s Suppression
	for _, c := range comments {
		if d, ok := ParseSuppression(c.Text); ok {
			s = s.Add(d)
		}
	}
	return s
}

// textSuppressions collects the directives in the comments of a text the
// linter has no parse of.
func textSuppressions(src string) Suppression {
	if !strings.Contains(src, directive) {
		return Suppression{}
	}
	return suppressions(textComments(src, true))
}
