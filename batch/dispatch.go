package batch

import (
	"encoding/json"

	"github.com/condeval/condeval/statechart"
)

// Dispatch is the record of one dispatch of an event to a handler set:
// every handler that fired, every other one with its reason, and whether
// the session ends.
type Dispatch struct {
	ID      json.RawMessage `json:"id,omitempty"` // the case's, when it came from one
	Event   string          `json:"event"`
	States  []string        `json:"states"`
	Fired   []Fired         `json:"fired"`
	Skipped []Skipped       `json:"skipped"`
	Errors  []*ExecError    `json:"errors,omitempty"`
	Ends    bool            `json:"ends"`
}

// Fired is a handler that fired.
type Fired struct {
	Handler string `json:"handler"`
	Line    int    `json:"line"`
	State   string `json:"state"`
	Target  string `json:"target"`
	Region  string `json:"region,omitempty"`
	Ends    bool   `json:"ends,omitempty"`
}

// Skipped is a handler that did not fire, and why.
type Skipped struct {
	Handler string            `json:"handler"`
	Line    int               `json:"line"`
	Reason  statechart.Reason `json:"reason"`
	Error   *ExecError        `json:"error"`
	By      string            `json:"by,omitempty"`
}

// NewDispatch is the record of out.
func NewDispatch(out *statechart.Outcome) Dispatch {
	rec := Dispatch{Event: out.Event, States: out.States, Fired: []Fired{}, Skipped: []Skipped{}, Ends: out.EndsSession()}
	for _, m := range out.Fired {
		rec.Fired = append(rec.Fired, Fired{Handler: m.Handler.Name, Line: m.Handler.Line, State: m.State, Target: m.Target, Region: m.Region, Ends: m.Handler.EndsSession})
	}
	for _, s := range out.Skipped {
		sk := Skipped{Handler: s.Handler.Name, Line: s.Handler.Line, Reason: s.Reason, Error: NewExecError(s.Err)}
		if s.By != nil {
			sk.By = s.By.Name
		}
		rec.Skipped = append(rec.Skipped, sk)
	}
	for _, e := range out.Errors {
		rec.Errors = append(rec.Errors, NewExecError(e))
	}
	return rec
}
