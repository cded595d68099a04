package statechart

import (
	"fmt"
	"slices"

	"github.com/condeval/condeval/scxml"
)

// The W3C SCXML 1.0 algorithm (Appendix D), written after its pseudo-code:
// names below are the spec's, so the two can be read side by side.

// macrostep takes eventless transitions and internal events until there are
// none, starts the invocations of the states it entered, and repeats while
// that raised internal events. A session that reaches a top-level final
// state is left here.
func (s *Session) macrostep() {
	for s.running {
		for s.running {
			enabled := s.selectTransitions(nil)
			if len(enabled) == 0 {
				if len(s.internal) == 0 {
					break
				}
				ev := s.internal[0]
				s.internal = s.internal[1:]
				if !s.count() {
					break
				}
				s.setEvent(ev)
				enabled = s.selectTransitions(ev)
			}
			if len(enabled) > 0 {
				s.microstep(enabled)
			}
		}
		if !s.running {
			break
		}
		toInvoke := s.toInvoke
		s.toInvoke = nil
		slices.SortFunc(toInvoke, byOrder)
		for _, st := range toInvoke {
			if s.active[st.order] {
				for _, inv := range st.invokes {
					s.invoke(st, inv)
				}
			}
		}
		if len(s.internal) == 0 {
			break
		}
	}
	if !s.running && !s.exited {
		s.exitInterpreter()
	}
}

// takeExternal processes one external event and everything it causes.
func (s *Session) takeExternal(ev *Event) {
	if !s.running {
		return
	}
	for _, c := range s.children {
		if c.cancelled && ev.InvokeID == c.invokeID {
			return // from an invocation cancelled since: dropped (W3C SCXML 6.4.3)
		}
	}
	s.setEvent(ev)
	for _, c := range s.children {
		if !c.cancelled && ev.InvokeID == c.invokeID {
			s.runBlock(c.def.finalize)
		}
		if c.live() && c.def.autoforward {
			fwd := *ev
			c.enqueue(&fwd)
		}
	}
	if enabled := s.selectTransitions(ev); len(enabled) > 0 {
		s.microstep(enabled)
	}
	s.macrostep()
}

// selectTransitions is selectEventlessTransitions when ev is nil, else
// selectTransitions(event): the optimal enabled transition set.
func (s *Session) selectTransitions(ev *Event) []*transition {
	var enabled []*transition
	for _, atomic := range s.configuration() {
		if !atomic.atomic() {
			continue
		}
	search:
		for st := atomic; st != nil; st = st.parent {
			for _, t := range st.transitions {
				if ev == nil && t.eventful || ev != nil && (!t.eventful || !t.events.Match(ev.Name)) {
					continue
				}
				if slices.Contains(enabled, t) {
					break search
				}
				if t.cond == nil || s.condition(t.cond) {
					enabled = append(enabled, t)
					break search
				}
			}
		}
	}
	return s.removeConflicting(enabled)
}

// removeConflicting keeps, of two transitions whose exit sets intersect,
// the one whose source is deeper, or else the first in document order.
func (s *Session) removeConflicting(enabled []*transition) []*transition {
	if len(enabled) < 2 {
		return enabled
	}
	return removeConflicting(enabled,
		func(t *transition) []int {
			d := s.transitionDomain(t)
			if d == nil {
				return nil
			}
			return exitOrders(s.m.nodes, s.active, d.node)
		},
		func(t *transition) *scxml.State { return t.source.node }, nil)
}

// count counts a microstep, or an internal event taken that enables
// nothing (a failing eventless condition raises error.execution each
// time it is evaluated), and stops the session past the limit.
func (s *Session) count() bool {
	s.micro++
	if s.micro > s.opts.maxMicrosteps() {
		s.stop(fmt.Sprintf("more than %d microsteps without settling: eventless transitions or raised events loop", s.opts.maxMicrosteps()))
		return false
	}
	return true
}

func (s *Session) microstep(enabled []*transition) {
	if !s.count() {
		return
	}
	for _, t := range enabled {
		s.sim.took(s, t)
	}
	s.exitStates(enabled)
	for _, t := range enabled {
		s.runBlock(t.actions)
	}
	s.enterStates(enabled)
}

// exitSet is computeExitSet: the active states the transitions leave.
func (s *Session) exitSet(ts []*transition) []*state {
	var out []*state
	for _, t := range ts {
		d := s.transitionDomain(t)
		if d == nil {
			continue
		}
		for _, o := range exitOrders(s.m.nodes, s.active, d.node) {
			if st := s.m.states[o]; !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

func (s *Session) exitStates(enabled []*transition) {
	toExit := s.exitSet(enabled)
	slices.SortFunc(toExit, exitOrder)
	s.toInvoke = slices.DeleteFunc(s.toInvoke, func(st *state) bool { return slices.Contains(toExit, st) })
	for _, st := range toExit {
		for _, h := range st.children {
			if h.node.Type != scxml.TypeHistory {
				continue
			}
			var saved []*scxml.State
			for _, s0 := range s.configuration() {
				if h.deep && s0.atomic() && s0.descendantOf(st) || !h.deep && s0.parent == st {
					saved = append(saved, s0.node)
				}
			}
			s.history[h.node] = saved
		}
	}
	for _, st := range toExit {
		for _, b := range st.onexit {
			s.runBlock(b)
		}
		s.cancelInvokes(st)
		s.active[st.order] = false
		s.sim.exited(s, st)
	}
}

func (s *Session) enterStates(enabled []*transition) {
	e := s.computeEntrySet(enabled)
	slices.SortFunc(e.states, func(a, b *scxml.State) int { return a.Order - b.Order })
	for _, n := range e.states {
		st := s.m.states[n.Order]
		s.active[st.order] = true
		s.toInvoke = append(s.toInvoke, st)
		s.sim.entered(s, st)
		if s.m.late && !s.bound[st.order] {
			s.bindData(st)
		}
		for _, b := range st.onentry {
			s.runBlock(b)
		}
		if slices.Contains(e.byDefault, n) && st.initial != nil {
			s.runBlock(st.initial.actions)
		}
		if h := e.historyDefault(n); h != nil {
			s.runBlock(s.m.states[h.Order].initial.actions)
		}
		if st.node.Type != scxml.TypeFinal {
			continue
		}
		parent := st.parent
		if parent.node.Type == scxml.TypeSCXML {
			s.running, s.final = false, st
			continue
		}
		s.raiseInternal(&Event{Name: "done.state." + parent.id, Type: "internal"}, s.doneData(st))
		if gp := parent.parent; gp != nil && gp.node.Type == scxml.TypeParallel {
			if all(gp.properStates(), s.inFinalState) {
				s.raiseInternal(&Event{Name: "done.state." + gp.id, Type: "internal"}, nil)
			}
		}
	}
}

func all(sts []*state, f func(*state) bool) bool {
	for _, st := range sts {
		if !f(st) {
			return false
		}
	}
	return true
}

// computeEntrySet is the states the transitions enter, by default entry
// from their targets and their recorded history.
func (s *Session) computeEntrySet(ts []*transition) *entrySet {
	e := newEntrySet(s, make([]bool, len(s.m.states)))
	for _, t := range ts {
		for _, n := range t.targets {
			e.addDescendants(n)
		}
		var ancestor *scxml.State
		if d := s.transitionDomain(t); d != nil {
			ancestor = d.node
		}
		for _, n := range s.effectiveTargets(t) {
			e.addAncestors(n, ancestor)
		}
	}
	return e
}

// defaults is the targets of the state's initial transition: its initial
// attribute, <initial> or first child, or a history state's default.
func (s *Session) defaults(n *scxml.State) ([]*scxml.State, bool) {
	if t := s.m.states[n.Order].initial; t != nil {
		return t.targets, true
	}
	return nil, false
}

func (s *Session) recorded(h *scxml.State) ([]*scxml.State, bool) {
	saved, ok := s.history[h]
	return saved, ok
}

func (s *Session) inFinalState(st *state) bool {
	switch {
	case st.node.Type == scxml.TypeState && !st.atomic():
		return slices.ContainsFunc(st.properStates(), func(c *state) bool { return c.node.Type == scxml.TypeFinal && s.active[c.order] })
	case st.node.Type == scxml.TypeParallel:
		return all(st.properStates(), s.inFinalState)
	}
	return false
}

// transitionDomain is getTransitionDomain, read from the state tree by
// scxml.Domain once history is resolved.
func (s *Session) transitionDomain(t *transition) *state {
	d := scxml.Domain(t.source.node, s.effectiveTargets(t), t.internal)
	if d == nil {
		return nil
	}
	return s.m.states[d.Order]
}

// effectiveTargets are the transition's targets with each history state
// replaced by what it recorded, or else by its default's targets.
func (s *Session) effectiveTargets(t *transition) []*scxml.State {
	var out, seen []*scxml.State
	var walk func(t *transition)
	walk = func(t *transition) {
		for _, n := range t.targets {
			switch {
			case n.Type != scxml.TypeHistory:
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			case slices.Contains(seen, n):
				// A history whose default leads back to itself enters nothing
				// more: the document is wrong, but must not hang the session.
			default:
				seen = append(seen, n)
				if saved, ok := s.history[n]; ok {
					walk(&transition{targets: saved})
				} else if def := s.m.states[n.Order].initial; def != nil {
					walk(def)
				}
			}
		}
	}
	walk(t)
	return out
}

// exitInterpreter leaves every active state, and tells the invoking session
// when a top-level final state was reached.
func (s *Session) exitInterpreter() {
	s.finalConfig = s.Configuration()
	s.exited = true
	toExit := s.configuration()
	slices.SortFunc(toExit, exitOrder)
	var done *doneValue
	for _, st := range toExit {
		for _, b := range st.onexit {
			s.runBlock(b)
		}
		s.cancelInvokes(st)
		s.active[st.order] = false
		s.sim.exited(s, st)
		if s.final == st {
			done = s.doneData(st)
		}
	}
	s.sim.dropTimers(s)
	if s.parent != nil && s.final != nil && !s.cancelled {
		ev := &Event{Name: "done.invoke." + s.invokeID, Type: "external", InvokeID: s.invokeID}
		s.parent.enqueue(s.parent.withData(ev, done, s))
	}
}

// configuration is the active states in document order.
func (s *Session) configuration() []*state {
	var out []*state
	for _, st := range s.m.states {
		if s.active[st.order] {
			out = append(out, st)
		}
	}
	return out
}

func byOrder(a, b *state) int   { return a.order - b.order }
func exitOrder(a, b *state) int { return b.order - a.order }
