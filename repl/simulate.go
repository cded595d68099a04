package repl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/statechart"
)

// The simulation commands run a document in the REPL: :simulate starts a
// session of it with the loaded system and globals, :send and :advance
// drive it, and after each step the states In() sees are the session's,
// so the conditions typed next are judged where the strategy now is.

func (s *Session) cmdSimulate(arg string, _ entry) error {
	if arg == "" {
		return s.simulationStatus()
	}
	doc, genesysFile, _ := strings.Cut(arg, " ")
	opts := statechart.Options{Globals: map[string]any{}}
	for name, v := range s.env().Globals {
		opts.Globals[name] = v
	}
	if sys, ok := s.vars[rootSystem].(map[string]any); ok {
		opts.System = sys
	}
	if genesysFile = strings.TrimSpace(genesysFile); genesysFile != "" {
		g, err := jsonin.ReadObjectFile(genesysFile)
		if err != nil {
			return err
		}
		opts.Genesys = g
	}
	m, err := statechart.Load(doc, statechart.LoadOptions{})
	if err != nil {
		return err
	}
	// What does not compile raises error.execution each time it runs:
	// said once, before the run, as condeval simulate says it.
	if broken, err := lint.CompileErrors(doc); err == nil {
		for _, f := range broken {
			_ = render.Write(s.out, render.Finding(f))
		}
	}
	sim, st, err := m.Start(opts)
	if err != nil {
		return err
	}
	s.stopSimulation()
	s.sim = sim
	return s.showStep(st)
}

func (s *Session) cmdSend(arg string, _ entry) error {
	if s.sim == nil {
		return fmt.Errorf(":send needs a simulation: start one with :simulate DOC")
	}
	ev, err := s.eventToSend(arg)
	if err != nil {
		return err
	}
	return s.showStep(s.sim.Send(ev))
}

// eventToSend reads :send's argument: NAME [JSON data], or nothing for the
// loaded _event.
func (s *Session) eventToSend(arg string) (statechart.Event, error) {
	if arg == "" {
		loaded, _ := s.vars[rootEvent].(map[string]any)
		name, _ := loaded["name"].(string)
		if name == "" {
			return statechart.Event{}, fmt.Errorf("usage: :send NAME [JSON data], or load an _event with a name and :send it")
		}
		return statechart.Event{Name: name, Data: loaded["data"]}, nil
	}
	name, dataText, _ := strings.Cut(arg, " ")
	ev := statechart.Event{Name: name}
	if dataText = strings.TrimSpace(dataText); dataText != "" {
		v, err := jsonin.DecodeValue([]byte(dataText))
		if err != nil {
			return ev, fmt.Errorf("data of %s: %w", name, err)
		}
		ev.Data = v
	}
	return ev, nil
}

func (s *Session) cmdAdvance(arg string, _ entry) error {
	if s.sim == nil {
		return fmt.Errorf(":advance needs a simulation: start one with :simulate DOC")
	}
	ms, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || ms < 0 {
		return fmt.Errorf("usage: :advance MS, a whole number of milliseconds")
	}
	return s.showStep(s.sim.Advance(ms))
}

// showStep prints what a step did and makes the session's active states
// the ones In() sees.
func (s *Session) showStep(st *statechart.Step) error {
	s.states = s.sim.Active()
	return st.WriteText(s.out, render.StepError)
}

func (s *Session) simulationStatus() error {
	if s.sim == nil {
		return fmt.Errorf("usage: :simulate DOC [GENESYS.json] starts a simulation of an SCXML document")
	}
	status := "running"
	if s.sim.Done() {
		status = "done: " + s.sim.Final()
	}
	fmt.Fprintf(s.out, "[%dms] %s, %d delayed events pending\n  configuration: %s\n", s.sim.Time(), status, s.sim.Pending(), strings.Join(s.sim.Configuration(), " "))
	return nil
}

// stopSimulation ends the running simulation, if any.
func (s *Session) stopSimulation() {
	if s.sim != nil {
		s.sim.Close()
		s.sim = nil
	}
}
