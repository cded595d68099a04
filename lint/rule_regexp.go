package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/condeval/condeval/cond"
)

const docBacktracking = `A regular expression that needs a backtracking matcher.

That is one with a backreference (\1), a lookahead ((?=…), (?!…)), or a quantified group that itself contains an unbounded quantifier ((a+)+, (\w+\s?)*).

Why: such patterns cannot be run by a linear-time matcher. A backtracking matcher can take time exponential in the input on them, and a match in progress is not interrupted by a time-out: one long user-data value can stall the ORS session (and condeval's evaluation) on a single condition.

Example:

    /^(\d+-?)+$/.test(_genesys.ixn.interactions[system.InteractionID].udata.Account)

Fix: rewrite without nesting or lookaround — here /^[\d-]+$/ — or test with string methods (indexOf, ===).`

// backtracking reports regular expressions that need backtracking.
func backtracking(p *Pass) {
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		var pattern string
		var at cond.Span
		switch n := n.(type) {
		case *cond.Regexp:
			pattern, at = n.Pattern, n.Pos
		case *cond.Call:
			pattern, at = regexpConstructor(n.Callee, n.Args)
		case *cond.New:
			pattern, at = regexpConstructor(n.Callee, n.Args)
		}
		if at == (cond.Span{}) {
			return true
		}
		if why := backtrackingReasons(pattern); len(why) > 0 {
			p.Report(at, fmt.Sprintf("this regular expression needs backtracking (%s): a match cannot be interrupted and may take exponential time", strings.Join(why, ", ")),
				"rewrite it without backreferences, lookahead or nested quantifiers, or use string methods")
		}
		return true
	})
}

// regexpConstructor returns the pattern of RegExp('…') or new RegExp('…').
func regexpConstructor(callee cond.Node, args []cond.Node) (string, cond.Span) {
	id, ok := cond.Unparen(callee).(*cond.Ident)
	if !ok || id.Name != "RegExp" || len(args) == 0 {
		return "", cond.Span{}
	}
	s, ok := cond.Unparen(args[0]).(*cond.String)
	if !ok {
		return "", cond.Span{}
	}
	return s.Value, s.Pos
}

// backtrackingReasons names the constructs of an ES5 pattern that need
// backtracking, each once.
func backtrackingReasons(pat string) []string {
	var why []string
	add := func(s string) {
		if !slices.Contains(why, s) {
			why = append(why, s)
		}
	}
	type group struct{ unbounded bool }
	stack := []group{{}}
	for i := 0; i < len(pat); i++ {
		atomUnbounded := false // the atom just read contains an unbounded quantifier
		switch c := pat[i]; c {
		case '\\':
			if i+1 < len(pat) && pat[i+1] >= '1' && pat[i+1] <= '9' {
				add("backreference \\" + pat[i+1:i+2])
			}
			i++
		case '[':
			for i++; i < len(pat) && pat[i] != ']'; i++ {
				if pat[i] == '\\' {
					i++
				}
			}
		case '(':
			if strings.HasPrefix(pat[i:], "(?=") || strings.HasPrefix(pat[i:], "(?!") {
				add("lookahead " + pat[i:i+3] + "…)")
			}
			stack = append(stack, group{})
			continue
		case ')':
			if len(stack) > 1 {
				atomUnbounded = stack[len(stack)-1].unbounded
				stack = stack[:len(stack)-1]
			}
		case '|', '^', '$':
			continue
		}
		n, unbounded := quantifierAt(pat, i+1)
		if unbounded && atomUnbounded {
			add("nested quantifier (…" + pat[i:i+1+n])
		}
		i += n
		if unbounded || atomUnbounded {
			stack[len(stack)-1].unbounded = true
		}
	}
	return why
}

// quantifierAt reads a quantifier at pat[i:]: its length (0 for none) and
// whether it repeats without bound (*, +, {n,}).
func quantifierAt(pat string, i int) (int, bool) {
	if i >= len(pat) {
		return 0, false
	}
	n, unbounded := 0, false
	switch pat[i] {
	case '*', '+':
		n, unbounded = 1, true
	case '?':
		n = 1
	case '{':
		end := strings.IndexByte(pat[i:], '}')
		if end < 0 {
			return 0, false
		}
		body := pat[i+1 : i+end]
		lo, hi, comma := strings.Cut(body, ",")
		if !digits(lo) || hi != "" && !digits(hi) {
			return 0, false
		}
		n, unbounded = end+1, comma && hi == ""
	default:
		return 0, false
	}
	if i+n < len(pat) && pat[i+n] == '?' {
		n++ // lazy
	}
	return n, unbounded
}

// digits reports whether s is a non-empty run of decimal digits.
func digits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
