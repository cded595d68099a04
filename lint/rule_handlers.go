package lint

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// resultofFilter is the seed's test, with its closing parenthesis: true
// for a deletion, and for ORS releases that do not set resultof.
const resultofFilter = "(!_event.data.resultof || _event.data.resultof == 'deletion')"

// seedCondition is the whole condition of the Switchovers page, closed.
const seedCondition = "_event.data.interactionid == system.InteractionID && " + resultofFilter

// resultofEvents are the events ORS sets resultof on.
var resultofEvents = []string{"interaction.notcontrolled", "interaction.deleted"}

const docResultofUnchecked = `A handler on interaction.notcontrolled or interaction.deleted whose condition does not look at _event.data.resultof.

Why: since ORS 8.1.400.17 these events carry resultof: detaching, deletion, routing or revoking. Without a test the handler also fires for routing — an expected result of the strategy's own actions, such as delivering the interaction to an agent — and for revoking, an eServices switchover, after which the interaction comes back with interaction.present. A handler that ends the session on them ends it too early.

Example (event="interaction.notcontrolled"):

    _event.data.interactionid == system.InteractionID

Fix: add the filter from Composer's Switchovers page (with the closing parenthesis the page lacks), which also accepts ORS releases that do not send resultof:

    _event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')`

// resultofUnchecked reports a handler condition on a resultof event that
// never reads resultof.
func resultofUnchecked(p *Pass) {
	event := resultofEvent(p.Context.Event)
	if !p.Context.Gate || event == "" || p.Expr == nil || readsResultof(p.Root()) {
		return
	}
	root := p.Expr.Root
	fix := &cond.Fix{Span: cond.Span{Start: root.Span().End, End: root.Span().End}, NewText: " && " + resultofFilter}
	if l, ok := root.(*cond.Logical); ok && l.Op == cond.OpOr || !simpleOperand(root) {
		fix = &cond.Fix{Span: root.Span(), NewText: "(" + p.Text(root.Span()) + ") && " + resultofFilter}
	}
	p.ReportFix(root.Span(), resultofMessage(event), "add the resultof filter: … && "+resultofFilter, fix)
}

// resultofUncheckedDocument reports handlers on resultof events that have
// no condition at all.
func resultofUncheckedDocument(p *DocumentPass) {
	for i, h := range p.Document.Handlers {
		if event := resultofEvent(h.Event); event != "" && !h.Disabled && strings.TrimSpace(h.Cond) == "" {
			p.ReportFix(i, resultofMessage(event), "give it the condition "+seedCondition, &HandlerFix{Cond: seedCondition})
		}
	}
}

func resultofEvent(attr string) string {
	for _, e := range resultofEvents {
		if builtins.ParseDescriptors(attr).Names(e) {
			return e
		}
	}
	return ""
}

func resultofMessage(event string) string {
	return fmt.Sprintf("this %s handler does not test _event.data.resultof: it also fires for 'routing' (the strategy's own routing) and 'revoking' (a switchover)", event)
}

// simpleOperand reports whether n can be the left operand of && as written.
func simpleOperand(n cond.Node) bool {
	switch n.(type) {
	case *cond.Conditional, *cond.Assign, *cond.Sequence:
		return false
	}
	return true
}

const docEndsOnNotcontrolled = `A document that ends the session on interaction.notcontrolled, without testing resultof, and has no interaction.present handler.

Why: this is the default of Composer 8.1.400.19 and earlier, and upgrading Composer does not replace the handler in existing IPDs. In an eServices switchover (a Chat Server HA switchover, Interaction Server failover) the interaction is revoked — interaction.notcontrolled — and then offered to the session again with interaction.present ("interaction re-queued" in the IPD Events dialog). Ending the session on the first loses the interaction.

Example: an IPD whose only handler for the interaction going away is

    <transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID">
        <raise event="application.exit"/>
    </transition>

Fix: add the "interaction re-queued" (interaction.present) event in the IPD Events dialog and generate code again, or narrow the handler with the resultof filter so that a revoked interaction does not end the session.`

// endsOnNotcontrolled reports session-ending interaction.notcontrolled
// handlers in a document without an interaction.present handler.
func endsOnNotcontrolled(p *DocumentPass) {
	hs := p.Document.Handlers
	for _, h := range hs {
		if !h.Disabled && builtins.ParseDescriptors(h.Event).Names("interaction.present") {
			return
		}
	}
	for i, h := range hs {
		if h.Disabled || !h.EndsSession || !builtins.ParseDescriptors(h.Event).Names("interaction.notcontrolled") || condReadsResultof(h.Cond) {
			continue
		}
		p.ReportFix(i, "this handler ends the session on interaction.notcontrolled and the document has no interaction.present handler: an eServices switchover ends the session",
			"add the \"interaction re-queued\" (interaction.present) handler, or narrow this one with "+resultofFilter, &HandlerFix{Add: &requeued})
	}
}

func condReadsResultof(src string) bool {
	if e, err := cond.ParseExpression(expandPlaceholders(src)); err == nil {
		return readsResultof([]cond.Node{e.Root})
	}
	return strings.Contains(strings.ToLower(src), "resultof")
}

const docUninitialised = `In an interaction.added handler, a comparison of an _event.data field with system.InteractionID (or InitialInteractionID, ParentInteractionID) that does not first check the variable is set.

Why: Composer's interaction.added handler is what sets system.InteractionID (initializeRoutingSystemVariables); until it has run the variable is undefined, and in ES5 undefined == undefined is true. So the comparison is true for an event that has no interactionid at all, and false for the very interaction that is being added.

Example (event="interaction.added"):

    _event.data.interactionid == system.InteractionID

Fix: test that the variable is set, as Composer's own handler does:

    typeof system.InteractionID != 'undefined' && _event.data.interactionid == system.InteractionID`

// startVariables are the system variables set by the interaction.added
// handler, undefined before it runs.
var startVariables = map[string]bool{"InteractionID": true, "InitialInteractionID": true, "ParentInteractionID": true}

// uninitialised reports comparisons with start variables in an
// interaction.added handler that does not guard them.
func uninitialised(p *Pass) {
	if !p.Context.Gate || !listensTo(p.Context.Event, "interaction.added") {
		return
	}
	guarded := map[string]bool{}
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		if u, ok := n.(*cond.Unary); ok && u.Op == cond.OpTypeof {
			if v := startVariable(u.X); v != "" {
				guarded[v] = true
			}
		}
		return true
	})
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		b, ok := n.(*cond.Binary)
		if !ok || b.Op != cond.OpEq && b.Op != cond.OpStrictEq {
			return true
		}
		for _, side := range [2][2]cond.Node{{b.X, b.Y}, {b.Y, b.X}} {
			v := startVariable(side[1])
			if pa, ok := cond.PathOf(side[0]); ok && v != "" && !guarded[v] && len(pa.Segments) == 3 && pa.Segments[0] == "_event" && pa.Segments[1] == "data" {
				p.Report(b.Pos, fmt.Sprintf("system.%s is undefined until the interaction.added handler sets it, and undefined == undefined: this matches an event without %s", v, pa.Segments[2]),
					fmt.Sprintf("test it first: typeof system.%s != 'undefined' && …", v))
				break
			}
		}
		return true
	})
}

// startVariable returns the variable name when n reads system.V or
// _data.system.context.V for a start variable V.
func startVariable(n cond.Node) string {
	pa, ok := cond.PathOf(n)
	if !ok {
		return ""
	}
	s := pa.Segments
	switch {
	case len(s) == 2 && s[0] == "system" && startVariables[s[1]]:
		return s[1]
	case len(s) == 4 && s[0] == "_data" && s[1] == "system" && s[2] == "context" && startVariables[s[3]]:
		return s[3]
	}
	return ""
}

// listensTo reports whether an event attribute matches the event through a
// descriptor other than "*".
func listensTo(attr, event string) bool {
	for _, d := range builtins.ParseDescriptors(attr).List() {
		if !d.Any() && d.Match(event) {
			return true
		}
	}
	return false
}
