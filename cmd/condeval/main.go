// Command condeval lints and evaluates the ECMAScript conditions of SCXML
// event handlers, as Genesys Composer writes them for Orchestration Server.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/alecthomas/kong"
	"github.com/condeval/condeval/render"
)

// Exit codes shared by every subcommand.
const (
	exitOK    = 0 // true / no error-level finding
	exitFalse = 1 // false / an error-level finding
	exitUsage = 2 // usage, input or I/O error
)

// CLI is the whole command line; each subcommand lives in its own file.
type CLI struct {
	Version kong.VersionFlag `help:"Print the version and exit."`

	Lint        LintCmd        `cmd:"" help:"Check conditions for syntax, ES5 and data-model mistakes."`
	Eval        EvalCmd        `cmd:"" help:"Evaluate a condition against an event: true or false."`
	Dispatch    DispatchCmd    `cmd:"" help:"Show which handlers fire for an event, and why."`
	Consume     ConsumeCmd     `cmd:"" help:"Evaluate conditions or handler sets on a Kafka topic."`
	Repl        ReplCmd        `cmd:"" help:"Try conditions against an event interactively."`
	Simulate    SimulateCmd    `cmd:"" help:"Run a strategy offline against events and show what it does."`
	Test        TestCmd        `cmd:"" help:"Run scenario files (*.scenario.yaml) against strategies."`
	Conformance ConformanceCmd `cmd:"" help:"Run the built-in conformance suite."`
	Lsp         LspCmd         `cmd:"" help:"Run the language server for editors."`
	Help        HelpCmd        `cmd:"" help:"Show the help of condeval or of a command."`
	VersionCmd  VersionCmd     `cmd:"" name:"version" help:"Print the version."`
}

// HelpCmd is condeval help [COMMAND], the command form of --help.
type HelpCmd struct {
	Command []string `arg:"" optional:"" placeholder:"COMMAND" help:"The command to describe."`
}

// Run prints the help page kong prints for COMMAND --help.
func (h *HelpCmd) Run(k *kong.Kong) error {
	_, err := k.Parse(append(slices.Clone(h.Command), "--help"))
	return err // a *kong.ParseError, reported as kong's own
}

// Env is what every subcommand's Run receives: the process's streams and the
// exit code it chooses.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Code   int
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitRequest carries kong's own exit (after --help or --version) out of the
// parser without ending the process, so run stays testable.
type exitRequest int

// run parses args, runs the chosen subcommand and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	pages, err := readHelpPages()
	if err != nil {
		fmt.Fprintln(stderr, "condeval:", err)
		return exitUsage
	}
	var cli CLI
	parser, err := kong.New(&cli,
		kong.Name("condeval"),
		kong.PostBuild(pages.describe),
		kong.Writers(stdout, stderr),
		kong.Exit(func(c int) { panic(exitRequest(c)) }),
		kong.Vars{"version": versionLine()},
		kong.Help(pages.print),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	if err != nil {
		fmt.Fprintln(stderr, "condeval:", err)
		return exitUsage
	}
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(exitRequest)
			if !ok {
				panic(r)
			}
			code = int(c)
			if code != exitOK {
				code = exitUsage
			}
		}
	}()
	ctx, err := parser.Parse(args)
	if err != nil {
		usageError(stderr, parser, args, err)
		return exitUsage
	}
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if err := ctx.Run(env, parser); err != nil {
		var ue usageErr
		var perr *kong.ParseError
		if errors.As(err, &perr) {
			usageError(stderr, parser, args, err)
			return exitUsage
		}
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "condeval: %s\nTry '%s --help' for more information.\n", ue.msg, ctx.Selected().FullPath())
			return exitUsage
		}
		render.Error(stderr, err)
		return exitUsage
	}
	return env.Code
}

// usageErr is a command line kong accepted and the command refuses, such
// as two flags that exclude each other: reported like kong's refusals, with
// the Try line.
type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

// usagef is a usageErr with a formatted message.
func usagef(format string, args ...any) error { return usageErr{fmt.Sprintf(format, args...)} }

// usageError reports a command line kong refused: one line saying what is
// wrong, and one saying where the help is.
func usageError(w io.Writer, parser *kong.Kong, args []string, err error) {
	page := "condeval"
	var perr *kong.ParseError
	if errors.As(err, &perr) && perr.Context.Selected() != nil {
		page = perr.Context.Selected().FullPath()
	}
	msg := err.Error()
	if m := kongEnum.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s must be %s, not %s", m[1], orList(strings.Split(strings.ReplaceAll(m[2], `"`, ""), ",")), m[3])
	}
	if perr != nil {
		if words, ok := noValueMessage(msg, perr.Context.Selected()); ok {
			msg = words
		}
	}
	if m := kongMissingArg.FindStringSubmatch(msg); m != nil && perr != nil && perr.Context.Selected() != nil {
		for _, a := range perr.Context.Selected().Positional {
			if a.Name == m[1] {
				what := strings.TrimSuffix(a.Help, ".")
				msg = fmt.Sprintf("give %s%s: %s [flags] %s", strings.ToLower(what[:1]), what[1:], page, strings.ToUpper(a.Name))
			}
		}
	}
	switch {
	case page == "condeval" && strings.HasPrefix(msg, "unexpected argument "):
		// The first word is where a command goes.
		msg = "unknown command " + strings.TrimPrefix(msg, "unexpected argument ")
	case len(args) == 0:
		// kong lists only the first few commands; name them all.
		var names []string
		for _, n := range parser.Model.Leaves(true) {
			names = append(names, n.Name)
		}
		msg = "missing command: " + strings.Join(names, ", ")
	}
	fmt.Fprintf(w, "condeval: %s\nTry '%s --help' for more information.\n", msg, page)
}

// kong's refusals of a flag's value outside its list, and of a missing
// argument, which name its Go-side syntax.
var (
	kongEnum       = regexp.MustCompile(`^(--[\w-]+) must be one of (.+) but got (".*")$`)
	kongMissingArg = regexp.MustCompile(`^expected "<([\w-]+)>"$`)
)

// orList joins words as a sentence does: "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
