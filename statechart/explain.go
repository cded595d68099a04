package statechart

import (
	"fmt"
	"strings"
)

// Why says why a fired handler's condition let it through.
func (m Match) Why() string {
	h := m.Handler
	if strings.TrimSpace(h.Cond) == "" {
		return "no condition"
	}
	return strings.TrimSpace(h.Cond) + " is true"
}

// Why puts the reason a handler was skipped for event (its name, "" for
// an eventless step) into words.
func (s Skip) Why(event string) string {
	h := s.Handler
	switch s.Reason {
	case ReasonDisabled:
		return "the handler is disabled"
	case ReasonDescriptor:
		if h.Event.Eventless() {
			return "eventless; it never fires for an event"
		}
		if event == "" {
			return fmt.Sprintf("event=%q is not eventless", h.Event)
		}
		return fmt.Sprintf("event=%q does not match %s", h.Event, event)
	case ReasonInactive:
		return fmt.Sprintf("state %s is not active", h.State)
	case ReasonCondition:
		return fmt.Sprintf("%s is false", strings.TrimSpace(h.Cond))
	case ReasonError:
		return s.Err.Type + ": " + s.Err.Message
	case ReasonPreempted:
		if s.By != nil {
			return fmt.Sprintf("%s was selected first", s.By.Name)
		}
		return "another handler was selected first"
	}
	return ""
}

// Evaluated reports whether the skipped handler's condition ran: it was
// false, or it raised an error.
func (s Skip) Evaluated() bool { return s.Reason == ReasonCondition || s.Reason == ReasonError }

// Evaluated lists the handlers whose condition ran for o: the ones that
// fired, in selection order, then the skipped ones whose condition was
// false or raised an error, in document order. They are the handlers whose
// inputs and values are worth reporting.
func (o *Outcome) Evaluated() []*Handler {
	var hs []*Handler
	for _, m := range o.Fired {
		hs = append(hs, m.Handler)
	}
	for _, s := range o.Skipped {
		if s.Evaluated() {
			hs = append(hs, s.Handler)
		}
	}
	return hs
}
