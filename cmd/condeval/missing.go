package main

import (
	"fmt"
	"io"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// A condition that reads an input the command was not given reads
// undefined, or throws; the answer is then right but tells the user
// nothing. Every command asks missingInputs which inputs a condition
// misses and names the flag that gives each one.

// missingInput is an input a condition reads and the command was not
// given, and the path that first reads it.
type missingInput struct {
	builtins.Missing
	path     string // as the condition spells it: system.InteractionID
	hasEvent bool   // an event was given (without "data")
}

// missingInputs lists what src reads that env does not give; nothing for a
// condition that does not parse (its syntax error says more).
func missingInputs(src string, env runtime.Env) []missingInput {
	e, err := cond.ParseExpression(src)
	if err != nil {
		return nil
	}
	reads := e.Reads()
	paths := make([][]string, len(reads))
	for i, p := range reads {
		paths[i] = p.Segments
	}
	var out []missingInput
	for _, m := range builtins.MissingInputs(paths, env) {
		out = append(out, missingInput{Missing: m, path: reads[m.Read].String(), hasEvent: env.Event != nil})
	}
	return out
}

// flag is the command-line flag that gives the input.
func (m missingInput) flag() string {
	switch m.Input {
	case builtins.InputEventData:
		return "--event"
	case builtins.InputSystem:
		return "--system"
	}
	return "--global " + m.Name + "=JSON"
}

// String says what is missing: "reads system.InteractionID, but no
// --system was given".
func (m missingInput) String() string {
	if m.Input == builtins.InputEventData && m.hasEvent {
		return fmt.Sprintf("reads %s, but the event has no \"data\"", m.path)
	}
	return fmt.Sprintf("reads %s, but no %s was given", m.path, m.flag())
}

// key identifies the input, so that it is warned about once.
func (m missingInput) key() builtins.Missing { return builtins.Missing{Input: m.Input, Name: m.Name} }

// inputWarnings writes a warning on stderr the first time each input is
// missed; who names what reads it ("the condition", a handler).
type inputWarnings struct {
	w    io.Writer
	seen map[builtins.Missing]bool
}

func newInputWarnings(w io.Writer) *inputWarnings {
	return &inputWarnings{w: w, seen: map[builtins.Missing]bool{}}
}

// warn reports each input of ms not reported yet.
func (iw *inputWarnings) warn(who string, ms []missingInput) {
	for _, m := range ms {
		if iw.seen[m.key()] {
			continue
		}
		iw.seen[m.key()] = true
		fmt.Fprintf(iw.w, "condeval: warning: %s %s\n", who, m)
	}
}
