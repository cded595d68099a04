package runtime

import (
	"errors"
	"math"
	"regexp"
	"strconv"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// goja matches a regular expression with Go's linear-time regexp when it
// can, but hands patterns with backreferences or lookaround to regexp2 — and
// also every pattern, for a search from a non-zero lastIndex or in a
// non-ASCII string. regexp2 backtracks and ignores goja's interrupt, so
// /^(a+)+\1$/ can run for minutes. A regular expression is therefore checked
// each time it is about to run, and refused when goja could backtrack on it
// without bound.

// unsafePattern says why a pattern is refused, or returns "".
func unsafePattern(pattern string, unicode, dotAll bool) string {
	re2, err := parser.TransformRegExp(pattern, dotAll, unicode)
	if err != nil {
		var incompatible parser.RegexpErrorIncompatible
		if errors.As(err, &incompatible) {
			return "it uses a backreference or lookaround, which needs a backtracking matcher"
		}
		return "" // not a valid pattern: goja reports that itself
	}
	if _, err := regexp.Compile(re2); err != nil {
		return "its repeat count is too large for a linear-time matcher"
	}
	if nestedRepeat(pattern) {
		return "a repeated group holds a quantifier or an alternation (as in (a+)+ or (a|ab)*), which can take exponential time"
	}
	return ""
}

// nestedRepeat reports whether a group that holds a quantifier or an
// alternation is itself repeated more than once: the shape of catastrophic
// backtracking.
func nestedRepeat(p string) bool {
	var risky []bool // one per open group: holds a quantifier or |
	lastGroupRisky, afterGroup, inClass := false, false, false
	mark := func() {
		if len(risky) > 0 {
			risky[len(risky)-1] = true
		}
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		wasGroup := afterGroup
		afterGroup = false
		switch {
		case c == '\\':
			i++
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '(':
			risky = append(risky, false)
			if i+2 < len(p) && p[i+1] == '?' && p[i+2] == ':' {
				i += 2
			}
		case c == ')':
			if len(risky) > 0 {
				lastGroupRisky = risky[len(risky)-1]
				risky = risky[:len(risky)-1]
				if lastGroupRisky {
					mark()
				}
				afterGroup = true
			}
		case c == '|':
			mark()
		case c == '*' || c == '+' || c == '?' || c == '{':
			n, unbounded := quantifier(p[i:])
			if n == 0 {
				continue // a literal {
			}
			if wasGroup && lastGroupRisky && unbounded {
				return true
			}
			mark()
			i += n - 1
			if i+1 < len(p) && p[i+1] == '?' {
				i++ // lazy
			}
		}
	}
	return false
}

// quantifier measures the quantifier at the start of q: its length (0 when
// q starts with a { that is a literal) and whether it repeats more than once.
func quantifier(q string) (n int, unbounded bool) {
	switch q[0] {
	case '*', '+':
		return 1, true
	case '?':
		return 1, false
	}
	m := regexpQuantifier.FindStringSubmatch(q)
	if m == nil {
		return 0, false
	}
	switch {
	case m[2] == "": // {n}
		return len(m[0]), atoi(m[1]) > 1
	case m[3] == "": // {n,}
		return len(m[0]), true
	}
	return len(m[0]), atoi(m[3]) > 1 // {n,m}
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return math.MaxInt // too many digits: as good as unbounded
	}
	return n
}

var regexpQuantifier = regexp.MustCompile(`^\{(\d+)(,(\d*))?\}`)

// regexpGetters reads the getters of RegExp.prototype's source, unicode and
// dotAll, compiled once for every runtime.
var regexpGetters = goja.MustCompile("regexp-getters", `(function(d) {
	return [d(RegExp.prototype, "source").get, d(RegExp.prototype, "unicode").get, d(RegExp.prototype, "dotAll").get];
})(Object.getOwnPropertyDescriptor)`, false)

// guardRegExps routes every match through exec and test, which check the
// pattern first. Replacing exec on the prototype makes goja's own
// match/replace/search/split take their generic paths, which call exec.
func (g *guards) guardRegExps() {
	proto := g.proto("RegExp")
	getters, err := g.rt.RunProgram(regexpGetters)
	if err != nil {
		panic(err)
	}
	getter := func(i int) goja.Callable {
		f, _ := goja.AssertFunction(getters.ToObject(g.rt).Get(strconv.Itoa(i)))
		return f
	}
	g.regexpSource, g.regexpUnicode, g.regexpDotAll = getter(0), getter(1), getter(2)
	for _, name := range []string{"exec", "test"} {
		g.wrap(proto, name, func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				g.checkRegExp(call.This)
				return g.call(orig, call)
			}
		})
	}
}

func (g *guards) checkRegExp(this goja.Value) {
	o, ok := this.(*goja.Object)
	if !ok || o.ClassName() != "RegExp" {
		return // the original throws its TypeError
	}
	get := func(f goja.Callable) goja.Value {
		v, err := f(o)
		if err != nil {
			panic(err)
		}
		return v
	}
	src := get(g.regexpSource).String()
	if why := unsafePattern(src, get(g.regexpUnicode).ToBoolean(), get(g.regexpDotAll).ToBoolean()); why != "" {
		g.throw(g.syntaxError, "regular expression /"+src+"/ is refused: "+why)
	}
}
