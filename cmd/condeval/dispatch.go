package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/batch"
	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
)

// DispatchCmd shows which handlers of a set fire for an event, and why the
// others do not.
type DispatchCmd struct {
	Handlers string   `required:"" placeholder:"FILE" help:"Handler set: a handler file (.yaml, .yml, .json), an SCXML document (.scxml) or a Composer IPD (.ixnprocess)."`
	State    []string `placeholder:"ID" help:"An active state (repeatable), completed to a legal configuration (its ancestors, every region of an active <parallel>, a compound state's initial state). Default: the document's initial configuration, or every state of a handler file."`
	Event    string   `placeholder:"FILE" help:"A JSON file with the _event fields (name, type, data, ...)."`
	Events   string   `placeholder:"FILE" help:"An NDJSON file (- for stdin): one _event a line, dispatched in order."`
	System   string   `placeholder:"FILE" help:"A JSON file with the system variables."`
	Global   []string `placeholder:"NAME=JSON" sep:"none" help:"A further global, such as an App_ variable or a <data> id (repeatable)."`
	Explain  bool     `help:"Also say why every other handler does not fire, with the value of every part of each condition evaluated and its lint findings."`
	Format   string   `enum:"text,json" default:"text" help:"Output format: text or json (one object per event)."`
}

// Run loads the set, reads the events and reports each dispatch.
func (c *DispatchCmd) Run(env *Env) error {
	if c.Event != "" && c.Events != "" {
		return usagef("give --event or --events, not both")
	}
	if c.Event == "" && c.Events == "" {
		return usagef("give the event: --event FILE, or --events FILE.ndjson for several")
	}
	globals, err := parseGlobals(c.Global)
	if err != nil {
		return err
	}
	set, err := statechart.LoadHandlers(c.Handlers)
	if err != nil {
		return err
	}
	for _, p := range set.Problems {
		render.Error(env.Stderr, p)
	}
	var system map[string]any
	if c.System != "" {
		if system, err = readObjectFlag("--system", c.System); err != nil {
			return err
		}
	}
	report := c.reportText
	if c.Format == "json" {
		report = c.reportJSON
	}
	ctx := context.Background()
	warnings := newInputWarnings(env.Stderr)
	dispatch := func(event map[string]any) error {
		in := runtime.Env{System: system, States: c.State, Globals: globals}
		explained := explanations{}
		var opts []runtime.EvalOption
		if c.Explain {
			opts = append(opts, runtime.Explain(func(x *runtime.Explanation) { explained[x.Source] = x }))
		}
		out, err := set.Dispatch(ctx, event, in, opts...)
		if err != nil {
			return err
		}
		in.Event = event
		missing := handlersMissing(out, in)
		for _, h := range out.Evaluated() {
			warnings.warn(fmt.Sprintf("handler %q", h.Name), missing[h])
		}
		report(env.Stdout, out, missing, explained)
		return nil
	}
	if c.Event != "" {
		event, err := readEventFlag("--event", c.Event)
		if err != nil {
			return err
		}
		return dispatch(event)
	}
	return c.dispatchStream(env, dispatch)
}

// dispatchStream dispatches every line of the --events file. A line that is
// not a JSON object is reported and skipped; the exit code is then 2.
func (c *DispatchCmd) dispatchStream(env *Env, dispatch func(map[string]any) error) error {
	in, name, done, err := openLines(env, "--events", c.Events)
	if err != nil {
		return err
	}
	defer done()
	return jsonin.Lines(in, func(n int, line []byte) error {
		if jsonin.IsBlank(line) {
			return nil // a blank line separates events; it is none
		}
		event, err := jsonin.DecodeObjectLine(line, n)
		if err == nil {
			err = namedEvent(line, n, event)
		}
		if err != nil {
			c.inputError(env, name, n, err)
			return nil
		}
		return dispatch(event)
	})
}

// inputError reports a bad --events line where the format puts results:
// the record of --format json, or a file:line:col message on stderr.
func (c *DispatchCmd) inputError(env *Env, name string, line int, err error) {
	env.Code = exitUsage
	if c.Format == "json" {
		b, _ := json.Marshal(struct {
			Line  int               `json:"line"`
			Error *batch.InputError `json:"error"`
		}{line, &batch.InputError{Name: "error.input", Message: err.Error()}})
		fmt.Fprintf(env.Stdout, "%s\n", b)
		return
	}
	fmt.Fprintf(env.Stderr, "%s:%v\n", name, err)
}

// handlersMissing is, for each handler whose condition ran for out, the
// inputs it read that in does not give.
func handlersMissing(out *statechart.Outcome, in runtime.Env) map[*statechart.Handler][]missingInput {
	missing := map[*statechart.Handler][]missingInput{}
	for _, h := range out.Evaluated() {
		if ms := missingInputs(h.Cond, in); len(ms) > 0 {
			missing[h] = ms
		}
	}
	return missing
}

func (c *DispatchCmd) reportText(w io.Writer, out *statechart.Outcome, missing map[*statechart.Handler][]missingInput, explained explanations) {
	fmt.Fprintf(w, "event %s (states: %s)\n", dispatchEventName(out), strings.Join(out.States, ", "))
	if len(out.Fired) == 0 {
		fmt.Fprintln(w, "  no handler fires")
	}
	for _, m := range out.Fired {
		h := m.Handler
		fmt.Fprintf(w, "  fires    %s  %s:%d", h.Name, h.File, h.Line)
		if m.Region != "" {
			fmt.Fprintf(w, "  region %s", m.Region)
		}
		if m.Target != "" {
			fmt.Fprintf(w, "  → %s", m.Target)
		}
		if h.EndsSession {
			fmt.Fprint(w, "  (ends the session)")
		}
		fmt.Fprintln(w)
		if c.Explain {
			fmt.Fprintf(w, "           event=%q matches; %s\n", h.Event, m.Why())
			explained.write(w, h)
		}
	}
	if !c.Explain {
		return
	}
	for _, s := range out.Skipped {
		fmt.Fprintf(w, "  skipped  %s  %s:%d  %s: %s\n", s.Handler.Name, s.Handler.File, s.Handler.Line, s.Reason, s.Why(out.Event))
		for _, m := range missing[s.Handler] {
			fmt.Fprintf(w, "           %s\n", m)
		}
		if s.Err != nil {
			_ = render.Write(render.Indent(w, "           "), render.HandlerExec(s.Handler, s.Err))
		}
		if s.Evaluated() {
			explained.write(w, s.Handler)
		}
	}
}

func (c *DispatchCmd) reportJSON(w io.Writer, out *statechart.Outcome, _ map[*statechart.Handler][]missingInput, explained explanations) {
	var b []byte
	if c.Explain {
		b, _ = json.Marshal(struct {
			batch.Dispatch
			Explanations []handlerExplanation `json:"explanations"`
		}{batch.NewDispatch(out), explained.list(out)})
	} else {
		b, _ = json.Marshal(batch.NewDispatch(out))
	}
	fmt.Fprintf(w, "%s\n", b)
}

func dispatchEventName(out *statechart.Outcome) string {
	if out.Event == "" {
		return "(eventless)"
	}
	return out.Event
}
