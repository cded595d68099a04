package lint

import (
	"slices"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// Edit is one change to a file: replace the bytes [Start, End) by NewText,
// which is already escaped for the XML layers it sits in.
type Edit struct {
	Start, End scxml.Position
	NewText    string
}

// Repair is a finding's fix in file terms: edits that go in together. The
// language server offers it as a code action and lint --fix applies it
// (ApplyRepairs); neither knows how a fix is escaped or placed.
type Repair struct {
	Kind  cond.FixKind // as the finding's rule marks it
	Edits []Edit       // in file order, not overlapping
}

// FixKindOf returns the kind of fix a code's findings carry: the rule's
// mark, or the front end's for a syntax code.
func FixKindOf(code string) cond.FixKind {
	for _, r := range Rules() {
		if r.Code == code {
			return r.Fix
		}
	}
	c, _ := cond.LookupCode(code)
	return c.Fix
}

// repair maps a finding's fix on an item's text into the file.
func (l *fileLinter) repair(it scxml.Item, f Finding) *Repair {
	e := l.edit(it, *f.Fix)
	if e == nil {
		return nil
	}
	return &Repair{Kind: FixKindOf(f.Code), Edits: []Edit{*e}}
}

// edit maps a fix into the file, escaping its text for the XML layers the
// item was decoded from. A fix it cannot place safely is dropped; the
// suggestion still says what to do.
func (l *fileLinter) edit(it scxml.Item, fx cond.Fix) *Edit {
	depth, ok := escapeDepth(l.file.Format, it)
	if !ok && strings.ContainsAny(fx.NewText, `&<>"'`) {
		return nil
	}
	if depth == 0 && ok && !it.Text.Verbatim(fx.Span.Start, fx.Span.End) {
		return nil // over a YAML escape or folded line, which no escaping here remakes
	}
	from, to := it.Text.FileSpan(fx.Span.Start, fx.Span.End)
	quote := byte('"')
	if at := it.Text.FileOffset(-1) - 1; depth > 0 && at >= 0 && at < len(l.file.Source.Data) && l.file.Source.Data[at] == '\'' {
		quote = '\''
	}
	return &Edit{Start: l.file.Source.Position(from), End: l.file.Source.Position(to), NewText: escapeLayers(fx.NewText, depth, quote)}
}

// escapeDepth says how many times the file escapes an item's text: once
// for SCXML attributes and the attributes of workflow blocks (branch
// expressions, guards, Assign values, scripts), twice for what Composer
// copies verbatim into generated SCXML (IPD handlers and their bodies,
// workflow exceptions), never for a condition list or a handler file. ok
// is false for element content, which may or may not be in CDATA.
func escapeDepth(f scxml.Format, it scxml.Item) (int, bool) {
	switch {
	case standalone(f):
		return 0, true
	case it.Attr == "":
		return 0, false
	case f == scxml.FormatSCXML, f == scxml.FormatWorkflow && it.Element != "conditionalExceptions":
		return 1, true
	}
	return 2, true
}

var (
	xmlEscapes      = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	xmlEscapesApos  = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
	xmlLayerEscapes = [2]*strings.Replacer{xmlEscapes, xmlEscapesApos}
)

func escapeXML(s string) string { return xmlEscapes.Replace(s) }

// escapeLayers escapes s for depth layers of XML attributes, the outermost
// quoted with quote (the inner ones are what Composer generates: "").
func escapeLayers(s string, depth int, quote byte) string {
	for i := range depth {
		r := xmlLayerEscapes[0]
		if i == depth-1 && quote == '\'' {
			r = xmlLayerEscapes[1]
		}
		s = r.Replace(s)
	}
	return s
}

// ApplyRepairs applies repairs to text, the bytes their positions count
// in, and returns the new text and the indexes of the repairs applied. A
// repair with an edit that overlaps or touches an edit already taken is
// left out (ESLint does the same): lint again and apply what is left.
func ApplyRepairs(text []byte, repairs []*Repair) ([]byte, []int) {
	order := make([]int, 0, len(repairs))
	for i, r := range repairs {
		if r != nil && len(r.Edits) > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return repairs[a].Edits[0].Start.Offset - repairs[b].Edits[0].Start.Offset })
	var taken []Edit
	var applied []int
	for _, i := range order {
		if !fits(repairs[i].Edits, taken, len(text)) {
			continue
		}
		taken = append(taken, repairs[i].Edits...)
		applied = append(applied, i)
	}
	slices.SortFunc(taken, func(a, b Edit) int { return a.Start.Offset - b.Start.Offset })
	out := make([]byte, 0, len(text))
	at := 0
	for _, e := range taken {
		out = append(out, text[at:e.Start.Offset]...)
		out = append(out, e.NewText...)
		at = e.End.Offset
	}
	out = append(out, text[at:]...)
	slices.Sort(applied)
	return out, applied
}

// fits reports whether edits lie within the text and apart from each
// other and from those taken: no overlap, no shared boundary.
func fits(edits, taken []Edit, size int) bool {
	for i, e := range edits {
		if e.Start.Offset < 0 || e.End.Offset < e.Start.Offset || e.End.Offset > size {
			return false
		}
		for _, t := range append(taken[:len(taken):len(taken)], edits[:i]...) {
			if e.Start.Offset <= t.End.Offset && t.Start.Offset <= e.End.Offset {
				return false
			}
		}
	}
	return true
}
