package statechart

import (
	"fmt"
	"slices"
)

// chart is the state tree dispatch walks. For an SCXML document it mirrors
// the document's states; a flat handler set (a handler file, an IPD) is a
// root with one region per state name, all active at once, as Composer's
// application and handler regions are.
type chart struct {
	states   []*chartState // document order; states[0] is the root
	byID     map[string]*chartState
	initial  []string      // the default configuration
	defaults configuration // initial, configured once the set is built
	flat     bool          // a handler file or IPD: targets are labels, not states
}

// chartState is one state of the chart.
type chartState struct {
	id       string
	parent   *chartState
	order    int
	parallel bool // a <parallel>: every child is active with it
	compound bool // has child states
	handlers []*Handler
}

// newChart starts a chart. The root of a flat set is parallel: each of its
// states is a region of its own. An SCXML root is not.
func newChart(flat bool) *chart {
	root := &chartState{id: "", parallel: flat}
	return &chart{states: []*chartState{root}, byID: map[string]*chartState{}, flat: flat}
}

// add appends a state under parent (the root when nil).
func (c *chart) add(id string, parent *chartState, parallel bool) *chartState {
	if parent == nil {
		parent = c.states[0]
	}
	s := &chartState{id: id, parent: parent, order: len(c.states), parallel: parallel}
	parent.compound = true
	c.states = append(c.states, s)
	c.byID[id] = s
	return s
}

// isDescendant reports whether s is a proper descendant of a.
func (s *chartState) isDescendant(a *chartState) bool {
	for p := s.parent; p != nil; p = p.parent {
		if p == a {
			return true
		}
	}
	return false
}

// region is the nearest state at or above s whose parent is a <parallel>
// (or the root of a flat set): the region a handler of s selects in.
func (s *chartState) region() *chartState {
	for r := s; r != nil; r = r.parent {
		if r.parent != nil && r.parent.parallel {
			return r
		}
	}
	return nil
}

// configuration is the active set of one dispatch: every active state and
// the leaves selection starts from.
type configuration struct {
	active []bool        // indexed by order
	leaves []*chartState // active states with no active child, in document order
	ids    []string      // every active state's id, for In()
}

// configure builds the active set of the given state ids: each state and
// all its ancestors (W3C SCXML §3.11). An unknown id is an error.
func (c *chart) configure(ids []string) (configuration, error) {
	cfg := configuration{active: make([]bool, len(c.states))}
	for _, id := range ids {
		s := c.byID[id]
		if s == nil {
			return cfg, fmt.Errorf("no state %q (states: %v)", id, c.knownIDs())
		}
		for ; s != nil; s = s.parent {
			cfg.active[s.order] = true
		}
	}
	hasActiveChild := make([]bool, len(c.states))
	for _, s := range c.states[1:] {
		if cfg.active[s.order] {
			hasActiveChild[s.parent.order] = true
		}
	}
	for _, s := range c.states[1:] {
		if !cfg.active[s.order] {
			continue
		}
		cfg.ids = append(cfg.ids, s.id)
		if !hasActiveChild[s.order] {
			cfg.leaves = append(cfg.leaves, s)
		}
	}
	return cfg, nil
}

func (c *chart) knownIDs() []string {
	const show = 20
	var ids []string
	for _, s := range c.states[1:] {
		if len(ids) == show {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, s.id)
	}
	return ids
}

// exitSet returns the orders of the active states a transition leaves
// (W3C SCXML computeExitSet for one transition); nil for a targetless one.
func (cfg configuration) exitSet(c *chart, h *Handler) []int {
	domain := transitionDomain(c, h)
	if domain == nil {
		return nil
	}
	var out []int
	for _, s := range c.states[1:] {
		if cfg.active[s.order] && s.isDescendant(domain) {
			out = append(out, s.order)
		}
	}
	return out
}

// transitionDomain is the state whose descendants a transition exits and
// enters: its source for an internal transition into its own descendants,
// else the least common compound ancestor of the source and the targets.
func transitionDomain(c *chart, h *Handler) *chartState {
	if len(h.targets) == 0 || h.state == nil {
		return nil
	}
	src := h.state
	if h.internal && src.compound && !src.parallel && allBelow(h.targets, src) {
		return src
	}
	for a := src.parent; a != nil; a = a.parent {
		if a != c.states[0] && a.parallel {
			continue // not compound
		}
		if allBelow(h.targets, a) {
			return a
		}
	}
	return c.states[0]
}

// allBelow reports whether every state of ts is a proper descendant of a.
func allBelow(ts []*chartState, a *chartState) bool {
	for _, t := range ts {
		if !t.isDescendant(a) {
			return false
		}
	}
	return true
}

// removeConflicts drops enabled transitions whose exit sets intersect an
// earlier one's, keeping the one whose source is deeper (W3C SCXML
// removeConflictingTransitions). It returns the survivors and records in
// picks, for each dropped transition, the one that preempted it.
func removeConflicts(c *chart, cfg configuration, enabled []*Handler, picks []pick) []*Handler {
	var kept []*Handler
	exits := map[*Handler][]int{}
	for _, h := range enabled {
		exits[h] = cfg.exitSet(c, h)
	}
	for _, t1 := range enabled {
		var remove []*Handler
		var by *Handler
		for _, t2 := range kept {
			if !intersects(exits[t1], exits[t2]) {
				continue
			}
			if t1.state.isDescendant(t2.state) {
				remove = append(remove, t2)
				continue
			}
			by = t2
			break
		}
		if by != nil {
			picked(picks, t1).by = by
			continue
		}
		for _, t2 := range remove {
			picked(picks, t2).by = t1
		}
		kept = slices.DeleteFunc(kept, func(h *Handler) bool { return slices.Contains(remove, h) })
		kept = append(kept, t1)
	}
	return kept
}

// intersects reports whether two ascending lists share an element.
func intersects(a, b []int) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}
