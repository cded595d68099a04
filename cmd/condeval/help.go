package main

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/alecthomas/kong"
)

// Help pages read like a manual page: kong prints the usage line, the
// command's one-line help, its Help() text and its flags; printHelp then
// ends the page with the command's examples and exit codes, which every
// command lists as data.

// manual is what a help page ends with, after the flags.
type manual struct {
	examples []example
	exits    []exitCode
}

// example is one command line worth copying, and what it does.
type example struct{ what, command string }

// exitCode is one exit code of a command and when it is returned.
type exitCode struct {
	code int
	when string
}

// manualPage is implemented by the CLI and by every command.
type manualPage interface{ manual() manual }

// printHelp is kong's help page followed by the examples and exit codes of
// the command it describes.
func printHelp(options kong.HelpOptions, ctx *kong.Context) error {
	if err := kong.DefaultHelpPrinter(options, ctx); err != nil {
		return err
	}
	node := ctx.Selected()
	if node == nil {
		node = ctx.Model.Node
	}
	if page, ok := target(node).(manualPage); ok {
		return page.manual().write(ctx.Stdout)
	}
	return nil
}

// target is the Go value a kong node was built from, as a pointer so that
// its methods are found.
func target(node *kong.Node) any {
	v := node.Target
	if v.Kind() != reflect.Pointer && v.CanAddr() {
		v = v.Addr()
	}
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

func (m manual) write(w io.Writer) error {
	var b strings.Builder
	if len(m.examples) > 0 {
		b.WriteString("\nExamples:\n")
		for i, e := range m.examples {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "  # %s\n", e.what)
			for _, line := range strings.Split(e.command, "\n") {
				fmt.Fprintf(&b, "  %s\n", line)
			}
		}
	}
	if len(m.exits) > 0 {
		b.WriteString("\nExit codes:\n")
		for _, e := range m.exits {
			fmt.Fprintf(&b, "  %d  %s\n", e.code, wrap(e.when, helpWidth-5, "\n     "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// helpWidth is the width help pages are wrapped to, as kong wraps them on a
// terminal of unknown width.
const helpWidth = 80

// wrap breaks text between words so that no line is wider than width,
// joining the lines with sep.
func wrap(text string, width int, sep string) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		if i > 0 && n+1+len(word) > width {
			b.WriteString(sep)
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}
