package lint

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/cond"
)

const docLineComment = `A // comment in an attribute that spans several lines.

Why: XML attribute-value normalisation turns every line break of an attribute into a space before the ECMAScript engine sees the condition. The // comment then runs to the end of the whole attribute, not to the end of its line, and silently swallows the rest of the condition.

Example:

    cond="_event.data.interactionid == system.InteractionID // ours
          &amp;&amp; typeof system.SessionID != 'undefined'"

is evaluated as _event.data.interactionid == system.InteractionID alone.

Fix: use a /* … */ comment, or none:

    cond="_event.data.interactionid == system.InteractionID /* ours */
          &amp;&amp; typeof system.SessionID != 'undefined'"`

// lineComment reports // comments that swallow the following lines of a
// multi-line attribute.
func lineComment(p *Pass) {
	folds := p.Context.Folds
	if len(folds) == 0 || !strings.Contains(p.Source, "//") {
		return
	}
	for _, c := range p.comments {
		if c.Block {
			continue
		}
		fold := -1
		for _, f := range folds {
			if f >= c.Span.Start+2 {
				fold = f
				break
			}
		}
		if fold < 0 {
			continue // on the last line: it ends where the attribute ends
		}
		rest := strings.Join(strings.Fields(p.Source[fold:]), " ")
		if rest == "" {
			continue
		}
		var fix *cond.Fix
		if body := strings.TrimRight(p.Source[c.Span.Start+2:fold], " \t"); !strings.Contains(body, "*/") {
			fix = &cond.Fix{Span: cond.Span{Start: c.Span.Start, End: c.Span.Start + 2 + len(body)}, NewText: "/*" + body + " */"}
		}
		p.ReportFix(cond.Span{Start: c.Span.Start, End: len(p.Source)},
			fmt.Sprintf("XML turns the line breaks of this attribute into spaces, so this // comment also hides %q", clip(rest, 60)),
			"use /* … */ for a comment in an attribute", fix)
	}
}

// clip shortens s to about n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

const docPlaceholder = `A Composer placeholder that is still in the text where nothing will replace it.

That is {block} outside a Composer diagram, or $$_MY_PREFIX_$$ outside Composer's diagrams, generated code and subroutine templates (src/subRoutines/*.scxml, whose state ids carry the prefix).

Why: Composer replaces {block} by the block's name when it generates SCXML from a workflow (App_{block} becomes App_RouteToSales), and $$_MY_PREFIX_$$ when the IPD includes a generated workflow. In a diagram or generated code they are expected; anywhere else ORS sees them as written: App_{block} is a syntax error and $$_MY_PREFIX_$$ a name nothing defines.

Example (in a hand-written .scxml):

    _event.data.requestid == App_{block}['requestid']

Fix: write the block's own variable:

    _event.data.requestid == App_RouteToSales['requestid']`

// unreplacedPlaceholder reports Composer placeholders that will not be
// replaced.
func unreplacedPlaceholder(p *Pass) {
	for i := range placeholders {
		ph := &placeholders[i]
		if ph.expanded(p.Context) {
			continue
		}
		for _, at := range ph.spans(p.Source) {
			p.Report(at, fmt.Sprintf("the Composer placeholder %s is never replaced here (%s)", ph.text, ph.where),
				"write the name it stands for")
		}
	}
}

const docTrailingSemicolon = `A cond or expr attribute that ends with ';'.

Why: a cond or expr is an expression, and an expression has no ';'. Engines that run the attribute through eval (SpiderMonkey in ORS) accept the ';' as the end of a statement, but an engine that compiles the attribute as an expression — condeval's runtime among them — rejects it, and the condition then is false with error.execution.

Example:

    <assign location="foo" expr="new Date();"/>

Fix: drop the ';':

    <assign location="foo" expr="new Date()"/>`

// trailingSemi reports a ';' at the end of an expression.
func trailingSemi(p *Pass) {
	if i := trailingSemicolon(p.Source); i >= 0 && p.Expr != nil {
		at := cond.Span{Start: i, End: i + 1}
		p.ReportFix(at, "a cond or expr is an expression: this ';' makes it a statement", "remove the ';'", &cond.Fix{Span: at})
	}
}
