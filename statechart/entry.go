package statechart

import (
	"slices"

	"github.com/condeval/condeval/scxml"
)

// initialConfiguration returns the ids of the atomic states that are active
// when the document starts, in document order: the root's initial states
// (its initial attribute, else its first child), entered by W3C default
// entry — a compound state enters the states named by its initial attribute
// or its <initial> transition, else its first child state; a <parallel>
// enters all its regions; a history state with no stored history takes its
// default transition. Eventless transitions are not taken: following them
// means evaluating conditions, which is a run, not a reading.
func initialConfiguration(doc *scxml.Document) []string {
	e := defaultEntry{state: doc.State, set: make([]bool, len(doc.States))}
	e.enter(doc.Root, 0)
	var out []string
	for _, s := range doc.States {
		if e.set[s.Order] && s.Atomic() {
			out = append(out, s.ID)
		}
	}
	return out
}

// maxEntryDepth stops entry in documents whose defaults loop through
// history states.
const maxEntryDepth = 1000

// defaultEntry collects the states default entry enters.
type defaultEntry struct {
	state func(id string) *scxml.State // the state with the id, or nil
	set   []bool                       // by order: entered
}

// complete makes the active set a legal configuration (W3C SCXML §3.11):
// every region of an active <parallel> is active, and an active compound
// state with no active child enters its default. States come in document
// order, so a state's parent is complete before it is looked at.
func (e *defaultEntry) complete(states []*scxml.State) {
	for _, s := range states {
		if !e.set[s.Order] || s.Atomic() {
			continue
		}
		if parallel(s) {
			for _, c := range s.Children {
				if c.Type != scxml.TypeHistory && !e.set[c.Order] {
					e.enter(c, 0)
				}
			}
			continue
		}
		if !slices.ContainsFunc(s.Children, func(c *scxml.State) bool { return e.set[c.Order] }) {
			e.enterTargets(s, e.defaultTargets(s), 0)
		}
	}
}

// enter adds s and its default descendants.
func (e *defaultEntry) enter(s *scxml.State, depth int) {
	if depth > maxEntryDepth || e.set[s.Order] {
		return
	}
	e.set[s.Order] = true
	if s.Atomic() {
		return
	}
	if parallel(s) {
		for _, c := range s.Children {
			if c.Type != scxml.TypeHistory {
				e.enter(c, depth+1)
			}
		}
		return
	}
	e.enterTargets(s, e.defaultTargets(s), depth+1)
}

// defaultTargets returns the states a compound state enters by default.
func (e *defaultEntry) defaultTargets(s *scxml.State) []*scxml.State {
	ids := s.Initial
	if len(ids) == 0 && s.Default != nil {
		ids = s.Default.Targets
	}
	var out []*scxml.State
	for _, id := range ids {
		if t := e.state(id); t != nil && t.IsDescendantOf(s) {
			out = append(out, t)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range s.Children {
		if c.Type != scxml.TypeHistory {
			return []*scxml.State{c}
		}
	}
	return nil
}

// enterTargets enters the descendants targets of anc and every state on the
// way down; a <parallel> on the way also enters its other regions.
func (e *defaultEntry) enterTargets(anc *scxml.State, targets []*scxml.State, depth int) {
	if depth > maxEntryDepth {
		return
	}
	var resolved []*scxml.State
	for _, t := range targets {
		if t.Type == scxml.TypeHistory {
			hist := []*scxml.State{}
			if t.Default != nil {
				for _, id := range t.Default.Targets {
					if h := e.state(id); h != nil && h.IsDescendantOf(t.Parent) {
						hist = append(hist, h)
					}
				}
			}
			if len(hist) == 0 {
				hist = e.defaultTargets(t.Parent)
			}
			e.enterTargets(t.Parent, hist, depth+1)
			continue
		}
		resolved = append(resolved, t)
	}
	onPath := map[*scxml.State]bool{}
	for _, t := range resolved {
		for p := t; p != nil && p != anc; p = p.Parent {
			onPath[p] = true
		}
	}
	var visit func(s *scxml.State)
	visit = func(s *scxml.State) {
		if slices.Contains(resolved, s) {
			e.enter(s, depth+1)
			return
		}
		e.set[s.Order] = true
		for _, c := range s.Children {
			switch {
			case onPath[c]:
				visit(c)
			case parallel(s) && c.Type != scxml.TypeHistory:
				e.enter(c, depth+1)
			}
		}
	}
	for _, c := range anc.Children {
		if onPath[c] {
			visit(c)
		}
	}
}
