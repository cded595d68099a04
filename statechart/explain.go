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
