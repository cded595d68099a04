package statechart

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Step is what one call into a session did: start-up, one event and all it
// caused, or a move of the clock. Its JSON form is condeval simulate's
// record (see MarshalJSON).
type Step struct {
	Event         *Event
	Time          int64
	Configuration []string
	Transitions   []Transition
	Exited        []string
	Entered       []string
	Logs          []Log
	Effects       []Effect
	Errors        []Error
	Done          bool
	Final         string
}

// MarshalJSON writes the step as one simulate --format json line: the
// event by name (null for start-up and the clock), and every list as an
// array, empty rather than null, so that a reader need not test for both.
func (st *Step) MarshalJSON() ([]byte, error) {
	var event *string
	if st.Event != nil {
		event = &st.Event.Name
	}
	return json.Marshal(struct {
		Event         *string  `json:"event"`
		Time          int64    `json:"time"`
		Configuration []string `json:"configuration"`
		Exited        []string `json:"exited"`
		Entered       []string `json:"entered"`
		Logs          []Log    `json:"logs"`
		Effects       []Effect `json:"effects"`
		Errors        []Error  `json:"errors"`
		Done          bool     `json:"done"`
		Final         string   `json:"final,omitempty"`
	}{event, st.Time, nonNil(st.Configuration), nonNil(st.Exited), nonNil(st.Entered),
		nonNil(st.Logs), nonNil(st.Effects), nonNil(st.Errors), st.Done, st.Final})
}

// nonNil is s, or an empty slice for nil, which JSON writes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Transition is a transition taken.
type Transition struct {
	Source  string   `json:"source"`
	Targets []string `json:"targets"`
	Event   string   `json:"event,omitempty"`
	At      place    `json:"at"`
	Session string   `json:"session,omitempty"` // an invoked session's id; "" for the main one
}

// Log is what a <log> wrote.
type Log struct {
	Label   string `json:"label,omitempty"`
	Message string `json:"message"`
	At      place  `json:"at"`
	Session string `json:"session,omitempty"`
}

// Effect is an action the simulation records instead of doing: an ORS
// extension action (ixn:*, queue:*, …) or a <send> to a target outside the
// simulation.
type Effect struct {
	Action  string         `json:"action"`
	Attrs   map[string]any `json:"attrs"`
	At      place          `json:"at"`
	Time    int64          `json:"time"`
	Session string         `json:"session,omitempty"`
}

// Error is an error event the session raised (error.execution,
// error.communication), or the limit that stopped it (error.limit).
type Error struct {
	Name    string `json:"name"`
	Type    string `json:"type,omitempty"`
	Message string `json:"message"`
	At      place  `json:"at"`
	Session string `json:"session,omitempty"`
}

// WriteText writes a step as condeval simulate's text output does: the
// event and time, then the transitions with their positions, the states
// exited and entered, logs, effects, errors and the configuration. An
// error raised again and again (a failing eventless condition) is written
// once with the count. Each error is written by writeError, so that it
// reads as the caller's other errors do; nil writes it on one line.
func (st *Step) WriteText(w io.Writer, writeError func(io.Writer, Error)) error {
	var b strings.Builder
	switch {
	case st.Event == nil && st.Time == 0 && len(st.Transitions) == 0 && len(st.Entered) > 0:
		fmt.Fprintf(&b, "[%dms] start-up\n", st.Time)
	case st.Event == nil:
		fmt.Fprintf(&b, "[%dms] clock\n", st.Time)
	default:
		fmt.Fprintf(&b, "[%dms] event %s\n", st.Time, st.Event.Name)
	}
	for _, t := range st.Transitions {
		on := ""
		if t.Event != "" {
			on = " on " + t.Event
		}
		target := strings.Join(t.Targets, " ")
		if target == "" {
			target = "(targetless)"
		}
		fmt.Fprintf(&b, "  transition %s -> %s%s  %s\n", t.Source, target, on, t.At)
	}
	if len(st.Exited) > 0 {
		fmt.Fprintf(&b, "  exit  %s\n", strings.Join(st.Exited, " "))
	}
	if len(st.Entered) > 0 {
		fmt.Fprintf(&b, "  enter %s\n", strings.Join(st.Entered, " "))
	}
	for _, l := range st.Logs {
		label := ""
		if l.Label != "" {
			label = l.Label + ": "
		}
		fmt.Fprintf(&b, "  log   %s%s  %s\n", label, l.Message, l.At)
	}
	for _, e := range st.Effects {
		attrs, _ := json.Marshal(e.Attrs)
		fmt.Fprintf(&b, "  effect %s %s  %s\n", e.Action, attrs, e.At)
	}
	for i := 0; i < len(st.Errors); {
		e, n := st.Errors[i], 1
		for i+n < len(st.Errors) && st.Errors[i+n] == e {
			n++
		}
		i += n
		if writeError != nil {
			writeError(&b, e)
		} else {
			fmt.Fprintf(&b, "  error %s: %s: %s  %s\n", e.Name, e.Type, e.Message, e.At)
		}
		if n > 1 {
			fmt.Fprintf(&b, "  … (repeated %d times)\n", n)
		}
	}
	fmt.Fprintf(&b, "  configuration: %s\n", strings.Join(st.Configuration, " "))
	switch {
	case st.Done && st.Final != "":
		fmt.Fprintf(&b, "  done: %s\n", st.Final)
	case st.Done:
		b.WriteString("  stopped\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String is where the place is, as (file:line:col).
func (p place) String() string { return fmt.Sprintf("(%s:%d:%d)", p.File, p.Line, p.Column) }
