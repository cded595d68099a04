package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/peterh/liner"

	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/repl"
)

// ReplCmd evaluates conditions one line at a time against an event the
// user can change as they go.
type ReplCmd struct {
	EnvFlags
	Echo bool `help:"When reading a pipe, print each line after the prompt, so that the output reads like a terminal session."`
}

// Run loads the start-up values and runs the REPL on the terminal or on
// the piped input.
func (c *ReplCmd) Run(env *Env) error {
	terminal := isTerminalInput(env.Stdin)
	s := newSession(env.Stdout, useColour(terminal && isTerminalOutput(env.Stdout), os.Getenv("NO_COLOR")))
	if err := c.preload(s); err != nil {
		return err
	}
	if terminal {
		return interactive(s, env.Stdout, historyPath())
	}
	err := s.Run(repl.Input{Lines: repl.ReaderLines(env.Stdin), File: "<stdin>", Numbered: true, Echo: c.Echo})
	if s.Failed() {
		env.Code = exitUsage
	}
	return err
}

// newSession is a REPL session writing to out.
func newSession(out io.Writer, colour bool) *repl.Session {
	return repl.New(out, repl.Options{Colour: colour})
}

// preload gives the session what the flags name, read as eval reads them.
func (c *ReplCmd) preload(s *repl.Session) error {
	in, err := c.env()
	if err != nil {
		return err
	}
	if err := s.Load(in); err != nil {
		return fmt.Errorf("--global: %w", err)
	}
	return nil
}

// interactive runs the REPL in the line editor. The history is read from
// and written back to historyFile; a history that cannot be read or written
// costs the user their history, never the session.
func interactive(s *repl.Session, out io.Writer, historyFile string) error {
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
	ed.SetWordCompleter(s.Complete)
	if f, err := os.Open(historyFile); err == nil {
		_, _ = ed.ReadHistory(f)
		f.Close()
	}
	fmt.Fprintln(out, "condeval repl: type a condition, :help for the commands, Ctrl-D to leave.")
	lines := &editorLines{ed: ed, out: out}
	err := s.Run(typedInput(lines))
	lines.remember()
	saveHistory(ed, historyFile)
	return err
}

// typedInput is what is typed at a terminal: each entry counts its lines
// from 1 and is named as a condition on the command line is, so that its
// errors read as eval's.
func typedInput(lines repl.LineSource) repl.Input {
	return repl.Input{Lines: lines, File: render.Expr}
}

// editorLines reads lines through the line editor. The history holds
// whole entries: the lines of an entry that spans several are kept until
// it ends and go into the history as one line, so that Up brings back the
// whole condition.
type editorLines struct {
	ed    *liner.State
	out   io.Writer
	entry []string // the lines of the entry being typed
}

// continues reports whether a prompt asks for the next line of an entry
// (the REPL's "  ... ") rather than a new one.
func continues(prompt string) bool { return strings.TrimSpace(prompt) == "..." }

// remember puts the entry typed so far into the history.
func (l *editorLines) remember() {
	if text := strings.TrimSpace(strings.Join(l.entry, " ")); text != "" {
		l.ed.AppendHistory(text)
	}
	l.entry = l.entry[:0]
}

func (l *editorLines) Next(prompt string) (string, error) {
	if !continues(prompt) {
		l.remember()
	}
	line, err := l.ed.Prompt(prompt)
	switch {
	case errors.Is(err, liner.ErrPromptAborted):
		return "", repl.ErrLineAborted
	case errors.Is(err, io.EOF):
		fmt.Fprintln(l.out) // end the prompt's line before the shell's prompt
		return "", io.EOF
	case err != nil:
		return "", err
	}
	// A comment line would swallow the lines after it on one line.
	if text := strings.TrimSpace(line); text != "" && !strings.HasPrefix(text, "//") {
		l.entry = append(l.entry, text)
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

// useColour decides whether answers are coloured: only on a terminal, and
// never when the NO_COLOR environment variable is set (https://no-color.org:
// present and not empty).
func useColour(terminal bool, noColor string) bool {
	return terminal && noColor == ""
}
