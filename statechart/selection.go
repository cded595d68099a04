package statechart

import (
	"slices"

	"github.com/condeval/condeval/scxml"
)

// exitSet returns the orders of the active states a transition leaves
// (W3C SCXML computeExitSet for one transition); nil for a targetless one.
func (cfg configuration) exitSet(c *chart, h *Handler) []int {
	domain := transitionDomain(c, h)
	if domain == nil {
		return nil
	}
	var out []int
	for _, s := range c.states[1:] {
		if cfg.active[s.Order] && s.IsDescendantOf(domain) {
			out = append(out, s.Order)
		}
	}
	return out
}

// transitionDomain is the state whose descendants a transition exits and
// enters: its source for an internal transition into its own descendants,
// else the least common compound ancestor of the source and the targets.
func transitionDomain(c *chart, h *Handler) *scxml.State {
	if len(h.targets) == 0 || h.state == nil {
		return nil
	}
	src := h.state
	if h.internal && len(src.Children) > 0 && !parallel(src) && allBelow(h.targets, src) {
		return src
	}
	for a := src.Parent; a != nil; a = a.Parent {
		if a != c.states[0] && parallel(a) {
			continue // not compound
		}
		if allBelow(h.targets, a) {
			return a
		}
	}
	return c.states[0]
}

// allBelow reports whether every state of ts is a proper descendant of a.
func allBelow(ts []*scxml.State, a *scxml.State) bool {
	for _, t := range ts {
		if !t.IsDescendantOf(a) {
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
			if !ascendingIntersect(exits[t1], exits[t2]) {
				continue
			}
			if t1.state.IsDescendantOf(t2.state) {
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

// ascendingIntersect reports whether two ascending lists share an element.
func ascendingIntersect(a, b []int) bool {
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
