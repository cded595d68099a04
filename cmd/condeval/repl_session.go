package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// replSession is the state of one REPL: the values conditions see, the
// active states, and where answers go. Every input — typed, piped or
// loaded from a file — goes through execute.
type replSession struct {
	// vars holds _event, system, _sessionid, _name and the globals by
	// their top-level names; see repl_path.go.
	vars   map[string]any
	states []string
	last   string // the last condition evaluated, for :lint without argument

	out     io.Writer
	colours palette
	// failed is set when a command or input is refused, so that a script
	// run through a pipe can end with exit code 2.
	failed bool
	quit   bool
	// loading lists the files :load is running, innermost last, so that a
	// file cannot load itself.
	loading []string
}

func newReplSession(out io.Writer, colours palette) *replSession {
	return &replSession{vars: map[string]any{}, out: out, colours: colours}
}

// entry is one complete input: a condition or a command, possibly spread
// over several lines, and where it was read.
type entry struct {
	text string
	file string // "<input>" for a terminal, "<stdin>" for a pipe, or a path
	line int    // 1-based line of its first line in file
}

// execute runs one entry: a command when it starts with ':', else a
// condition. Blank entries and // comment lines do nothing.
func (s *replSession) execute(e entry) {
	text := strings.TrimSpace(e.text)
	switch {
	case text == "" || strings.HasPrefix(text, "//"):
	case strings.HasPrefix(text, ":"):
		if err := s.command(text, e); err != nil {
			s.failed = true
			fmt.Fprintln(s.out, s.colours.paint(sgrError, "error:"), err)
		}
	default:
		s.evaluate(e)
	}
}

// env is what the next evaluation sees.
func (s *replSession) env() runtime.Env {
	env := runtime.Env{States: s.states}
	for name, v := range s.vars {
		switch name {
		case rootEvent:
			env.Event, _ = v.(map[string]any)
		case rootSystem:
			env.System, _ = v.(map[string]any)
		case rootSessionID:
			env.SessionID, _ = v.(string)
		case rootName:
			env.Name, _ = v.(string)
		default:
			if env.Globals == nil {
				env.Globals = map[string]any{}
			}
			env.Globals[name] = v
		}
	}
	return env
}

// eventName is the loaded event's name, which decides the _event.data
// fields the catalog declares; "" when unknown.
func (s *replSession) eventName() string {
	name, _ := lookupPath(s.vars, []string{rootEvent, "name"})
	str, _ := name.(string)
	return str
}

// evaluate compiles and runs a condition and writes its answer: the outcome
// and the raw value with its type, or the error.execution it raised with a
// caret under the failing span. A condition the front end rejects shows the
// front end's diagnostics, never the engine's message.
func (s *replSession) evaluate(e entry) {
	src := strings.TrimRight(e.text, " \t\r\n")
	s.last = src
	c, err := runtime.Compile(src)
	if err != nil {
		s.syntaxError(e, src, err)
		return
	}
	r := c.Eval(context.Background(), s.env())
	if r.Err != nil {
		s.execError(e, src, r.Err)
		return
	}
	fmt.Fprintf(s.out, "%s (%s)\n", s.colours.outcome(r.Value), describeValue(r.Type, r.Raw))
}

// syntaxError shows the front end's diagnostics for a condition Compile
// refused, with positions counted from the entry's first line. A condition
// the front end accepted but the engine refused has no position to show.
func (s *replSession) syntaxError(e entry, src string, err error) {
	fmt.Fprintf(s.out, "%s (%s SyntaxError)\n", s.colours.outcome(false), s.colours.paint(sgrError, "error.execution"))
	var diags *cond.Error
	if !errors.As(err, &diags) || !fromFrontEnd(diags) {
		fmt.Fprintf(s.out, "%s:%d: %v\n", e.file, e.line, err)
		return
	}
	_ = writeDiagnosticsText(s.out, e.file, e.line, src, diags.Diagnostics)
}

// fromFrontEnd reports whether an error is the front end's, not the
// engine's: its codes are the front end's own.
func fromFrontEnd(e *cond.Error) bool {
	for _, d := range e.Diagnostics {
		if _, ok := cond.LookupCode(d.Code); !ok {
			return false
		}
	}
	return len(e.Diagnostics) > 0
}

// execError shows a runtime failure the way diagnostics are shown:
// file:line:col, the message, the source line and a caret.
func (s *replSession) execError(e entry, src string, x *runtime.ExecError) {
	fmt.Fprintf(s.out, "%s (%s %s)\n", s.colours.outcome(false), s.colours.paint(sgrError, "error.execution"), x.Type)
	if x.Line == 0 {
		fmt.Fprintf(s.out, "%s:%d: %s: %s\n", e.file, e.line, x.Type, x.Message)
		return
	}
	fmt.Fprintf(s.out, "%s:%d:%d: %s: %s\n", e.file, e.line+x.Line-1, x.Column, x.Type, x.Message)
	text, start := sourceLine(src, x.Span.Start)
	fmt.Fprintf(s.out, "%s\n%s\n", text, caretLine(text, x.Span.Start-start, x.Span.End-start))
}
