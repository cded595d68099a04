package lint

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

const docUnknownEvent = `An event descriptor that names no event ORS, Composer or SCXML sends.

Only descriptors in a namespace the catalog knows (interaction., queue., error., …) and known misspellings are reported, and, in any namespace, a '*' glued to a token (interaction.notcontrolled*, *.deleted): '*' is a wildcard only alone or as a final '.*', so such a descriptor matches only an event of that very name.

Why: descriptors match whole dot-separated tokens, case-sensitively (W3C SCXML 3.12.1), so a handler on a name no event has never fires. The usual suspects: interaction.partystate.changed is interaction.partystatechanged; interaction.attached is interaction.attach.done; interaction.error does not exist — errors of interaction actions are error.interaction.<action>. Descriptors in namespaces the catalog does not know (an application's own events) are not reported.

Example:

    <transition event="interaction.partystate.changed">

Fix:

    <transition event="interaction.partystatechanged">`

// unknownEvent reports descriptors that name no known event.
func unknownEvent(p *Pass) {
	for _, d := range fieldsWithSpans(p.Source) {
		desc := p.Source[d.Start:d.End]
		if flaw, ok := builtins.ParseDescriptor(desc).Flaw(); ok {
			reportFlaw(p, d, flaw)
			continue
		}
		if desc == "*" || builtins.KnownEventPrefix(desc) {
			continue
		}
		if guess, ok := builtins.SuggestEvent(desc); ok {
			p.ReportFix(d, fmt.Sprintf("no event is called %s", desc), fmt.Sprintf("did you mean %s?", guess),
				&cond.Fix{Span: d, NewText: guess})
			continue
		}
		first, _, _ := strings.Cut(desc, ".")
		if first != desc && builtins.KnownEventPrefix(first) {
			p.Report(d, fmt.Sprintf("no known %s event is called %s", first, desc), "check the event's name in the IPD Events dialog or the ORS documentation")
		}
	}
}

// reportFlaw reports a descriptor with a misplaced '*': it matches only an
// event of that very name, so its handler never fires for the event it
// seems to name (dispatch skips it for its descriptor).
func reportFlaw(p *Pass, d cond.Span, flaw builtins.DescriptorFlaw) {
	if flaw.Fix == "" {
		p.Report(d, flaw.Message, "write the event's name, a prefix of whole tokens, or *")
		return
	}
	p.ReportFix(d, flaw.Message, "did you mean "+flaw.Fix+"?", &cond.Fix{Span: d, NewText: flaw.Fix})
}

// fieldsWithSpans splits s at white space like strings.Fields, keeping
// each field's span.
func fieldsWithSpans(s string) []cond.Span {
	var out []cond.Span
	start := -1
	for i := 0; i <= len(s); i++ {
		space := i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		switch {
		case space && start >= 0:
			out = append(out, cond.Span{Start: start, End: i})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	return out
}
