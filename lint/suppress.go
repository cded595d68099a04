package lint

import (
	"strings"

	"github.com/condeval/condeval/cond"
)

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
func suppressions(comments []cond.Comment) Suppression {
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
	return suppressions(cond.Comments(src, true))
}
