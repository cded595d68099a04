package repl

import (
	"fmt"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// noteMissing says, once a session for each, which input a condition reads
// that nothing has loaded, and the command that loads it: the answer is
// then right, but only because the value is undefined.
func (s *Session) noteMissing(e *cond.Expr, env runtime.Env) {
	reads := e.Reads()
	paths := make([][]string, len(reads))
	for i, p := range reads {
		paths[i] = p.Segments
	}
	for _, m := range builtins.MissingInputs(paths, env) {
		read := m.Read
		if m.Read = 0; s.noted[m] {
			continue
		}
		if s.noted == nil {
			s.noted = map[builtins.Missing]bool{}
		}
		s.noted[m] = true
		fmt.Fprintf(s.out, "note: %s %s\n", reads[read], missingHow(m, env))
	}
}

// missingHow says what is missing and how to load it.
func missingHow(m builtins.Missing, env runtime.Env) string {
	switch {
	case m.Input == builtins.InputEventData && env.Event != nil:
		return `is undefined: the event has no "data" (:set _event.data = {…})`
	case m.Input == builtins.InputEventData:
		return "cannot be read: no _event is loaded (:event FILE, or --event FILE)"
	case m.Input == builtins.InputSystem:
		return "is undefined: no system is loaded (:system FILE, or --system FILE)"
	}
	return fmt.Sprintf("is not defined: nothing set %s (:set %s = JSON, or --global %s=JSON)", m.Name, m.Name, m.Name)
}
