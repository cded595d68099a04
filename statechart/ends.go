package statechart

import (
	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/scxml"
)

// ComposerExitEvent is the event a Composer IPD ends the session on: the
// SCXML Composer generates for an IPD has, in its application region,
// <transition event="application.exit" target="_composer_global_exit"/>,
// a top-level <final>. An .ixnprocess holds only the handlers, so for it
// this transition is known rather than read.
const ComposerExitEvent = "application.exit"

// markEnds decides Handler.EndsSession with one rule: a handler ends the
// session when firing it enters a top-level <final> state, either
//   - directly: it targets one (or a handler file says so), or
//   - through an event it raises or sends itself (scxml's Raises), which is
//     then taken by a handler that ends the session: the first enabled
//     handler matching the event in a state that is active whenever the
//     raising handler's state is and that firing it does not leave (in a
//     Composer IPD, the application region's application.exit transition).
//
// exits are events the session ends on through transitions the set does
// not hold (ComposerExitEvent for Composer handlers). Raised events are
// followed through any chain of handlers. It is a reading of the document,
// not a run: conditions are not evaluated, and a state that only may be
// active (a workflow handling application.exit itself) is not considered.
func (c *chart) markEnds(hs []*Handler, exits []builtins.Descriptors) {
	for _, h := range hs {
		h.EndsSession = h.EndsSession || c.entersTopFinal(h)
	}
	var ended []*Handler
	raisers := map[*Handler][]*Handler{} // taker → the handlers whose events it takes
	on := make([]bool, len(c.states))
	for _, h := range hs {
		switch {
		case h.EndsSession || len(h.raises) == 0 || h.state == nil:
		case raisesAny(h.raises, exits):
			h.EndsSession = true
		default:
			for _, t := range c.takers(h, on) {
				raisers[t] = append(raisers[t], h)
			}
		}
		if h.EndsSession {
			ended = append(ended, h)
		}
	}
	for len(ended) > 0 {
		t := ended[len(ended)-1]
		ended = ended[:len(ended)-1]
		for _, h := range raisers[t] {
			if !h.EndsSession {
				h.EndsSession = true
				ended = append(ended, h)
			}
		}
	}
}

// takers are the handlers that take an event h raises: in each state that
// is active whenever h's state is and that h does not leave, the first
// enabled handler whose descriptor matches the event. on is scratch space,
// one flag per state.
func (c *chart) takers(h *Handler, on []bool) []*Handler {
	c.coActive(h.state, on)
	domain := transitionDomain(c, h)
	var out []*Handler
	for i, active := range on {
		st := c.states[i]
		if !active || domain != nil && st.IsDescendantOf(domain) {
			continue
		}
		for _, ev := range h.raises {
			if t := c.first(st, ev); t != nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// coActive sets on, by order, for the states active whenever s is: s, its
// ancestors, and the regions a <parallel> among those activates with it,
// and theirs in turn (a flat set's root is such a <parallel>).
func (c *chart) coActive(s *scxml.State, on []bool) {
	clear(on)
	for a := s; a != nil; a = a.Parent {
		on[a.Order] = true
	}
	for _, st := range c.states[1:] {
		if parallel(st.Parent) && on[st.Parent.Order] {
			on[st.Order] = true
		}
	}
}

// first is the handler of st that an event would select if conditions
// were true: the first enabled one with a matching descriptor.
func (c *chart) first(st *scxml.State, event string) *Handler {
	for _, h := range c.handlers[st.Order] {
		if h.Enabled && h.Event.Match(event) {
			return h
		}
	}
	return nil
}

// raisesAny reports whether one of the events is matched by one of the
// descriptor sets.
func raisesAny(events []string, on []builtins.Descriptors) bool {
	for _, ev := range events {
		for _, d := range on {
			if d.Match(ev) {
				return true
			}
		}
	}
	return false
}

// entersTopFinal reports whether a transition enters a <final> child of
// the document's root, which ends the session.
func (c *chart) entersTopFinal(h *Handler) bool {
	for _, t := range h.targets {
		if t.Type == scxml.TypeFinal && t.Parent == c.states[0] {
			return true
		}
	}
	return false
}
