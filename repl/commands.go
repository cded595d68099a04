package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
)

// replCommand is one of the REPL's colon commands.
type replCommand struct {
	name  string // without the colon
	args  string // how to call it, for :help
	help  string // one line for :help
	run   func(s *Session, arg string, e entry) error
	files bool // its argument is a file path, for completion
	json  bool // its argument may be JSON spread over several lines
}

// replCommands is the command table, in the order :help lists it. It is a
// function rather than a variable because :help reads it.
func replCommands() []replCommand {
	return []replCommand{
		{name: "event", args: "FILE|JSON", help: "replace _event by a JSON object, from a file or typed", run: (*Session).cmdEvent, files: true, json: true},
		{name: "system", args: "FILE|JSON", help: "replace system (= _data.system.context) likewise", run: (*Session).cmdSystem, files: true, json: true},
		{name: "set", args: "PATH = JSON", help: "set one value: _event.X, system.X, _data.NAME or a global", run: (*Session).cmdSet, json: true},
		{name: "unset", args: "PATH", help: "remove one value, so that it reads as undefined", run: (*Session).cmdUnset},
		{name: "state", args: "[ID...]", help: "set the active states In() sees (none: clear them)", run: (*Session).cmdState},
		{name: "show", help: "print _event, system, the globals and the states", run: (*Session).cmdShow},
		{name: "explain", args: "[EXPR]", help: "evaluate a condition (default: the last one) showing every part's value, then lint it", run: (*Session).cmdExplain},
		{name: "lint", args: "[EXPR]", help: "lint a condition (default: the last one) for the loaded event", run: (*Session).cmdLint},
		{name: "load", args: "FILE", help: "run each line of a file, as if typed", run: (*Session).cmdLoad, files: true},
		{name: "simulate", args: "[DOC [GENESYS]]", help: "run an SCXML document with the loaded system (none: its status)", run: (*Session).cmdSimulate, files: true},
		{name: "send", args: "[NAME [JSON]]", help: "send the simulation an event (none: the loaded _event)", run: (*Session).cmdSend, json: true},
		{name: "advance", args: "MS", help: "move the simulation's clock, delivering delayed events", run: (*Session).cmdAdvance},
		{name: "help", help: "print this help", run: (*Session).cmdHelp},
		{name: "quit", help: "leave (also Ctrl-D)", run: (*Session).cmdQuit},
	}
}

// lookupCommand finds a command by name or by an unambiguous prefix of it
// (:q, :st), as shells and debuggers accept.
func lookupCommand(name string) (replCommand, error) {
	var found []replCommand
	for _, c := range replCommands() {
		if c.name == name {
			return c, nil
		}
		if name != "" && strings.HasPrefix(c.name, name) {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := fmt.Sprintf("unknown command :%s", name)
		if near, ok := builtins.Suggest(name, commandNames()); ok {
			msg += fmt.Sprintf(" (did you mean :%s?)", near)
		}
		return replCommand{}, fmt.Errorf("%s; :help lists the commands", msg)
	}
	names := make([]string, len(found))
	for i, c := range found {
		names[i] = ":" + c.name
	}
	return replCommand{}, fmt.Errorf(":%s is ambiguous: %s", name, strings.Join(names, ", "))
}

func commandNames() []string {
	var names []string
	for _, c := range replCommands() {
		names = append(names, c.name)
	}
	return names
}

// command runs a line starting with ':'.
func (s *Session) command(text string, e entry) error {
	name, arg, _ := strings.Cut(strings.TrimPrefix(text, ":"), " ")
	c, err := lookupCommand(strings.TrimSpace(name))
	if err != nil {
		return err
	}
	return c.run(s, strings.TrimSpace(arg), e)
}

func (s *Session) cmdEvent(arg string, _ entry) error {
	return s.replaceRoot(rootEvent, arg)
}

func (s *Session) cmdSystem(arg string, _ entry) error {
	return s.replaceRoot(rootSystem, arg)
}

// replaceRoot loads _event or system from typed JSON or a file and says
// what it now holds.
func (s *Session) replaceRoot(root, arg string) error {
	if arg == "" {
		return fmt.Errorf(":%s needs a file or a JSON object", strings.TrimPrefix(root, "_"))
	}
	var obj map[string]any
	var err error
	if strings.HasPrefix(arg, "{") {
		obj, err = jsonin.DecodeObject([]byte(arg))
	} else {
		obj, err = jsonin.ReadObjectFile(arg)
	}
	if err != nil {
		return err
	}
	s.vars[root] = obj
	fmt.Fprintf(s.out, "%s = %s\n", root, compactJSON(obj))
	return nil
}

func (s *Session) cmdSet(arg string, _ entry) error {
	pathText, valueText, ok := strings.Cut(arg, "=")
	if !ok {
		return fmt.Errorf("usage: :set PATH = JSON, e.g. :set _event.data.resultof = \"revoking\"")
	}
	p, err := parsePath(pathText)
	if err != nil {
		return err
	}
	v, err := jsonin.DecodeValue([]byte(valueText))
	notes := s.setNotes(p)
	if err != nil && bareWord(valueText) {
		word := strings.TrimSpace(valueText)
		v, err = word, nil
		notes = append(notes, fmt.Sprintf("note: %s is not JSON; read as the string %q (JSON strings take quotes)", word, word))
	}
	if err != nil {
		return fmt.Errorf("value of %s: %w", p, err)
	}
	if err := setPath(s.vars, p, v); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(s.out, n)
	}
	fmt.Fprintf(s.out, "%s = %s\n", p, compactJSON(v))
	return nil
}

func (s *Session) cmdUnset(arg string, _ entry) error {
	p, err := parsePath(arg)
	if err != nil {
		return err
	}
	if err := unsetPath(s.vars, p); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "%s is unset\n", p)
	return nil
}

func (s *Session) cmdState(arg string, _ entry) error {
	s.states = strings.Fields(arg)
	fmt.Fprintf(s.out, "states: %s\n", s.stateList())
	return nil
}

func (s *Session) stateList() string {
	if len(s.states) == 0 {
		return "(none)"
	}
	return strings.Join(s.states, " ")
}

func (s *Session) cmdShow(arg string, _ entry) error {
	if arg != "" {
		return fmt.Errorf(":show takes no argument; type the path as a condition to see one value")
	}
	for _, root := range []string{rootEvent, rootSystem} {
		if v, ok := s.vars[root]; ok {
			fmt.Fprintf(s.out, "%s = %s\n", root, indentJSON(v))
		} else {
			fmt.Fprintf(s.out, "%s: not loaded (its fields read as undefined)\n", root)
		}
	}
	others := make([]string, 0, len(s.vars))
	for name := range s.vars {
		if name != rootEvent && name != rootSystem {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	for _, name := range others {
		fmt.Fprintf(s.out, "%s = %s\n", name, indentJSON(s.vars[name]))
	}
	fmt.Fprintf(s.out, "states: %s\n", s.stateList())
	return nil
}

func (s *Session) cmdLint(arg string, _ entry) error {
	src := arg
	if src == "" {
		if s.last == "" {
			return fmt.Errorf("usage: :lint EXPR (or type a condition first and then :lint)")
		}
		src = s.last
	}
	cfg, err := s.lintConfig()
	if err != nil {
		return err
	}
	ctx := lint.Context{Event: s.eventName(), Gate: true}
	findings := lint.Lint(src, ctx, cfg)
	if len(findings) == 0 {
		fmt.Fprintln(s.out, "no findings")
		return nil
	}
	diags := make([]cond.Diagnostic, len(findings))
	for i, f := range findings {
		diags[i] = f.Diagnostic
	}
	return render.Write(s.out, render.Diagnostics(render.Expr, 1, src, diags)...)
}

// lintConfig is the rule settings :lint applies: those lint -e applies
// (the working directory's .condeval.yaml), read afresh so that an edit
// shows at the next :lint.
func (s *Session) lintConfig() (lint.Config, error) { return (&lint.Configs{}).ForText() }

// maxLoadDepth bounds :load inside loaded files.
const maxLoadDepth = 8

func (s *Session) cmdLoad(arg string, _ entry) error {
	if arg == "" {
		return fmt.Errorf("usage: :load FILE")
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return err
	}
	if slices.Contains(s.loading, abs) {
		return fmt.Errorf(":load %s: the file is already being loaded", arg)
	}
	if len(s.loading) >= maxLoadDepth {
		return fmt.Errorf(":load %s: files load each other more than %d deep", arg, maxLoadDepth)
	}
	f, err := os.Open(arg)
	if err != nil {
		return err
	}
	defer f.Close()
	s.loading = append(s.loading, abs)
	defer func() { s.loading = s.loading[:len(s.loading)-1] }()
	return s.Run(Input{Lines: ReaderLines(f), File: arg, Numbered: true, Echo: true})
}

func (s *Session) cmdHelp(arg string, _ entry) error {
	fmt.Fprintln(s.out, "Type a condition to evaluate it against the loaded _event and system, or a command:")
	for _, c := range replCommands() {
		fmt.Fprintf(s.out, "  %-20s %s\n", strings.TrimSpace(":"+c.name+" "+c.args), c.help)
	}
	fmt.Fprint(s.out, `Commands may be shortened to a unique prefix (:q). Answers read
  true  (string "deletion")          the outcome, then the value's type and value
  false (error.execution TypeError)  the condition threw, so it counts as false
Input goes on to the next line while a bracket is open; an empty line ends it.
Tab completes names, fields after a dot, and resultof values after ==.
Ctrl-C clears the line, Ctrl-D leaves.
`)
	return nil
}

func (s *Session) cmdQuit(string, entry) error {
	s.stopSimulation()
	s.quit = true
	return nil
}
