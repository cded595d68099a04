package scxml

import (
	"fmt"
	"slices"
)

// InitialConfiguration returns the ids of the atomic states that are active
// when the document starts, in document order: the root's initial states
// (its initial attribute, else its first child), entered by W3C default
// entry — a compound state enters the states named by its initial attribute
// or its <initial> transition, else its first child state; a <parallel>
// enters all its regions; a history state with no stored history takes its
// default transition. Eventless transitions are not taken: following them
// means evaluating conditions, which is the runtime's job.
func (d *Document) InitialConfiguration() []string {
	set := map[*State]bool{}
	d.enter(d.Root, set, 0)
	var out []string
	for _, s := range d.States {
		if set[s] && s.Atomic() {
			out = append(out, s.ID)
		}
	}
	return out
}

// maxEntryDepth stops entry in documents whose defaults loop through
// history states.
const maxEntryDepth = 1000

// enter adds s and its default descendants to set.
func (d *Document) enter(s *State, set map[*State]bool, depth int) {
	if depth > maxEntryDepth || set[s] {
		return
	}
	set[s] = true
	if s.Atomic() {
		return
	}
	if s.Type == TypeParallel {
		for _, c := range s.Children {
			if c.Type != TypeHistory {
				d.enter(c, set, depth+1)
			}
		}
		return
	}
	d.enterTargets(s, d.defaultTargets(s), set, depth+1)
}

// defaultTargets returns the states a compound state enters by default.
func (d *Document) defaultTargets(s *State) []*State {
	ids := s.Initial
	if len(ids) == 0 && s.Default != nil {
		ids = s.Default.Targets
	}
	var out []*State
	for _, id := range ids {
		if t := d.byID[id]; t != nil && t.IsDescendantOf(s) {
			out = append(out, t)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range s.Children {
		if c.Type != TypeHistory {
			return []*State{c}
		}
	}
	return nil
}

// enterTargets enters the descendants targets of anc and every state on the
// way down; a <parallel> on the way also enters its other regions.
func (d *Document) enterTargets(anc *State, targets []*State, set map[*State]bool, depth int) {
	if depth > maxEntryDepth {
		return
	}
	var resolved []*State
	for _, t := range targets {
		if t.Type == TypeHistory {
			hist := []*State{}
			if t.Default != nil {
				for _, id := range t.Default.Targets {
					if h := d.byID[id]; h != nil && h.IsDescendantOf(t.Parent) {
						hist = append(hist, h)
					}
				}
			}
			if len(hist) == 0 {
				hist = d.defaultTargets(t.Parent)
			}
			d.enterTargets(t.Parent, hist, set, depth+1)
			continue
		}
		resolved = append(resolved, t)
	}
	onPath := map[*State]bool{}
	for _, t := range resolved {
		for p := t; p != nil && p != anc; p = p.Parent {
			onPath[p] = true
		}
	}
	var visit func(s *State)
	visit = func(s *State) {
		if slices.Contains(resolved, s) {
			d.enter(s, set, depth+1)
			return
		}
		set[s] = true
		for _, c := range s.Children {
			switch {
			case onPath[c]:
				visit(c)
			case s.Type == TypeParallel && c.Type != TypeHistory:
				d.enter(c, set, depth+1)
			}
		}
	}
	for _, c := range anc.Children {
		if onPath[c] {
			visit(c)
		}
	}
}

// ActiveSet returns the states active when the given atomic states are:
// each of them and all their ancestors below the root, in document order.
// In() is true for exactly these.
func (d *Document) ActiveSet(atomic []string) ([]*State, error) {
	set := map[*State]bool{}
	for _, id := range atomic {
		s := d.byID[id]
		if s == nil {
			return nil, fmt.Errorf("%s: no state with id %q", d.File, id)
		}
		for p := s; p != nil && p != d.Root; p = p.Parent {
			set[p] = true
		}
	}
	var out []*State
	for _, s := range d.States {
		if set[s] {
			out = append(out, s)
		}
	}
	return out, nil
}
