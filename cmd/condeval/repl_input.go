package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/cond"
)

// Reading the REPL's input: physical lines from a terminal, a pipe or a
// :load file, gathered into entries while a bracket is still open.

// The prompts a terminal shows, for a new entry and for its next line.
const (
	promptMain = "cond> "
	promptMore = "  ... "
)

// errLineAborted is what a lineSource returns when the user pressed
// Ctrl-C: the entry being typed is dropped.
var errLineAborted = errors.New("line aborted")

// lineSource yields input lines without their line breaks; io.EOF ends the
// input.
type lineSource interface {
	next(prompt string) (string, error)
}

// readerLines reads lines from a pipe or a file. It shows no prompt.
type readerLines struct{ r *bufio.Reader }

func (l *readerLines) next(string) (string, error) {
	line, err := l.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

// loop reads entries from src and executes them until the input ends or
// :quit. file names the input in messages; numbered says whether its lines
// are numbered from the start (a pipe, a file) or each entry starts at
// line 1 (a terminal). echo prints every line after its prompt, so that the
// output reads like a terminal session.
func (s *replSession) loop(src lineSource, file string, numbered, echo bool) error {
	var pending []string // the lines of an entry that is still open
	first, n := 1, 0
	flush := func() {
		if len(pending) > 0 {
			s.execute(entry{text: strings.Join(pending, "\n"), file: file, line: first})
			pending = nil
		}
	}
	for !s.quit {
		prompt := promptMain
		if len(pending) > 0 {
			prompt = promptMore
		}
		line, err := src.next(prompt)
		switch {
		case errors.Is(err, errLineAborted):
			pending = nil
			continue
		case err == io.EOF:
			flush()
			return nil
		case err != nil:
			return err
		}
		n++
		blank := strings.TrimSpace(line) == ""
		if echo && !(blank && len(pending) == 0) {
			fmt.Fprintln(s.out, prompt+line)
		}
		if blank {
			flush() // an empty line ends an open entry
			continue
		}
		if len(pending) == 0 {
			first = 1
			if numbered {
				first = n
			}
		}
		pending = append(pending, line)
		if !needsMore(strings.Join(pending, "\n")) {
			flush()
		}
	}
	return nil
}

// needsMore reports whether an entry is unfinished and should go on on the
// next line: a condition with a bracket still open, ending in an operator
// or in a string continued by a backslash, or a command whose JSON object
// is still open.
func needsMore(text string) bool {
	trimmed := strings.TrimSpace(text)
	if strings.HasPrefix(trimmed, ":") {
		return commandNeedsMore(trimmed)
	}
	if trimmed == "" || strings.HasPrefix(trimmed, "//") {
		return false
	}
	_, err := cond.ParseExpression(text)
	var perr *cond.Error
	if !errors.As(err, &perr) || len(perr.Diagnostics) == 0 {
		return false
	}
	d := perr.Diagnostics[0]
	end := len(strings.TrimRight(text, " \t\r\n"))
	switch d.Code {
	case cond.CodeUnclosed:
		return true
	case cond.CodeSyntax: // "unexpected end of input" after an operator
		return d.Span.Start >= end
	case cond.CodeBadToken: // a string continued on the next line
		return d.Span.End >= end && strings.HasSuffix(text[:end], `\`)
	}
	return false
}

// commandNeedsMore reports whether a command that takes JSON has an
// object or array that is still open.
func commandNeedsMore(text string) bool {
	name, arg, _ := strings.Cut(strings.TrimPrefix(text, ":"), " ")
	cmd, err := lookupCommand(name)
	if err != nil || !cmd.json {
		return false
	}
	if cmd.name == "set" {
		_, arg, _ = strings.Cut(arg, "=")
	}
	arg = strings.TrimSpace(arg)
	if !strings.HasPrefix(arg, "{") && !strings.HasPrefix(arg, "[") {
		return false
	}
	_, err = decodeValue([]byte(arg))
	return errors.Is(err, errJSONEnd)
}
