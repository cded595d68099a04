package runtime

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja/parser"
)

// Strings on the compiled path are Go strings of valid UTF-8 (host strings
// that are not bail): positions and lengths are counted in UTF-16 code
// units, as ECMAScript counts them; an operation that would split a
// surrogate pair bails, since a Go string cannot hold half of one.

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	if isASCII(s) {
		return len(s)
	}
	n := 0
	for _, r := range s {
		n += units(r)
	}
	return n
}

// byteOffset is the byte offset of UTF-16 index u (0 ≤ u ≤ utf16Len(s));
// ok is false when u falls inside a surrogate pair.
func byteOffset(s string, u int) (int, bool) {
	if isASCII(s) {
		return u, true
	}
	n := 0
	for i, r := range s {
		if n == u {
			return i, true
		}
		n += units(r)
		if n > u {
			return 0, false
		}
	}
	return len(s), true
}

// unitIndex is the UTF-16 index of byte offset b, which starts a character.
func unitIndex(s string, b int) int {
	if isASCII(s[:b]) {
		return b
	}
	return utf16Len(s[:b])
}

// substring is s from UTF-16 index i to j (0 ≤ i ≤ j ≤ utf16Len(s)).
func substring(s string, i, j int) (string, bool) {
	bi, ok1 := byteOffset(s, i)
	bj, ok2 := byteOffset(s, j)
	if !ok1 || !ok2 {
		return "", false
	}
	return s[bi:bj], true
}

// compareUTF16 orders strings by UTF-16 code units (11.8.5), which differs
// from Go's byte order only between characters above U+FFFF and those in
// U+E000–U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				return int(ua) - int(ub)
			}
			return int(ra) - int(rb) // same high surrogate: the low ones order as the runes
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) - len(b)
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

// stringMethod is one String.prototype method the compiled path runs: it
// gets the receiver and its first two arguments, evaluated (undefined when
// missing, which these methods do not tell from an explicit undefined).
type stringMethod func(s string, a, b value) value

// stringMethods are the methods conditions use, each as goja defines it
// (builtin_string.go); any other method name sends the condition to goja.
var stringMethods = map[string]stringMethod{
	"toLowerCase": func(s string, _, _ value) value { return caseMapped(s, strings.ToLower) },
	"toUpperCase": func(s string, _, _ value) value { return caseMapped(s, strings.ToUpper) },
	"trim": func(s string, _, _ value) value {
		return stringValue(strings.Trim(s, parser.WhitespaceChars))
	},
	"charAt": func(s string, a, b value) value {
		pos, ok := integerArg(a)
		if !ok {
			return bailValue
		}
		if pos < 0 || pos >= int64(utf16Len(s)) {
			return stringValue("")
		}
		return substringValue(s, int(pos), int(pos)+1)
	},
	"indexOf": func(s string, a, b value) value {
		target, ok1 := stringArg(a)
		pos, ok2 := integerArg(b)
		if !ok1 || !ok2 {
			return bailValue
		}
		pos = min(max(pos, 0), int64(utf16Len(s)))
		off, ok := byteOffset(s, int(pos))
		if !ok {
			return bailValue
		}
		i := strings.Index(s[off:], target)
		if i < 0 {
			return value{k: kNumber, n: -1}
		}
		return value{k: kNumber, n: float64(unitIndex(s, off+i))}
	},
	"lastIndexOf": func(s string, a, b value) value {
		target, ok1 := stringArg(a)
		n, ok2 := numberArg(b)
		if !ok1 || !ok2 {
			return bailValue
		}
		l := int64(utf16Len(s))
		pos := l
		if n == n { // not NaN
			pos = min(max(toInteger(n), 0), l)
		}
		off, ok := byteOffset(s, int(pos))
		if !ok {
			return bailValue
		}
		i := strings.LastIndex(s[:min(off+len(target), len(s))], target)
		if i < 0 {
			return value{k: kNumber, n: -1}
		}
		return value{k: kNumber, n: float64(unitIndex(s, i))}
	},
	"substring": func(s string, a, b value) value {
		l := int64(utf16Len(s))
		start, ok1 := integerArg(a)
		end, ok2 := optionalIntegerArg(b, l)
		if !ok1 || !ok2 {
			return bailValue
		}
		start, end = min(max(start, 0), l), min(max(end, 0), l)
		if start > end {
			start, end = end, start
		}
		return substringValue(s, int(start), int(end))
	},
	"substr": func(s string, a, b value) value {
		l := int64(utf16Len(s))
		start, ok1 := integerArg(a)
		length, ok2 := optionalIntegerArg(b, l)
		if !ok1 || !ok2 {
			return bailValue
		}
		if start < 0 {
			start = max(l+start, 0)
		}
		length = min(max(length, 0), l-start)
		if length <= 0 {
			return stringValue("")
		}
		return substringValue(s, int(start), int(start+length))
	},
	"slice": func(s string, a, b value) value {
		l := int64(utf16Len(s))
		start, ok1 := integerArg(a)
		end, ok2 := optionalIntegerArg(b, l)
		if !ok1 || !ok2 {
			return bailValue
		}
		start, end = relative(start, l), relative(end, l)
		if start >= end {
			return stringValue("")
		}
		return substringValue(s, int(start), int(end))
	},
}

// caseMapped maps ASCII strings with Go's functions, which are exact for
// ASCII; goja maps other strings with golang.org/x/text's rules, left to it.
func caseMapped(s string, f func(string) string) value {
	if !isASCII(s) {
		return bailValue
	}
	return stringValue(f(s))
}

// relative resolves a slice bound: negative counts from the end.
func relative(i, l int64) int64 {
	if i < 0 {
		return max(i+l, 0)
	}
	return min(i, l)
}

func substringValue(s string, i, j int) value {
	sub, ok := substring(s, i, j)
	if !ok {
		return bailValue
	}
	return stringValue(sub)
}

func stringArg(v value) (string, bool) { return toString(v) }

func numberArg(v value) (float64, bool) { return toNumber(v) }

func integerArg(v value) (int64, bool) {
	n, ok := toNumber(v)
	return toInteger(n), ok
}

// optionalIntegerArg is integerArg with def for undefined.
func optionalIntegerArg(v value, def int64) (int64, bool) {
	if v.k == kUndefined {
		return def, true
	}
	return integerArg(v)
}
