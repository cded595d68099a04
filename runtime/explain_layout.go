package runtime

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/cond"
)

// The layout of an Explanation, the way power-assert draws one: each line
// of the condition, then a bar under every part's anchor (its operator, a
// member's name, a called method's name, or its start) and the part's
// value at the foot of its bar, the rightmost first, each value on the
// first row where it does not run into a value to its right.
//
//	_event.data.resultof == 'deletion'
//	|      |    |        |
//	|      |    |        false
//	|      |    "revoking"
//	|      {"resultof":"revoking"}
//	{"data":{"resultof":"revoking"},…}
//
// A part short-circuited away shows "not evaluated" (its own parts show
// nothing), the part that threw shows "threw" and the error's class.

// maxLabel bounds the runes of a value in the layout.
const maxLabel = 40

// String lays the explanation out under the condition.
func (x *Explanation) String() string {
	if x == nil || x.Root == nil {
		return ""
	}
	var labels []label
	var collect func(p *Part)
	collect = func(p *Part) {
		switch p.State {
		case NotEvaluated:
			labels = append(labels, label{at: p.anchor, text: "not evaluated"})
			return
		case Threw:
			if p.Error != nil {
				labels = append(labels, label{at: p.anchor, text: "threw " + p.Error.Type})
			}
		case Evaluated:
			if !p.literal {
				labels = append(labels, label{at: p.anchor, text: clip(p.Display)})
			}
		}
		for _, c := range p.Parts {
			collect(c)
		}
	}
	collect(x.Root)

	var b strings.Builder
	m := cond.NewMapper(x.Source, cond.ECMAScriptBreaks) // lines as goja and the front end count them
	at := make([][]label, m.Lines()+1)
	for _, l := range labels {
		p := m.Position(l.at)
		at[p.Line] = append(at[p.Line], label{at: p.Column - 1, text: l.text})
	}
	for n := 1; n <= m.Lines(); n++ {
		b.WriteString(strings.TrimRight(strings.ReplaceAll(m.Line(n), "\t", " "), " "))
		b.WriteByte('\n')
		diagram(&b, at[n])
	}
	return b.String()
}

// label is a value to write at a column (in runes, 0-based) under a line.
type label struct {
	at   int
	text string
}

// diagram writes the rows of bars and values of one line's labels.
func diagram(b *strings.Builder, labels []label) {
	if len(labels) == 0 {
		return
	}
	sort.SliceStable(labels, func(i, j int) bool { return labels[i].at > labels[j].at })
	bars := func(ls []label) []rune {
		row := []rune(strings.Repeat(" ", ls[0].at+1))
		for _, l := range ls {
			row[l.at] = '|'
		}
		return row
	}
	writeRow := func(row []rune) {
		b.WriteString(strings.TrimRight(string(row), " "))
		b.WriteByte('\n')
	}
	writeRow(bars(labels))
	row, limit := bars(labels), -1
	for i, l := range labels {
		width := utf8.RuneCountInString(l.text)
		if limit >= 0 && l.at+width >= limit {
			writeRow(row)
			row, limit = bars(labels[i:]), -1
		}
		for len(row) < l.at+width {
			row = append(row, ' ')
		}
		copy(row[l.at:], []rune(l.text))
		limit = l.at
	}
	writeRow(row)
}

// clip shortens a value for the layout.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxLabel {
		return s
	}
	r := []rune(s)
	return string(r[:maxLabel-1]) + "…"
}
