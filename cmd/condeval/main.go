// Command condeval lints and evaluates the ECMAScript conditions of SCXML
// event handlers, as Genesys Composer writes them for Orchestration Server.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/alecthomas/kong"
)

// Exit codes shared by every subcommand.
const (
	exitOK    = 0 // true / no error-level finding
	exitFalse = 1 // false / an error-level finding
	exitUsage = 2 // usage, input or I/O error
)

var version = "dev"

// CLI is the whole command line; each subcommand lives in its own file.
type CLI struct {
	Version kong.VersionFlag `help:"Print the version and exit."`

	Lint        LintCmd        `cmd:"" help:"Lint conditions: a -e EXPR, or .scxml, .ixnprocess, .workflow and .cond files and directories."`
	Eval        EvalCmd        `cmd:"" help:"Evaluate a condition against an event: prints true or false (exit 0 or 1)."`
	Dispatch    DispatchCmd    `cmd:"" help:"Show which handlers fire for an event, and why the others do not."`
	Conformance ConformanceCmd `cmd:"" help:"Run the conformance suite and list every case with pass or fail."`
	Repl        ReplCmd        `cmd:"" help:"Try conditions against an event interactively: each line is evaluated and answered."`
	Lsp         LspCmd         `cmd:"" help:"Run the language server on stdin/stdout: diagnostics, hover, completion and quick fixes in editors."`
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
	var cli CLI
	parser, err := kong.New(&cli,
		kong.Name("condeval"),
		kong.Description(description),
		kong.Writers(stdout, stderr),
		kong.Exit(func(c int) { panic(exitRequest(c)) }),
		kong.Vars{"version": version},
		kong.UsageOnError(),
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
		fmt.Fprintln(stderr, "condeval:", err)
		return exitUsage
	}
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if err := ctx.Run(env); err != nil {
		fmt.Fprintln(stderr, "condeval:", err)
		return exitUsage
	}
	return env.Code
}

const description = `Lint and evaluate the ECMAScript conditions of SCXML event handlers
(Genesys Composer / Orchestration Server strategies).

Examples:

    condeval lint examples/
    condeval lint -e "_event.data.resultof == 'deleted'"
    condeval dispatch --explain --handlers examples/ipd/default.ixnprocess --event examples/events/notcontrolled-revoking.json
    condeval repl --event examples/events/notcontrolled-revoking.json --system examples/system.json

Exit codes: 0 success (true, or no error-level finding); 1 false, or an
error-level finding; 2 usage, input or I/O error.`
