package statechart

import (
	"slices"

	"github.com/condeval/condeval/scxml"
)

// W3C SCXML default entry (Appendix D: computeEntrySet,
// addDescendantStatesToEnter, addAncestorStatesToEnter), written once for
// the interpreter and for dispatch. Both hold their state tree as
// scxml.States; what differs is read through entryTree.

// entryTree is what default entry reads beyond the tree itself.
type entryTree interface {
	// defaults are the targets of s's default transition: a compound
	// state's initial attribute, <initial> or first child, a history
	// state's default transition; false when it has none.
	defaults(s *scxml.State) ([]*scxml.State, bool)
	// recorded is what history state h stored when its parent was last
	// left; false when nothing was.
	recorded(h *scxml.State) ([]*scxml.State, bool)
}

// entrySet collects computeEntrySet's outputs. The interpreter runs the
// <initial> and history content they name; dispatch only reads in.
type entrySet struct {
	tree   entryTree
	in     []bool         // by order: entered (dispatch: also already active)
	states []*scxml.State // entered, in the order entry reached them
	// byDefault are the compound states entered by default: their
	// <initial> transition's content runs after their onentry.
	byDefault []*scxml.State
	// historyDefaults are the history states whose default transition was
	// taken: its content runs after their parent's onentry.
	historyDefaults []*scxml.State
	histories       []*scxml.State // the history states entered
}

func newEntrySet(tree entryTree, in []bool) *entrySet {
	return &entrySet{tree: tree, in: in}
}

func (e *entrySet) add(s *scxml.State) {
	if !e.in[s.Order] {
		e.in[s.Order] = true
		e.states = append(e.states, s)
	}
}

// addDescendants is addDescendantStatesToEnter: s and the states its
// default or recorded history enters below it. A history state, or a
// compound state's default, is entered once: again it would add nothing,
// and a document whose defaults lead back to themselves would never end.
func (e *entrySet) addDescendants(s *scxml.State) {
	if s.Type == scxml.TypeHistory {
		if slices.Contains(e.histories, s) {
			return
		}
		e.histories = append(e.histories, s)
		if saved, ok := e.tree.recorded(s); ok {
			e.enterBelow(s.Parent, saved)
			return
		}
		targets, ok := e.tree.defaults(s)
		if !ok {
			e.addDescendants(s.Parent)
			return
		}
		e.historyDefaults = append(e.historyDefaults, s)
		e.enterBelow(s.Parent, targets)
		return
	}
	e.add(s)
	switch {
	case s.Type == scxml.TypeParallel:
		e.enterRegions(s)
	case s.Type != scxml.TypeSCXML && !s.Atomic():
		e.enterDefault(s) // a compound state, or a <final> written with child states
	}
}

// historyDefault is the last history state of parent whose default
// transition was taken, or nil.
func (e *entrySet) historyDefault(parent *scxml.State) *scxml.State {
	for _, h := range slices.Backward(e.historyDefaults) {
		if h.Parent == parent {
			return h
		}
	}
	return nil
}

// enterDefault enters the default of a compound state (or the root).
func (e *entrySet) enterDefault(s *scxml.State) {
	if slices.Contains(e.byDefault, s) {
		return
	}
	e.byDefault = append(e.byDefault, s)
	targets, _ := e.tree.defaults(s)
	e.enterBelow(s, targets)
}

// enterBelow enters targets, their descendants and their ancestors below
// anc.
func (e *entrySet) enterBelow(anc *scxml.State, targets []*scxml.State) {
	for _, t := range targets {
		e.addDescendants(t)
	}
	for _, t := range targets {
		e.addAncestors(t, anc)
	}
}

// enterRegions enters the default of each region of a <parallel> that
// nothing entered yet.
func (e *entrySet) enterRegions(p *scxml.State) {
	for _, c := range p.Children {
		if c.Type == scxml.TypeHistory || e.in[c.Order] {
			continue
		}
		if !slices.ContainsFunc(e.states, func(x *scxml.State) bool { return x.IsDescendantOf(c) }) {
			e.addDescendants(c)
		}
	}
}

// addAncestors is addAncestorStatesToEnter: the states between s and
// anc, with the other regions of a <parallel> among them.
func (e *entrySet) addAncestors(s, anc *scxml.State) {
	for a := s.Parent; a != nil && a != anc && a.Type != scxml.TypeSCXML; a = a.Parent {
		e.add(a)
		if a.Type == scxml.TypeParallel {
			e.enterRegions(a)
		}
	}
}

// documentEntry is default entry over a document that is read, not run:
// no history was ever recorded, and targets that name no state, or none
// below the state, are passed over as the interpreter could not.
type documentEntry struct {
	state func(id string) *scxml.State // the state with the id, or nil
}

func (documentEntry) recorded(*scxml.State) ([]*scxml.State, bool) { return nil, false }

// defaults falls back, for a compound state, to its first child, and for a
// history state to its parent's default.
func (d documentEntry) defaults(s *scxml.State) ([]*scxml.State, bool) {
	if s.Type == scxml.TypeHistory {
		if s.Default != nil {
			if out := d.below(s.Parent, s.Default.Targets); len(out) > 0 {
				return out, true
			}
		}
		return d.defaults(s.Parent)
	}
	ids := s.Initial
	if len(ids) == 0 && s.Default != nil {
		ids = s.Default.Targets
	}
	if out := d.below(s, ids); len(out) > 0 {
		return out, true
	}
	for _, c := range s.Children {
		if c.Type != scxml.TypeHistory {
			return []*scxml.State{c}, true
		}
	}
	return nil, false
}

// below resolves the ids that name descendants of s.
func (d documentEntry) below(s *scxml.State, ids []string) []*scxml.State {
	var out []*scxml.State
	for _, id := range ids {
		if t := d.state(id); t != nil && t.IsDescendantOf(s) {
			out = append(out, t)
		}
	}
	return out
}

// initialConfiguration returns the ids of the atomic states that are active
// when the document starts, in document order: the root's default entry.
// Eventless transitions are not taken: following them means evaluating
// conditions, which is a run, not a reading.
func initialConfiguration(doc *scxml.Document) []string {
	e := newEntrySet(documentEntry{state: doc.State}, make([]bool, len(doc.States)))
	e.enterDefault(doc.Root)
	var out []string
	for _, s := range doc.States {
		if e.in[s.Order] && s.Atomic() {
			out = append(out, s.ID)
		}
	}
	return out
}

// complete makes the active set a legal configuration (W3C SCXML §3.11):
// every region of an active <parallel> is active, and an active compound
// state with no active child enters its default. States come in document
// order, so a state's parent is complete before it is looked at.
func (e *entrySet) complete(states []*scxml.State) {
	for _, s := range states {
		switch {
		case !e.in[s.Order] || s.Atomic():
		case s.Type == scxml.TypeParallel:
			e.enterRegions(s)
		case !slices.ContainsFunc(s.Children, func(c *scxml.State) bool { return e.in[c.Order] }):
			e.enterDefault(s)
		}
	}
}
