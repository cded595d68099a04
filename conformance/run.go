package conformance

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
)

// Result is the outcome of one case.
type Result struct {
	Case *Case
	Pass bool
	// Detail says what was observed when the case fails, and sums up what
	// happened when it passes.
	Detail string
}

// Runner runs cases. It loads each handler file once and keeps it for the
// cases that share it.
type Runner struct {
	fsys fs.FS
	opts []runtime.Option
	sets map[string]*statechart.HandlerSet
}

// NewRunner returns a runner reading handler files from fsys (handlers/…).
func NewRunner(fsys fs.FS) *Runner {
	// The cases pin down semantics, not speed: a generous time limit keeps a
	// busy machine from turning a slow evaluation into a false failure.
	return &Runner{fsys: fsys, sets: map[string]*statechart.HandlerSet{}, opts: []runtime.Option{runtime.Timeout(10 * time.Second)}}
}

// Run runs one case.
func (r *Runner) Run(ctx context.Context, c *Case) Result {
	var detail string
	var err error
	switch c.Kind() {
	case KindDescriptor:
		detail, err = runDescriptor(c)
	case KindEval:
		detail, err = r.runEval(ctx, c)
	case KindDispatch:
		detail, err = r.runDispatch(ctx, c)
	}
	if err != nil {
		return Result{Case: c, Detail: err.Error()}
	}
	return Result{Case: c, Pass: true, Detail: detail}
}

// RunAll runs every case in order.
func (r *Runner) RunAll(ctx context.Context, cases []*Case) []Result {
	out := make([]Result, 0, len(cases))
	for _, c := range cases {
		out = append(out, r.Run(ctx, c))
	}
	return out
}

func runDescriptor(c *Case) (string, error) {
	got := builtins.MatchDescriptors(*c.Descriptor, c.EventName)
	if got != *c.Expect {
		return "", fmt.Errorf("descriptor %q on event %q: got %v, want %v", *c.Descriptor, c.EventName, got, *c.Expect)
	}
	return fmt.Sprintf("%q matches %q: %v", *c.Descriptor, c.EventName, got), nil
}

func (c *Case) env() runtime.Env {
	return runtime.Env{
		Event: c.Event, System: c.System, States: c.States, Globals: c.Globals,
		SessionID: c.SessionID, Name: c.DocName,
	}
}

func (r *Runner) runEval(ctx context.Context, c *Case) (string, error) {
	var res runtime.Result
	cond, err := runtime.Compile(*c.Cond, r.opts...)
	if err != nil {
		res = runtime.Result{Err: runtime.CompileError(err)}
	} else {
		res = cond.Eval(ctx, c.env())
	}
	errType := ""
	failure := runtime.Execution(res.Err)
	if failure != nil {
		errType = failure.Type
	}
	switch {
	case errType != c.Error && c.Error == "":
		return "", fmt.Errorf("raised %v, want no error", res.Err)
	case errType != c.Error:
		return "", fmt.Errorf("got %v (error %q), want false with error.execution %s", res.Value, errType, c.Error)
	case res.Value != *c.Expect:
		return "", fmt.Errorf("got %v, want %v", res.Value, *c.Expect)
	}
	if failure != nil {
		return fmt.Sprintf("false, %s: %s", failure.Type, failure.Message), nil
	}
	return fmt.Sprint(res.Value), nil
}

// set returns the case's handler set, loading it on first use.
func (r *Runner) set(c *Case) (*statechart.HandlerSet, error) {
	if c.SCXML != "" {
		return statechart.ReadSCXMLHandlers(c.ID+".scxml", []byte(c.SCXML), r.opts...)
	}
	if s, ok := r.sets[c.Handlers]; ok {
		return s, nil
	}
	data, err := fs.ReadFile(r.fsys, "handlers/"+c.Handlers)
	if err != nil {
		return nil, err
	}
	s, err := statechart.ReadHandlerFile(c.Handlers, data, r.opts...)
	if err != nil {
		return nil, err
	}
	r.sets[c.Handlers] = s
	return s, nil
}

func (r *Runner) runDispatch(ctx context.Context, c *Case) (string, error) {
	set, err := r.set(c)
	if err != nil {
		return "", err
	}
	var summary []string
	ended := 0
	for i, step := range c.Steps {
		if ended > 0 {
			if step.Fired != nil || step.Targets != nil || step.Skipped != nil {
				return "", fmt.Errorf("step %d: the session ended at step %d, so this event is never delivered", i+1, ended)
			}
			continue
		}
		env := c.env()
		if step.States != nil {
			env.States = step.States
		}
		out, err := set.Dispatch(ctx, step.Event, env)
		if err != nil {
			return "", fmt.Errorf("step %d: %w", i+1, err)
		}
		if err := step.check(out); err != nil {
			return "", fmt.Errorf("step %d (%s): %w", i+1, eventLabel(out), err)
		}
		summary = append(summary, fmt.Sprintf("%s → %s", eventLabel(out), firedLabel(out)))
		if out.EndsSession() {
			ended = i + 1
		}
	}
	outcome := "active"
	if ended > 0 {
		outcome = "ended"
	}
	if c.Outcome != "" && c.Outcome != outcome {
		return "", fmt.Errorf("the session is %s after the steps, want %s (%s)", outcome, c.Outcome, strings.Join(summary, "; "))
	}
	return strings.Join(summary, "; ") + "; session " + outcome, nil
}

// check compares a dispatch outcome with the step's expectations.
func (s *Step) check(out *statechart.Outcome) error {
	var fired, targets []string
	for _, m := range out.Fired {
		fired = append(fired, m.Handler.Name)
		targets = append(targets, m.Target)
	}
	if s.Fired != nil && !slices.Equal(fired, *s.Fired) {
		return fmt.Errorf("fired %s, want %s", list(fired), list(*s.Fired))
	}
	if s.Targets != nil && !slices.Equal(targets, *s.Targets) {
		return fmt.Errorf("fired %s with targets %s, want targets %s", list(fired), list(targets), list(*s.Targets))
	}
	for name, want := range s.Skipped {
		got := "no such handler"
		for _, m := range out.Fired {
			if m.Handler.Name == name {
				got = "fired"
			}
		}
		for _, sk := range out.Skipped {
			if sk.Handler.Name == name {
				got = "skipped for " + sk.Reason.String()
			}
		}
		if got != "skipped for "+want {
			return fmt.Errorf("handler %q: %s, want skipped for %s", name, got, want)
		}
	}
	return nil
}

func eventLabel(out *statechart.Outcome) string {
	if out.Event == "" {
		return "(eventless)"
	}
	return out.Event
}

func firedLabel(out *statechart.Outcome) string {
	if len(out.Fired) == 0 {
		return "nothing fires"
	}
	var parts []string
	for _, m := range out.Fired {
		p := m.Handler.Name
		if m.Target != "" {
			p += " → " + m.Target
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "nothing"
	}
	return "[" + strings.Join(xs, ", ") + "]"
}
