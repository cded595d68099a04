package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/jsonin"
)

// Reading the REPL's input: physical lines from a terminal, a pipe or a
// :load file, gathered into entries while a bracket is still open.

// The prompts a terminal shows, for a new entry and for its next line.
const (
	promptMain = "cond> "
	promptMore = "  ... "
)

// ErrLineAborted is what a LineSource returns when the user pressed
// Ctrl-C: the entry being typed is dropped.
var ErrLineAborted = errors.New("line aborted")

// LineSource yields input lines without their line breaks, showing prompt
// when it is a terminal; io.EOF ends the input.
type LineSource interface {
	Next(prompt string) (string, error)
}

// ReaderLines reads lines from a pipe or a file. It shows no prompt.
func ReaderLines(r io.Reader) LineSource { return &readerLines{r: bufio.NewReader(r)} }

type readerLines struct{ r *bufio.Reader }

func (l *readerLines) Next(string) (string, error) {
	line, err := l.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

// Input is where a session reads its entries.
type Input struct {
	Lines LineSource
	File  string // names the input in messages: "<input>", "<stdin>" or a path
	// Numbered counts lines from the start of the input (a pipe, a file);
	// otherwise each entry starts at line 1 (a terminal).
	Numbered bool
	// Echo prints every line after its prompt, so that the output reads
	// like a terminal session.
	Echo bool
}

// Run reads entries from in and executes them until the input ends or
// :quit.
func (s *Session) Run(in Input) error {
	var pending []string // the lines of an entry that is still open
	first, n := 1, 0
	flush := func() {
		if len(pending) > 0 {
			s.execute(entry{text: strings.Join(pending, "\n"), file: in.File, line: first})
			pending = nil
		}
	}
	for !s.quit {
		prompt := promptMain
		if len(pending) > 0 {
			prompt = promptMore
		}
		line, err := in.Lines.Next(prompt)
		switch {
		case errors.Is(err, ErrLineAborted):
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
		if in.Echo && !(blank && len(pending) == 0) {
			fmt.Fprintln(s.out, prompt+line)
		}
		if blank {
			flush() // an empty line ends an open entry
			continue
		}
		if len(pending) == 0 {
			first = 1
			if in.Numbered {
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
	_, err = jsonin.DecodeValue([]byte(arg))
	return jsonin.Incomplete(err)
}
