package stream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/condeval/condeval/batch"
	"github.com/condeval/condeval/statechart"
)

// Input says how the value of a record is read.
type Input struct {
	// EventOnly reads the value as a bare _event rather than as a case.
	EventOnly bool
	// System is the system variables of a case that brings none: fixed
	// values for a replay.
	System map[string]any
}

func (in Input) decode(value []byte) (batch.Case, error) {
	var c batch.Case
	var err error
	if in.EventOnly {
		c, err = batch.DecodeEvent(value)
	} else {
		c, err = batch.Decode(value)
	}
	if c.System == nil {
		c.System = in.System
	}
	return c, err
}

// Condition evaluates a condition on every record; each result is the
// record condeval eval --batch writes for the same case. A case's own
// "cond" is evaluated instead, as in eval --batch.
type Condition struct {
	in    Input
	label string
	conds *batch.Conditions
}

// NewCondition evaluates src; label names it in a compare summary.
func NewCondition(src, label string, in Input) *Condition {
	return &Condition{in: in, label: label, conds: batch.NewConditions(src)}
}

// Evaluate implements Evaluator.
func (e *Condition) Evaluate(ctx context.Context, value []byte) (Outcome, error) {
	c, err := e.in.decode(value)
	if err != nil {
		return Outcome{}, err
	}
	rec, res, err := e.conds.Eval(ctx, &c)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Result: strconv.FormatBool(res.Value)}
	if out.Record, err = json.Marshal(rec); err != nil {
		return Outcome{}, err
	}
	if res.Value {
		out.Fired = []Firing{{Label: e.label, Key: "true"}}
	}
	if res.Err != nil {
		out.Errors = 1
	}
	return out, nil
}

// Handlers dispatches every record to a handler set; each result is the
// record condeval dispatch --format json writes for the same event, with
// the case's id.
type Handlers struct {
	in  Input
	set *statechart.HandlerSet
}

// NewHandlers dispatches to set.
func NewHandlers(set *statechart.HandlerSet, in Input) *Handlers {
	return &Handlers{in: in, set: set}
}

// Evaluate implements Evaluator.
func (e *Handlers) Evaluate(ctx context.Context, value []byte) (Outcome, error) {
	c, err := e.in.decode(value)
	if err != nil {
		return Outcome{}, err
	}
	if c.Cond != nil {
		return Outcome{}, errors.New(`a handler set's handlers bring their own conditions: the case's "cond" has no place`)
	}
	env := c.Env()
	res, err := e.set.Dispatch(ctx, c.Event, env)
	if err != nil {
		return Outcome{}, err
	}
	rec := batch.NewDispatch(res)
	rec.ID = c.ID
	out := Outcome{Errors: len(res.Errors)}
	if out.Record, err = json.Marshal(rec); err != nil {
		return Outcome{}, err
	}
	names := make([]string, len(res.Fired))
	for i, m := range res.Fired {
		h := m.Handler
		names[i] = h.Name
		out.Fired = append(out.Fired, Firing{
			Label: fmt.Sprintf("%s (%s:%d)", h.Name, h.File, h.Line),
			Key:   fmt.Sprintf("%s|%s|%s|%t", m.State, h.Event, m.Target, h.EndsSession),
		})
	}
	result, _ := json.Marshal(names)
	out.Result = string(result)
	return out, nil
}
