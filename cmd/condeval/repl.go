package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/peterh/liner"
)

// ReplCmd evaluates conditions one line at a time against an event the
// user can change as they go.
type ReplCmd struct {
	EnvFlags
	Echo bool `help:"When reading a pipe, print each line after the prompt, so that the output reads like a terminal session."`
}

// Help is the description of condeval repl --help.
func (*ReplCmd) Help() string {
	return `Each line is a condition; the answer is its outcome and its value with the
value's JavaScript type, or the error.execution it raised with a caret under
the failing part:

    cond> _event.data.resultof
    true  (string "revoking")
    cond> :set _event.data.resultof = "deletion"
    _event.data.resultof = "deletion"

Lines starting with ':' are commands (:help lists them): :event, :system,
:set PATH = JSON, :unset, :state, :show, :lint, :load, :quit.

On a terminal the line editor completes names, fields and resultof values
with Tab, keeps a history in the user cache directory (CONDEVAL_HISTORY
names another file), and colours answers unless NO_COLOR is set. When
standard input is not a terminal it reads lines and prints plain answers,
so that it can be scripted.`
}

func (*ReplCmd) manual() manual {
	return manual{
		examples: []example{
			{"Start from the revoking step of a switchover.", `condeval repl --event examples/events/notcontrolled-revoking.json \
    --system examples/system.json`},
			{"Run a script of conditions and commands, printed like a session.", "condeval repl --echo --event examples/events/present.json < checks.txt"},
		},
		exits: []exitCode{
			{exitOK, "the input ended, or :quit"},
			{exitUsage, "an --event, --system or --global that cannot be read, or (piped input) a command the REPL refused"},
		},
	}
}

// Run loads the start-up values and runs the REPL on the terminal or on
// the piped input.
func (c *ReplCmd) Run(env *Env) error {
	terminal := isTerminalInput(env.Stdin)
	colours := palette{on: useColour(terminal && isTerminalOutput(env.Stdout), os.Getenv("NO_COLOR"))}
	s := newReplSession(env.Stdout, colours)
	if err := c.preload(s); err != nil {
		return err
	}
	if terminal {
		return s.interactive(historyPath())
	}
	err := s.loop(&readerLines{r: bufio.NewReader(env.Stdin)}, "<stdin>", true, c.Echo)
	if s.failed {
		env.Code = exitUsage
	}
	return err
}

// preload applies the command-line flags, as the commands they stand for.
func (c *ReplCmd) preload(s *replSession) error {
	for _, f := range []struct{ root, file string }{{rootEvent, c.Event}, {rootSystem, c.System}} {
		if f.file == "" {
			continue
		}
		obj, err := readObjectFile(f.file)
		if err != nil {
			return err
		}
		s.vars[f.root] = obj
	}
	for _, g := range c.Global {
		name, v, err := parseGlobal(g)
		if err != nil {
			return err
		}
		p, err := parsePath(name)
		if err != nil {
			return fmt.Errorf("--global: %w", err)
		}
		if err := setPath(s.vars, p, v); err != nil {
			return fmt.Errorf("--global: %w", err)
		}
	}
	s.states = c.State
	return nil
}

// interactive runs the REPL in the line editor. The history is read from
// and written back to historyFile; a history that cannot be read or written
// costs the user their history, never the session.
func (s *replSession) interactive(historyFile string) error {
	// Between prompts the terminal turns Ctrl-C into SIGINT; a Ctrl-C
	// pressed while a condition runs must not end the session. The signal
	// is dropped: an evaluation stops by itself within its time limit.
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	defer signal.Stop(sigint)

	ed := liner.NewLiner()
	defer ed.Close()
	ed.SetCtrlCAborts(true)
	ed.SetTabCompletionStyle(liner.TabPrints)
	ed.SetWordCompleter(func(line string, pos int) (string, []string, string) {
		return s.completer().complete(line, pos)
	})
	if f, err := os.Open(historyFile); err == nil {
		_, _ = ed.ReadHistory(f)
		f.Close()
	}
	fmt.Fprintln(s.out, "condeval repl: type a condition, :help for the commands, Ctrl-D to leave.")
	err := s.loop(editorLines{ed: ed, out: s.out}, "<input>", false, false)
	saveHistory(ed, historyFile)
	return err
}

// completer is the Tab completion for the session's current values.
func (s *replSession) completer() completer {
	return completer{vars: s.vars, event: s.eventName(), readDir: os.ReadDir}
}

// editorLines reads lines through the line editor.
type editorLines struct {
	ed  *liner.State
	out io.Writer
}

func (l editorLines) next(prompt string) (string, error) {
	line, err := l.ed.Prompt(prompt)
	switch {
	case errors.Is(err, liner.ErrPromptAborted):
		return "", errLineAborted
	case errors.Is(err, io.EOF):
		fmt.Fprintln(l.out) // end the prompt's line before the shell's prompt
		return "", io.EOF
	case err != nil:
		return "", err
	}
	if strings.TrimSpace(line) != "" {
		l.ed.AppendHistory(line)
	}
	return line, nil
}

// historyPath is where the line editor keeps its history: $CONDEVAL_HISTORY,
// else condeval/history in the user's cache directory. "" means none.
func historyPath() string {
	if p := os.Getenv("CONDEVAL_HISTORY"); p != "" {
		return p
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "condeval", "history")
}

// saveHistory writes the history, creating its directory; failures are
// ignored on purpose (a read-only home must not break the REPL).
func saveHistory(ed *liner.State, file string) {
	if file == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	_, _ = ed.WriteHistory(f)
	f.Close()
}

// isTerminalInput reports whether r is the process's standard input and a
// terminal: the line editor works on that and nothing else.
func isTerminalInput(r io.Reader) bool {
	if f, ok := r.(*os.File); !ok || f != os.Stdin {
		return false
	}
	_, err := liner.TerminalMode()
	return err == nil
}

// isTerminalOutput reports whether w is a character device, as terminals
// are.
func isTerminalOutput(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
