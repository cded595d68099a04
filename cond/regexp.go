package cond

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// regexpFlags maps each flag letter to the post-ES5 feature it is, or
// featNone for the ES5 flags g, i and m.
var regexpFlags = map[rune]feature{
	'g': featNone, 'i': featNone, 'm': featNone,
	'y': featRegexpY, 'u': featRegexpU, 's': featRegexpS, 'd': featRegexpD, 'v': featRegexpV,
}

// checkRegexp reports bad flags and a malformed pattern (§15.10.1 with the
// web-compatible leniencies engines share: a '{', '}' or ']' that starts no
// quantifier or class is a literal character).
func (b *builder) checkRegexp(t *token, flags string) {
	flagsAt := t.end - len(flags)
	seen := map[rune]bool{}
	for i, r := range flags {
		s := Span{flagsAt + i, flagsAt + i + utf8.RuneLen(r)}
		f, ok := regexpFlags[r]
		switch {
		case !ok:
			b.reportFix(CodeInvalidRegexp, s, "ES5 knows the flags g, i and m", "unknown regular expression flag %q", string(r))
		case seen[r]:
			b.report(CodeInvalidRegexp, s, "regular expression flag '%c' is given twice", r)
		case f != featNone:
			b.feature(f, s)
		}
		seen[r] = true
	}
	v := reValidator{src: t.value}
	v.disjunction(0)
	if !v.failed && v.pos < len(v.src) {
		v.fail("unmatched ')'")
	}
	if v.failed {
		at := t.start + 1 + v.errAt
		if v.feat != featNone {
			b.feature(v.feat, Span{at - 1, min(at+3, t.end)})
			return
		}
		b.report(CodeInvalidRegexp, Span{at, min(at+1, t.end)}, "invalid regular expression: %s", v.err)
	}
}

// reValidator is a recursive-descent recogniser of ES5 patterns.
type reValidator struct {
	src    string
	pos    int
	err    string
	errAt  int
	failed bool
	feat   feature // the failure is a post-ES5 construct
}

func (v *reValidator) fail(msg string) {
	v.failAt(msg, v.pos)
}

func (v *reValidator) failAt(msg string, at int) {
	if !v.failed {
		v.err, v.errAt, v.failed = msg, at, true
	}
}

func (v *reValidator) peek() byte {
	if v.pos < len(v.src) {
		return v.src[v.pos]
	}
	return 0
}

func (v *reValidator) disjunction(depth int) {
	for !v.failed {
		v.alternative(depth)
		if v.peek() != '|' {
			return
		}
		v.pos++
	}
}

func (v *reValidator) alternative(depth int) {
	for !v.failed && v.pos < len(v.src) {
		switch c := v.src[v.pos]; c {
		case '|':
			return
		case ')':
			if depth == 0 {
				v.fail("unmatched ')'")
			}
			return
		case '^', '$':
			v.pos++
		case '*', '+', '?':
			v.fail("nothing to repeat before '" + string(c) + "'")
			return
		case '{':
			if v.quantifierBraces() {
				v.fail("nothing to repeat before '{'")
				return
			}
			v.pos++
		default:
			v.atom(depth)
			v.quantifier()
		}
	}
}

func (v *reValidator) atom(depth int) {
	switch v.src[v.pos] {
	case '\\':
		v.pos++
		if v.pos < len(v.src) {
			_, n := utf8.DecodeRuneInString(v.src[v.pos:])
			v.pos += n
		}
	case '[':
		v.class()
	case '(':
		v.pos++
		if strings.HasPrefix(v.src[v.pos:], "?<") {
			v.feat = featRegexpNamedGroup
			if strings.HasPrefix(v.src[v.pos:], "?<=") || strings.HasPrefix(v.src[v.pos:], "?<!") {
				v.feat = featRegexpLookbehind
			}
			v.fail("")
			return
		}
		if strings.HasPrefix(v.src[v.pos:], "?:") || strings.HasPrefix(v.src[v.pos:], "?=") || strings.HasPrefix(v.src[v.pos:], "?!") {
			v.pos += 2
		} else if v.peek() == '?' {
			v.fail("invalid group: '(?' must be followed by ':', '=' or '!'")
			return
		}
		v.disjunction(depth + 1)
		if !v.failed && v.peek() != ')' {
			v.fail("missing ')' to close a group")
			return
		}
		v.pos++
	default:
		_, n := utf8.DecodeRuneInString(v.src[v.pos:])
		v.pos += n
	}
}

// quantifierBraces reports whether {…} at v.pos is a well-formed
// quantifier {n}, {n,} or {n,m}, checking n <= m.
func (v *reValidator) quantifierBraces() bool {
	rest := v.src[v.pos:]
	end := strings.IndexByte(rest, '}')
	if end < 0 {
		return false
	}
	body := rest[1:end]
	lo, hi, comma := body, "", false
	if i := strings.IndexByte(body, ','); i >= 0 {
		lo, hi, comma = body[:i], body[i+1:], true
	}
	if !allDigits(lo) || hi != "" && !allDigits(hi) {
		return false
	}
	if comma && hi != "" {
		a, _ := strconv.ParseFloat(lo, 64)
		z, _ := strconv.ParseFloat(hi, 64)
		if a > z {
			v.fail("numbers out of order in {" + body + "} quantifier")
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func (v *reValidator) quantifier() {
	if v.failed || v.pos >= len(v.src) {
		return
	}
	switch v.src[v.pos] {
	case '*', '+', '?':
		v.pos++
	case '{':
		if !v.quantifierBraces() || v.failed {
			return
		}
		v.pos += strings.IndexByte(v.src[v.pos:], '}') + 1
	default:
		return
	}
	if v.peek() == '?' {
		v.pos++
	}
	if c := v.peek(); c == '*' || c == '+' || c == '?' || c == '{' && v.quantifierBraces() {
		v.fail("nothing to repeat before '" + string(c) + "'")
	}
}

// class reads [...] and checks that ranges are in order.
func (v *reValidator) class() {
	v.pos++
	if v.peek() == '^' {
		v.pos++
	}
	prev, prevOK, dash, from := rune(0), false, false, 0
	for v.pos < len(v.src) && v.src[v.pos] != ']' {
		at := v.pos
		r, ok := v.classAtom()
		if dash && prevOK && ok && r < prev {
			v.failAt("range out of order in character class", from)
			return
		}
		if !dash && v.peek() == '-' && v.pos+1 < len(v.src) && v.src[v.pos+1] != ']' {
			v.pos++
			prev, prevOK, dash, from = r, ok, true, at
			continue
		}
		dash = false
	}
	if v.pos >= len(v.src) {
		v.fail("missing ']' to close a character class")
		return
	}
	v.pos++
}

// classAtom reads one class atom; ok is false for class escapes like \d
// that stand for several characters.
func (v *reValidator) classAtom() (rune, bool) {
	if v.src[v.pos] != '\\' {
		r, n := utf8.DecodeRuneInString(v.src[v.pos:])
		v.pos += n
		return r, true
	}
	v.pos++
	if v.pos >= len(v.src) {
		return 0, false
	}
	c := v.src[v.pos]
	v.pos++
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		return 0, false
	case 'b':
		return '\b', true
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 'f':
		return '\f', true
	case 'v':
		return '\v', true
	case 'x', 'u':
		n := 2
		if c == 'u' {
			n = 4
		}
		if v.pos+n <= len(v.src) {
			if x, err := strconv.ParseUint(v.src[v.pos:v.pos+n], 16, 32); err == nil {
				v.pos += n
				return rune(x), true
			}
		}
		return rune(c), true
	}
	if c >= utf8.RuneSelf {
		v.pos--
		r, n := utf8.DecodeRuneInString(v.src[v.pos:])
		v.pos += n
		return r, true
	}
	if isDigit(c) {
		return 0, false
	}
	return rune(c), true
}
