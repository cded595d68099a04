package statechart

import (
	"slices"

	"github.com/condeval/condeval/scxml"
)

// exitOrders is computeExitSet for one transition: the orders, ascending,
// of the active states below its domain (nil for a targetless one). nodes
// are the states in document order, active is by order.
func exitOrders(nodes []*scxml.State, active []bool, domain *scxml.State) []int {
	if domain == nil {
		return nil
	}
	var out []int
	for _, s := range nodes[domain.Order+1:] {
		if active[s.Order] && s.IsDescendantOf(domain) {
			out = append(out, s.Order)
		}
	}
	return out
}

// transitionDomain is the state whose descendants a handler's transition
// exits and enters; nil for a targetless one.
func transitionDomain(h *Handler) *scxml.State {
	return scxml.Domain(h.state, h.targets, h.internal)
}

// removeConflicting is W3C SCXML removeConflictingTransitions, for
// dispatch and the interpreter alike: of two enabled transitions whose
// exit sets intersect, the one whose source is deeper is kept, else the
// earlier. exits gives a transition's exit set (see exitOrders), source its
// state; dropped, when not nil, is told which transition removed each one
// that is dropped.
func removeConflicting[T any](enabled []T, exits func(T) []int, source func(T) *scxml.State, dropped func(t, by T)) []T {
	ex := make([][]int, len(enabled))
	for i, t := range enabled {
		ex[i] = exits(t)
	}
	var kept, remove []int // indices into enabled
	for i1, t1 := range enabled {
		remove = remove[:0]
		by := -1
		for _, i2 := range kept {
			if !ascendingIntersect(ex[i1], ex[i2]) {
				continue
			}
			if source(t1).IsDescendantOf(source(enabled[i2])) {
				remove = append(remove, i2)
				continue
			}
			by = i2
			break
		}
		if by >= 0 {
			if dropped != nil {
				dropped(t1, enabled[by])
			}
			continue
		}
		for _, i2 := range remove {
			if dropped != nil {
				dropped(enabled[i2], t1)
			}
		}
		kept = slices.DeleteFunc(kept, func(i int) bool { return slices.Contains(remove, i) })
		kept = append(kept, i1)
	}
	out := make([]T, len(kept))
	for i, k := range kept {
		out[i] = enabled[k]
	}
	return out
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
