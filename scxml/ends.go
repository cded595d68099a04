package scxml

import "github.com/condeval/condeval/builtins"

// ender is a transition or handler as the reading of what ends the session
// sees it: where it is, where it goes, what it listens to and what it
// raises or sends itself.
type ender struct {
	state    *State
	targets  []*State
	internal bool
	event    builtins.Descriptors
	enabled  bool
	raises   []string
	ends     bool
}

// markEnds decides, with one rule, which transitions or handlers end the
// session: firing one enters a top-level <final> state, either
//   - directly: it targets one, or
//   - through an event it raises or sends itself (see raisedEvents) that
//     is then taken by one that ends the session: the first enabled one
//     matching the event in a state that is active whenever the raising
//     one's state is and that firing it does not leave (in a Composer IPD,
//     the application region's application.exit transition).
//
// exits are the events the session ends on through transitions that es
// does not hold (ComposerExitEvent for Composer handlers). Raised events
// are followed through any chain. It is a reading of the document, not a
// run: conditions are not evaluated, and a state that only may be active
// is not considered.
func markEnds(states []*State, es []*ender, exits builtins.Descriptors) {
	byState := make([][]*ender, len(states))
	for _, e := range es {
		byState[e.state.Order] = append(byState[e.state.Order], e)
		e.ends = e.ends || entersTopFinal(e, states[0])
	}
	var ended []*ender
	raisers := map[*ender][]*ender{} // taker → the enders whose events it takes
	on := make([]bool, len(states))
	for _, e := range es {
		switch {
		case e.ends || len(e.raises) == 0:
		case raisesAny(e.raises, exits):
			e.ends = true
		default:
			for _, t := range takers(states, byState, e, on) {
				raisers[t] = append(raisers[t], e)
			}
		}
		if e.ends {
			ended = append(ended, e)
		}
	}
	for len(ended) > 0 {
		t := ended[len(ended)-1]
		ended = ended[:len(ended)-1]
		for _, e := range raisers[t] {
			if !e.ends {
				e.ends = true
				ended = append(ended, e)
			}
		}
	}
}

// takers are the enders that take an event e raises: in each state that is
// active whenever e's state is and that e does not leave, the first enabled
// one whose descriptor matches the event. on is scratch space, one flag per
// state.
func takers(states []*State, byState [][]*ender, e *ender, on []bool) []*ender {
	coActive(states, e.state, on)
	domain := Domain(e.state, e.targets, e.internal)
	var out []*ender
	for i, active := range on {
		if !active || domain != nil && states[i].IsDescendantOf(domain) {
			continue
		}
		for _, ev := range e.raises {
			for _, t := range byState[i] {
				if t.enabled && t.event.Match(ev) {
					out = append(out, t)
					break
				}
			}
		}
	}
	return out
}

// coActive sets on, by order, for the states active whenever s is: s, its
// ancestors, and the regions a <parallel> among those activates with it,
// and theirs in turn.
func coActive(states []*State, s *State, on []bool) {
	clear(on)
	for a := s; a != nil; a = a.Parent {
		on[a.Order] = true
	}
	for _, st := range states[1:] {
		if st.Parent.Type == TypeParallel && on[st.Parent.Order] {
			on[st.Order] = true
		}
	}
}

// raisesAny reports whether the descriptors match one of the events.
func raisesAny(events []string, on builtins.Descriptors) bool {
	for _, ev := range events {
		if on.Match(ev) {
			return true
		}
	}
	return false
}

// entersTopFinal reports whether e targets a <final> child of the root.
func entersTopFinal(e *ender, root *State) bool {
	for _, t := range e.targets {
		if t.Type == TypeFinal && t.Parent == root {
			return true
		}
	}
	return false
}

// Domain is the state whose descendants a transition from source to
// targets exits and enters (W3C SCXML getTransitionDomain): the source for
// an internal transition into its own descendants, else the least common
// compound ancestor of the source and the targets. It is nil for a
// targetless transition.
func Domain(source *State, targets []*State, internal bool) *State {
	if len(targets) == 0 || source == nil {
		return nil
	}
	if internal && len(source.Children) > 0 && source.Type != TypeParallel && allBelow(targets, source) {
		return source
	}
	root := source
	for root.Parent != nil {
		root = root.Parent
	}
	for a := source.Parent; a != nil; a = a.Parent {
		if a != root && a.Type == TypeParallel {
			continue // not compound
		}
		if allBelow(targets, a) {
			return a
		}
	}
	return root
}

// allBelow reports whether every state of ts is a proper descendant of a.
func allBelow(ts []*State, a *State) bool {
	for _, t := range ts {
		if !t.IsDescendantOf(a) {
			return false
		}
	}
	return true
}

// markDocumentEnds sets EndsSession on a document's transitions.
func markDocumentEnds(d *Document) {
	es := make([]*ender, len(d.Transitions))
	for i, t := range d.Transitions {
		e := &ender{state: t.Source, internal: t.Type == "internal", event: builtins.ParseDescriptors(t.Event.Value), enabled: true, raises: t.Raises}
		for _, id := range t.Targets {
			if s := d.byID[id]; s != nil {
				e.targets = append(e.targets, s)
			}
		}
		es[i] = e
	}
	markEnds(d.States, es, builtins.Descriptors{})
	for i, t := range d.Transitions {
		t.EndsSession = es[i].ends
	}
}

// markComposerEnds sets EndsSession on Composer event handlers: the
// handlers of an IPD or the conditional exceptions of a workflow, read as
// the transitions of ComposerHandlerState, beside the application region
// that ends the session on ComposerExitEvent.
func markComposerEnds(hs []*ComposerHandler) {
	root := &State{Type: TypeParallel}
	region := &State{ID: ComposerHandlerState, Type: TypeState, Parent: root, Order: 1}
	root.Children = []*State{region}
	es := make([]*ender, len(hs))
	for i, h := range hs {
		es[i] = &ender{state: region, event: builtins.ParseDescriptors(h.Event.Value), enabled: h.Enabled, raises: h.Raises}
	}
	markEnds([]*State{root, region}, es, builtins.ParseDescriptors(ComposerExitEvent))
	for i, h := range hs {
		h.EndsSession = es[i].ends
	}
}
