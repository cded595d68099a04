package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
	"github.com/condeval/condeval/statechart"
)

// SimulateCmd runs a strategy offline against a stream of events.
type SimulateCmd struct {
	Doc       string   `arg:"" placeholder:"DOC" help:"The SCXML document to run (.scxml)."`
	Events    string   `placeholder:"FILE" help:"NDJSON events (- for stdin), one a line: {\"name\":…, \"data\":{…}, \"after\": MS}. A line with only \"after\" moves the clock."`
	System    string   `placeholder:"FILE" help:"A JSON file with the system variables."`
	Global    []string `placeholder:"NAME=JSON" sep:"none" help:"A global variable (repeatable)."`
	Genesys   string   `placeholder:"FILE" help:"A JSON object declaring what _genesys.* gives: {\"ixn.interactions\": {…}, \"session.timeInZone()\": \"10:00:00\"}."`
	AllowRead []string `placeholder:"DIR" sep:"none" help:"Let the document read files under DIR too (repeatable)."`
	Format    string   `enum:"text,json" default:"text" help:"Output format: text, or json (one line after start-up and one per event)."`
	Settle    bool     `help:"At the end of the events, jump the clock through the delayed sends still pending and report them as one more step (by default they stay undelivered)."`
}

// simEvent is one line of --events.
type simEvent struct {
	statechart.Event
	After int64 `json:"after"`
}

// Run starts the session, feeds it the events and reports each step.
func (c *SimulateCmd) Run(env *Env) error {
	opts, err := sessionOptions(c.System, c.Genesys, c.Global)
	if err != nil {
		return err
	}
	m, err := statechart.Load(c.Doc, statechart.LoadOptions{AllowRead: c.AllowRead})
	if err != nil {
		return err
	}
	if err := writeBrokenCode(env.Stderr, c.Doc); err != nil {
		return err
	}
	warnMissingSystem(env.Stderr, c.Doc, opts.System)
	s, st, err := m.Start(opts)
	if err != nil {
		return err
	}
	defer s.Close()
	write := reportStepText
	if c.Format == "json" {
		write = reportStepJSON
	}
	report := func(w io.Writer, st *statechart.Step) {
		write(w, st)
		if stoppedOnLimit(st) && env.Code == exitOK {
			env.Code = exitFalse
		}
	}
	report(env.Stdout, st)
	if c.Settle {
		defer func() {
			if !s.Done() && s.Pending() > 0 {
				report(env.Stdout, s.Settle())
			}
		}()
	}
	if c.Events == "" {
		return nil
	}
	in, name, done, err := openLines(env, "--events", c.Events)
	if err != nil {
		return err
	}
	defer done()
	err = jsonin.Lines(in, func(n int, line []byte) error {
		if jsonin.IsBlank(line) {
			return nil
		}
		ev, err := readSimEvent(line, n)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s:%v\n", name, err)
			env.Code = exitUsage
			return nil
		}
		if ev.Name == "" {
			report(env.Stdout, s.Advance(ev.After))
			return nil
		}
		report(env.Stdout, s.SendAfter(ev.Event, ev.After))
		return nil
	})
	return err
}

// readSimEvent reads line n of --events: the _event fields, each text but
// "data", and "after", a number of milliseconds.
func readSimEvent(line []byte, n int) (simEvent, error) {
	obj, err := jsonin.DecodeObjectLine(line, n)
	if err != nil {
		return simEvent{}, err
	}
	if err := unknownEventKey(line, n, obj, "after"); err != nil {
		return simEvent{}, err
	}
	if _, named := obj["name"]; !named && slices.ContainsFunc(slices.Collect(maps.Keys(obj)), func(k string) bool { return k != "after" }) {
		return simEvent{}, fmt.Errorf("%d: not an event: no \"name\" (a line with only \"after\" moves the clock)", n)
	}
	var ev simEvent
	text := map[string]*string{"name": &ev.Name, "type": &ev.Type, "sendid": &ev.SendID, "origin": &ev.Origin,
		"origintype": &ev.OriginType, "invokeid": &ev.InvokeID}
	for k, v := range obj {
		switch dst, isText := text[k]; {
		case isText:
			s, ok := v.(string)
			if !ok && v != nil {
				return ev, fmt.Errorf("%d: not an event: %q must be a string", n, k)
			}
			*dst = s
		case k == "data":
			ev.Data = v
		case k == "after":
			ms, ok := v.(float64)
			if !ok || ms < 0 || ms != float64(int64(ms)) {
				return ev, fmt.Errorf("%d: not an event: \"after\" must be a whole number of milliseconds", n)
			}
			ev.After = int64(ms)
		}
	}
	return ev, nil
}

// writeBrokenCode writes, once and as lint does, each condition, expression
// or script of the document that does not compile.
func writeBrokenCode(w io.Writer, doc string) error {
	broken, err := lint.CompileErrors(doc)
	if err != nil {
		return nil // Load read it; a second read that fails has nothing to add
	}
	return writeFindingsText(w, broken)
}

// stoppedOnLimit says whether the session stopped in st on a limit (a loop
// of eventless transitions or raised events that never settles).
func stoppedOnLimit(st *statechart.Step) bool {
	return slices.ContainsFunc(st.Errors, func(e statechart.Error) bool { return e.Name == "error.limit" })
}

// warnMissingSystem warns when the document's conditions and expressions
// read system variables and no --system was given. What else they read
// is the document's own (its <data>, its scripts) or the events'.
func warnMissingSystem(w io.Writer, doc string, system map[string]any) {
	f, err := scxml.ReadFile(doc)
	if err != nil || system != nil {
		return
	}
	warnings := newInputWarnings(w)
	given := runtime.Env{Event: map[string]any{"data": nil}, Globals: map[string]any{}}
	for _, it := range f.Items {
		if it.Kind != scxml.Condition && it.Kind != scxml.Expression {
			continue
		}
		for _, m := range missingInputs(it.Text.Value, given) {
			if m.Input == builtins.InputSystem {
				warnings.warn("the document", []missingInput{m})
			}
		}
	}
}

// sessionOptions reads the files and flags a session starts with.
func sessionOptions(systemFile, genesysFile string, globals []string) (statechart.Options, error) {
	var opts statechart.Options
	var err error
	if systemFile != "" {
		if opts.System, err = readObjectFlag("--system", systemFile); err != nil {
			return opts, err
		}
	}
	if genesysFile != "" {
		if opts.Genesys, err = readObjectFlag("--genesys", genesysFile); err != nil {
			return opts, err
		}
	}
	opts.Globals, err = parseGlobals(globals)
	return opts, err
}

func reportStepJSON(w io.Writer, st *statechart.Step) {
	b, _ := json.Marshal(st)
	fmt.Fprintf(w, "%s\n", b)
}

func reportStepText(w io.Writer, st *statechart.Step) {
	st.WriteText(w, render.StepError)
}
