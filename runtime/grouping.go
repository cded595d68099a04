package runtime

import (
	"sort"
	"strings"

	"github.com/condeval/condeval/cond"
)

// goja's parser groups a chain of relational operators (<, >, <=, >=, in,
// instanceof) from the right: it reads 1 < 2 < 3 as 1 < (2 < 3), false,
// where ECMAScript — and ORS — read (1 < 2) < 3, true. The text goja is
// given therefore has the left comparison of each chain in parentheses,
// as the front end's tree groups it; positions in that text map back to
// the condition's through the inserted offsets.

// grouped is the text goja evaluates: the condition with its relational
// chains in parentheses.
type grouped struct {
	text     string
	inserted []int // offsets in text of the characters inserted, ascending
}

// group returns src with the left comparison of every relational chain of
// expr in parentheses; the text is src itself when there is no chain.
func group(src string, expr *cond.Expr) grouped {
	type paren struct {
		at   int
		text string
	}
	var ps []paren
	cond.Inspect(expr.Root, func(n cond.Node) bool {
		if b, ok := n.(*cond.Binary); ok && b.Op.IsRelational() {
			if left, ok := b.X.(*cond.Binary); ok && left.Op.IsRelational() {
				s := left.Span()
				ps = append(ps, paren{s.Start, "("}, paren{s.End, ")"})
			}
		}
		return true
	})
	if len(ps) == 0 {
		return grouped{text: src}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].at < ps[j].at })
	var b strings.Builder
	g := grouped{}
	last := 0
	for _, p := range ps {
		b.WriteString(src[last:p.at])
		g.inserted = append(g.inserted, b.Len())
		b.WriteString(p.text)
		last = p.at
	}
	b.WriteString(src[last:])
	g.text = b.String()
	return g
}

// original maps an offset of the grouped text to the condition's.
func (g grouped) original(off int) int {
	return off - sort.SearchInts(g.inserted, off) // the characters inserted before off
}
