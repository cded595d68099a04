// Package repl is condeval's read-eval-print loop: a session of values a
// condition sees, the colon commands that change them, the reading of
// entries that span lines, Tab completion and the display of answers. The
// terminal (line editor, history file) belongs to the command line, which
// hands it in; an error reads as every command writes it (package render).
package repl

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
)

// Options are what a session takes from its surroundings.
type Options struct {
	Colour bool // colour the answers, for a terminal
	// ReadDir lists a directory for the completion of file names; nil
	// means os.ReadDir.
	ReadDir func(dir string) ([]fs.DirEntry, error)
}

// Session is the state of one REPL: the values conditions see, the active
// states, and where answers go. Every input — typed, piped or loaded from
// a file — goes through execute. A Session is used by one goroutine.
type Session struct {
	// vars holds _event, system, _sessionid, _name and the globals by
	// their top-level names; see path.go.
	vars   map[string]any
	states []string
	last   string // the last condition evaluated, for :lint without argument

	out     io.Writer
	colours palette
	opts    Options
	// failed is set when a command or input is refused, so that a script
	// run through a pipe can end with exit code 2.
	failed bool
	quit   bool
	// sim is the simulation :simulate started, if any.
	sim *statechart.Session
	// loading lists the files :load is running, innermost last, so that a
	// file cannot load itself.
	loading []string
	// noted holds the missing inputs noteMissing has named.
	noted map[builtins.Missing]bool
}

// New starts an empty session that writes its answers to out.
func New(out io.Writer, opts Options) *Session {
	if opts.ReadDir == nil {
		opts.ReadDir = os.ReadDir
	}
	return &Session{vars: map[string]any{}, out: out, colours: palette{on: opts.Colour}, opts: opts}
}

// Load sets the values the next conditions see from env, as the commands
// that stand for them would: _event, system, _sessionid and _name when
// given, then each global, whose name may be a path (App.x, _data.NAME),
// and the active states.
func (s *Session) Load(env runtime.Env) error {
	if env.Event != nil {
		s.vars[rootEvent] = env.Event
	}
	if env.System != nil {
		s.vars[rootSystem] = env.System
	}
	if env.SessionID != "" {
		s.vars[rootSessionID] = env.SessionID
	}
	if env.Name != "" {
		s.vars[rootName] = env.Name
	}
	// Sorted, so that a path is set after the object it goes into.
	for _, name := range slices.Sorted(maps.Keys(env.Globals)) {
		p, err := parsePath(name)
		if err != nil {
			return err
		}
		if err := setPath(s.vars, p, env.Globals[name]); err != nil {
			return err
		}
	}
	s.states = env.States
	return nil
}

// Failed reports whether a command or an input was refused.
func (s *Session) Failed() bool { return s.failed }

// entry is one complete input: a condition or a command, possibly spread
// over several lines, and where it was read.
type entry struct {
	text string
	file string // "<input>" for a terminal, "<stdin>" for a pipe, or a path
	line int    // 1-based line of its first line in file
}

// execute runs one entry: a command when it starts with ':', else a
// condition. Blank entries and // comment lines do nothing.
func (s *Session) execute(e entry) {
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
func (s *Session) env() runtime.Env {
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
func (s *Session) eventName() string {
	name, _ := lookupPath(s.vars, []string{rootEvent, "name"})
	str, _ := name.(string)
	return str
}

// evaluate compiles and runs a condition and writes its answer: the outcome
// and the raw value with its type, or the error.execution it raised with a
// caret under the failing span. A condition the front end rejects shows the
// front end's diagnostics, never the engine's message.
func (s *Session) evaluate(e entry) {
	src := strings.TrimRight(e.text, " \t\r\n")
	s.last = src
	c, err := runtime.Compile(src)
	if err != nil {
		s.syntaxError(e, src, err)
		return
	}
	env := s.env()
	s.showResult(e, src, env, c.Eval(context.Background(), env))
}

// showResult prints an evaluation's outcome, or its error.execution, and
// notes the inputs the condition read that env does not give.
func (s *Session) showResult(e entry, src string, env runtime.Env, r runtime.Result) {
	if failure := runtime.Execution(r.Err); failure != nil {
		fmt.Fprintf(s.out, "%s (%s %s)\n", s.colours.outcome(false), s.colours.paint(sgrError, "error.execution"), failure.Type)
		_ = render.Write(s.out, render.Exec(e.file, e.line, src, failure))
	} else {
		fmt.Fprintf(s.out, "%s (%s)\n", s.colours.outcome(r.Value), describeValue(r.Type, r.Raw))
	}
	if parsed, err := cond.ParseExpression(src); err == nil {
		s.noteMissing(parsed, env)
	}
}

// syntaxError shows why Compile refused a condition, as eval shows it,
// with positions counted from the entry's first line.
func (s *Session) syntaxError(e entry, src string, err error) {
	fmt.Fprintf(s.out, "%s (%s SyntaxError)\n", s.colours.outcome(false), s.colours.paint(sgrError, "error.execution"))
	_ = render.Write(s.out, render.Compile(e.file, e.line, src, err)...)
}
