package statechart

import (
	"cmp"
	"slices"

	"github.com/condeval/condeval/builtins"
)

// eventIndex finds the handlers an event can select without trying the
// descriptors of every handler. A descriptor matches exactly the names that
// equal its stem or start with its stem and a dot, so the handlers a name
// selects are those filed under the name itself or under a prefix of it that
// a dot ends, and those listening to every event. Disabled handlers are filed
// nowhere: they never fire.
//
// Every list is in selection order (see selectionOrder), so dispatch walks a
// candidate list as W3C selection walks the states from a leaf upwards.
type eventIndex struct {
	byStem    map[string][]*Handler // by descriptor stem; each list also holds the "*" handlers
	any       []*Handler            // the handlers with a "*" descriptor
	eventless []*Handler            // the handlers with no descriptor, for an eventless step
	maxStem   int                   // the longest stem: no longer prefix of a name is filed
}

// newEventIndex files the enabled handlers by their descriptors.
func newEventIndex(handlers []*Handler) *eventIndex {
	x := &eventIndex{byStem: map[string][]*Handler{}}
	for _, h := range handlers {
		switch {
		case !h.Enabled:
		case h.Event.Eventless():
			x.eventless = append(x.eventless, h)
		case slices.ContainsFunc(h.Event.List(), func(d builtins.Descriptor) bool { return d.Any() }):
			x.any = append(x.any, h)
		}
	}
	for _, h := range handlers {
		if !h.Enabled {
			continue
		}
		for _, d := range h.Event.List() {
			if stem := d.Stem(); !d.Any() && !slices.Contains(x.byStem[stem], h) {
				x.byStem[stem] = append(x.byStem[stem], h)
				x.maxStem = max(x.maxStem, len(stem))
			}
		}
	}
	for stem, list := range x.byStem {
		x.byStem[stem] = sortedUnique(append(list, x.any...))
	}
	x.any = sortedUnique(x.any)
	x.eventless = sortedUnique(x.eventless)
	return x
}

// candidates returns the handlers whose descriptors match name, or, for an
// eventless step, the eventless handlers, in selection order. The list is
// the index's own unless name hits more than one stem; then the lists are
// merged into buf.
func (x *eventIndex) candidates(eventless bool, name string, buf []*Handler) []*Handler {
	if eventless {
		return x.eventless
	}
	found, hits := x.any, 0
	for i := 1; i <= len(name) && i <= x.maxStem; i++ {
		if i < len(name) && name[i] != '.' {
			continue
		}
		list, ok := x.byStem[name[:i]]
		if !ok {
			continue
		}
		if hits++; hits == 1 {
			found = list
			continue
		}
		if hits == 2 {
			buf = append(buf[:0], found...)
		}
		buf = append(buf, list...)
	}
	if hits < 2 {
		return found
	}
	return sortedUnique(buf)
}

// selectionOrder is the order W3C selection considers the handlers on the
// way from an active leaf to the root: a deeper state's before its
// ancestors', and one state's in document order. Handlers on one such way
// have states of distinct depths, so the order holds for every leaf at once.
func selectionOrder(a, b *Handler) int {
	return cmp.Or(cmp.Compare(b.depth, a.depth), cmp.Compare(a.index, b.index))
}

func sortedUnique(list []*Handler) []*Handler {
	slices.SortFunc(list, selectionOrder)
	return slices.Compact(list)
}
