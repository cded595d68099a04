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
	Skipped []Skip   // every other handler, in document order; nil from Fire
	// Errors are the error.execution events the conditions raised, in the
	// order they were evaluated. ORS would put them on the internal queue.
	Errors []*runtime.ExecError

	evalOpts []runtime.EvalOption // what Dispatch's caller asked of every evaluation
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
// the handlers it can fire; the set's index finds those without looking at
// the others. The only error is a state id the set does not
// know; a failing condition is reported in the Outcome. opts are given to
// every evaluation of a condition (runtime.Explain, to see its parts).
func (s *HandlerSet) Dispatch(ctx context.Context, event map[string]any, env runtime.Env, opts ...runtime.EvalOption) (*Outcome, error) {
	return s.dispatch(ctx, event, env, true, opts)
}

// Fire selects as Dispatch does and returns the same Outcome but for
// Skipped, which it leaves nil: a caller that acts on the handlers that fire
// and does not explain the others spends nothing on them.
func (s *HandlerSet) Fire(ctx context.Context, event map[string]any, env runtime.Env) (*Outcome, error) {
	return s.dispatch(ctx, event, env, false, nil)
}

// dispatch is Dispatch, and Fire when explain is false.
func (s *HandlerSet) dispatch(ctx context.Context, event map[string]any, env runtime.Env, explain bool, opts []runtime.EvalOption) (*Outcome, error) {
	cfg := s.chart.defaults
	if len(env.States) > 0 {
		var err error
		if cfg, err = s.chart.configure(env.States); err != nil {
			return nil, err
		}
	}
	name, _ := event["name"].(string)
	env.Event, env.States = event, cfg.ids

	// The outcome and room for the handlers that usually fire come in one
	// allocation: one, or two in a Composer IPD, whose handlers and
	// application are parallel regions.
	res := &struct {
		out   Outcome
		fired [2]Match
	}{}
	out := &res.out
	out.Event, out.States, out.Fired, out.evalOpts = name, cfg.ids, res.fired[:0], opts

	var candidates [8]*Handler
	var verdicts [8]verdict
	var picks [4]pick
	sel := selection{candidates: s.index.candidates(event == nil, name, candidates[:0]), picks: picks[:0]}
	sel.verdicts = verdicts[:0]
	if n := len(sel.candidates); n > len(verdicts) {
		sel.verdicts = make([]verdict, n)
	} else {
		sel.verdicts = verdicts[:n]
	}
	for _, leaf := range cfg.leaves {
		if h := s.selectFrom(ctx, leaf, env, &sel, out); h != nil && sel.picked(h) == nil {
			sel.picks = append(sel.picks, pick{h: h, from: leaf})
		}
	}
	s.removeConflicting(&sel, cfg)
	for _, p := range sel.picks {
		if !p.dropped {
			out.Fired = append(out.Fired, Match{Handler: p.h, State: p.h.State, Region: p.h.region, From: p.from.ID, Target: p.h.Target})
		}
	}
	if explain {
		out.Skipped = s.skipped(&sel, cfg)
	}
	return out, nil
}

// selection is what one dispatch found out: the handlers whose descriptors
// match, the verdict on each one judged, and the handlers picked.
type selection struct {
	candidates []*Handler // in selection order
	verdicts   []verdict  // by candidate
	picks      []pick     // in the order of the leaves they were picked for
}

// verdict is what judging a candidate decided; a zero reason selects it.
type verdict struct {
	judged bool
	reason Reason
	err    *runtime.ExecError
}

// pick is a handler selection chose: the leaf it was selected for, and the
// transition that removed it again as conflicting, if one did.
type pick struct {
	h       *Handler
	from    *scxml.State
	dropped bool
	by      *Handler
}

// picked finds h among the picks.
func (sel *selection) picked(h *Handler) *pick {
	for i := range sel.picks {
		if sel.picks[i].h == h {
			return &sel.picks[i]
		}
	}
	return nil
}

// fires reports whether h was picked and kept.
func (sel *selection) fires(h *Handler) bool {
	p := sel.picked(h)
	return p != nil && !p.dropped
}

// selectFrom walks from an active leaf up through its ancestors and returns
// the first candidate that is selected. Verdicts are kept, so a handler of
// a common ancestor of two regions is evaluated once.
func (s *HandlerSet) selectFrom(ctx context.Context, leaf *scxml.State, env runtime.Env, sel *selection, out *Outcome) *Handler {
	for i, h := range sel.candidates {
		if h.state != leaf && !leaf.IsDescendantOf(h.state) {
			continue
		}
		v := &sel.verdicts[i]
		if !v.judged {
			v.judged = true
			v.reason, v.err = judge(ctx, h, env, out)
		}
		if v.reason == 0 {
			return h
		}
	}
	return nil
}

// judge decides a candidate, whose descriptors match and which is enabled:
// it returns zero for a handler that is selected.
func judge(ctx context.Context, h *Handler, env runtime.Env, out *Outcome) (Reason, *runtime.ExecError) {
	switch {
	case h.compile != nil:
		err := runtime.CompileError(h.compile)
		out.Errors = append(out.Errors, err)
		return ReasonError, err
	case h.condition == nil:
		return 0, nil
	}
	res := h.condition.Eval(ctx, env, out.evalOpts...)
	switch {
	case res.Err != nil:
		err := runtime.Execution(res.Err)
		out.Errors = append(out.Errors, err)
		return ReasonError, err
	case !res.Value:
		return ReasonCondition, nil
	}
	return 0, nil
}

// removeConflicting drops the picks whose transitions conflict with
// another's. Only a transition with a target exits states, so picks with
// none, as in every flat set, never conflict.
func (s *HandlerSet) removeConflicting(sel *selection, cfg configuration) {
	if len(sel.picks) < 2 || !slices.ContainsFunc(sel.picks, func(p pick) bool { return p.h.domain != nil }) {
		return
	}
	enabled := make([]*Handler, len(sel.picks))
	for i, p := range sel.picks {
		enabled[i] = p.h
	}
	removeConflicting(enabled,
		func(h *Handler) []int { return exitOrders(s.chart.states, cfg.active, h.domain) },
		func(h *Handler) *scxml.State { return h.state },
		func(h, by *Handler) { p := sel.picked(h); p.dropped, p.by = true, by })
}

// skipped explains every handler that does not fire, in document order.
// Most did not match the event: they start as the set's unmatched list
// says, and the candidates are then given their own reasons.
func (s *HandlerSet) skipped(sel *selection, cfg configuration) []Skip {
	var firedBuf [4]int
	fired := firedBuf[:0] // indices of the handlers that fire, ascending
	for _, p := range sel.picks {
		if !p.dropped {
			fired = append(fired, p.h.index)
		}
	}
	slices.Sort(fired)
	out := make([]Skip, len(s.Handlers)-len(fired))
	from, to := 0, 0
	for _, i := range fired {
		to += copy(out[to:], s.unmatched[from:i])
		from = i + 1
	}
	copy(out[to:], s.unmatched[from:])
	for i, h := range sel.candidates {
		if !sel.fires(h) {
			before, _ := slices.BinarySearch(fired, h.index)
			out[h.index-before] = s.skip(h, sel.verdicts[i], sel, cfg)
		}
	}
	return out
}

// skip explains a candidate that did not fire.
func (s *HandlerSet) skip(h *Handler, v verdict, sel *selection, cfg configuration) Skip {
	switch {
	case v.judged && v.reason != 0:
		return Skip{Handler: h, Reason: v.reason, Err: v.err}
	case v.judged:
		// Selected, then removed as a conflicting transition.
		return Skip{Handler: h, Reason: ReasonPreempted, By: sel.picked(h).by}
	case !cfg.active[h.state.Order]:
		return Skip{Handler: h, Reason: ReasonInactive}
	}
	// Never considered: selection from every leaf below its state stopped
	// at an earlier handler.
	for _, p := range sel.picks {
		if !p.dropped && (p.from == h.state || p.from.IsDescendantOf(h.state)) {
			return Skip{Handler: h, Reason: ReasonPreempted, By: p.h}
		}
	}
	return Skip{Handler: h, Reason: ReasonPreempted}
}
