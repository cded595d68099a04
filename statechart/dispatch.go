package statechart

import (
	"context"
	"slices"
	"strconv"

	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// Reason says why a handler did not fire for an event.
type Reason uint8

// Reasons, in the order dispatch checks them.
const (
	ReasonDisabled   Reason = iota + 1 // the handler is switched off (enabled="false")
	ReasonDescriptor                   // no descriptor of its event attribute matches the event's name
	ReasonInactive                     // its state is not in the active configuration
	ReasonError                        // its condition raised error.execution (or did not compile)
	ReasonCondition                    // its condition is false
	ReasonPreempted                    // another handler was selected first, so it was not considered
)

var reasonNames = [...]string{"", "disabled", "descriptor", "inactive", "error", "condition", "preempted"}

// String returns the reason's name as reports and JSON show it.
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText writes the reason's name.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Match is a handler that fires.
type Match struct {
	Handler *Handler
	State   string // the state the handler belongs to
	Region  string // the parallel region it fired in; empty outside any <parallel>
	From    string // the active atomic state whose selection reached it
	Target  string // the handler's target, as written
}

// Skip is a handler passed over, and why.
type Skip struct {
	Handler *Handler
	Reason  Reason
	Err     *runtime.ExecError // the error.execution of ReasonError
	By      *Handler           // the handler that fired instead, for ReasonPreempted
}

// Outcome is the result of dispatching one event to a handler set.
type Outcome struct {
	Event   string   // the event's name; empty for an eventless step
	States  []string // the active configuration the conditions saw, ancestors included
	Fired   []Match  // in selection order: the active atomic states in document order
	Skipped []Skip   // every other handler, in document order
	// Errors are the error.execution events the conditions raised, in the
	// order they were evaluated. ORS would put them on the internal queue.
	Errors []*runtime.ExecError
}

// EndsSession reports whether a fired handler ends the session.
func (o *Outcome) EndsSession() bool {
	for _, m := range o.Fired {
		if m.Handler.EndsSession {
			return true
		}
	}
	return false
}

// Dispatch selects the handlers that fire for event (the _event fields;
// "name" is matched against the descriptors) with W3C SCXML transition
// selection: for each active atomic state in document order, the first
// handler of that state or of its nearest ancestor whose descriptor matches
// and whose condition is true; parallel regions each select their own, and
// conflicting transitions are then resolved. A nil event selects eventless
// handlers instead.
//
// env supplies system, globals and the active states (env.States; the set's
// DefaultStates when empty). Descriptors and the enabled flag are checked
// before any condition runs, so an event evaluates only the conditions of
// the handlers it can fire. The only error is a state id the set does not
// know; a failing condition is reported in the Outcome.
func (s *HandlerSet) Dispatch(ctx context.Context, event map[string]any, env runtime.Env) (*Outcome, error) {
	cfg := s.chart.defaults
	if len(env.States) > 0 {
		var err error
		if cfg, err = s.chart.configure(env.States); err != nil {
			return nil, err
		}
	}
	name, _ := event["name"].(string)
	env.Event, env.States = event, cfg.ids
	out := &Outcome{Event: name, States: cfg.ids}

	// What selection found out, handler by handler (a Skip with no Handler
	// was not judged); compacted, it then becomes out.Skipped, so a dispatch
	// allocates one slice for every handler, not two.
	verdicts := make([]Skip, len(s.Handlers))
	var picks []pick
	var enabled []*Handler
	for _, leaf := range cfg.leaves {
		h := s.selectFrom(ctx, leaf, event == nil, name, env, verdicts, out)
		if h != nil && picked(picks, h) == nil {
			enabled = append(enabled, h)
			picks = append(picks, pick{h: h, from: leaf})
		}
	}
	if len(enabled) > 1 {
		enabled = removeConflicting(enabled,
			func(h *Handler) []int { return exitOrders(s.chart.states, cfg.active, transitionDomain(h)) },
			func(h *Handler) *scxml.State { return h.state },
			func(h, by *Handler) { picked(picks, h).by = by })
	}
	for _, h := range enabled {
		m := Match{Handler: h, State: h.State, From: picked(picks, h).from.ID, Target: h.Target}
		if r := regionOf(h.state); r != nil {
			m.Region = r.ID
		}
		out.Fired = append(out.Fired, m)
	}
	n := 0
	for i, h := range s.Handlers {
		if !slices.Contains(enabled, h) {
			verdicts[n] = s.skip(h, verdicts[i], picks, event == nil, name, cfg, enabled)
			n++
		}
	}
	out.Skipped = verdicts[:n]
	return out, nil
}

// pick is a handler selection chose: the leaf it was selected for, and the
// transition that removed it again as conflicting, if one did.
type pick struct {
	h    *Handler
	from *scxml.State
	by   *Handler
}

// picked finds h among picks.
func picked(picks []pick, h *Handler) *pick {
	for i := range picks {
		if picks[i].h == h {
			return &picks[i]
		}
	}
	return nil
}

// selectFrom walks from an active leaf up through its ancestors and returns
// the first handler that is enabled, matches and whose condition holds.
// Verdicts (a Skip whose Reason is zero for a selected handler) are kept,
// so a handler of a common ancestor of two regions is
// evaluated once.
func (s *HandlerSet) selectFrom(ctx context.Context, leaf *scxml.State, eventless bool, name string, env runtime.Env, verdicts []Skip, out *Outcome) *Handler {
	for st := leaf; st != nil; st = st.Parent {
		for _, h := range s.chart.handlers[st.Order] {
			v := &verdicts[h.index]
			if v.Handler == nil {
				v.Reason, v.Err = s.judge(ctx, h, eventless, name, env, out)
				v.Handler = h
			}
			if v.Reason == 0 {
				return h
			}
		}
	}
	return nil
}

// judge decides one handler: cheap checks first, the condition last. It
// returns zero for a handler that is selected.
func (s *HandlerSet) judge(ctx context.Context, h *Handler, eventless bool, name string, env runtime.Env, out *Outcome) (Reason, *runtime.ExecError) {
	switch {
	case !h.Enabled:
		return ReasonDisabled, nil
	case !h.matches(eventless, name):
		return ReasonDescriptor, nil
	case h.compile != nil:
		err := runtime.CompileError(h.compile)
		out.Errors = append(out.Errors, err)
		return ReasonError, err
	case h.condition == nil:
		return 0, nil
	}
	res := h.condition.Eval(ctx, env)
	switch {
	case res.Err != nil:
		out.Errors = append(out.Errors, res.Err)
		return ReasonError, res.Err
	case !res.Value:
		return ReasonCondition, nil
	}
	return 0, nil
}

// matches reports whether the handler's descriptors select it: for an
// event, one descriptor matches its name; for an eventless step, it has none.
func (h *Handler) matches(eventless bool, name string) bool {
	if eventless {
		return h.Event.Eventless()
	}
	return h.Event.Match(name)
}

// skip explains a handler that did not fire.
func (s *HandlerSet) skip(h *Handler, v Skip, picks []pick, eventless bool, name string, cfg configuration, enabled []*Handler) Skip {
	switch {
	case v.Handler != nil && v.Reason != 0:
		return v
	case v.Handler != nil:
		// Selected, then removed as a conflicting transition.
		return Skip{Handler: h, Reason: ReasonPreempted, By: picked(picks, h).by}
	case !h.Enabled:
		return Skip{Handler: h, Reason: ReasonDisabled}
	case !h.matches(eventless, name):
		return Skip{Handler: h, Reason: ReasonDescriptor}
	case h.state == nil || !cfg.active[h.state.Order]:
		return Skip{Handler: h, Reason: ReasonInactive}
	}
	// Never considered: selection from every leaf below its state stopped
	// at an earlier handler.
	for _, e := range enabled {
		if l := picked(picks, e).from; l == h.state || l.IsDescendantOf(h.state) {
			return Skip{Handler: h, Reason: ReasonPreempted, By: e}
		}
	}
	return Skip{Handler: h, Reason: ReasonPreempted}
}
