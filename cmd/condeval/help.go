package main

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/template"

	"github.com/alecthomas/kong"

	"github.com/condeval/condeval/repl"
)

// Help pages read like a manual page: kong prints the usage line, the
// command's one-line help (its `help` tag), the page's description and the
// flags; print then ends the page with its examples and exit codes.
//
// Each page is a file help/NAME.txt, NAME being the command as "condeval
// help" takes it, or condeval for the tool's own page. It holds the page as
// printed at 80 columns, less the usage line, the one-line help and the
// flags: the description, then, from the line "Examples:" on, the end of the
// page. kong rewraps the description to the terminal's width; the end is
// printed as it stands. A fact kept in the code is named as a text/template
// field of helpFacts: {{.REPLCommands}}.

//go:embed help/*.txt
var helpFiles embed.FS

// helpFacts are the facts a page names but does not hold.
type helpFacts struct {
	REPLCommands string
}

// helpPage is one help page: what kong prints before the flags, and what
// print prints after them.
type helpPage struct{ description, end string }

// helpPages are the pages of the tool and its commands, by name.
type helpPages map[string]helpPage

// readHelpPages reads every page under help/ and fills in its facts.
func readHelpPages() (helpPages, error) {
	files, err := fs.Glob(helpFiles, "help/*.txt")
	if err != nil {
		return nil, err
	}
	facts := helpFacts{REPLCommands: strings.Join(repl.CommandNames(), ", ")}
	pages := helpPages{}
	for _, file := range files {
		text, err := fs.ReadFile(helpFiles, file)
		if err != nil {
			return nil, err
		}
		t, err := template.New(file).Parse(string(text))
		if err != nil {
			return nil, fmt.Errorf("help page %s: %w", file, err)
		}
		var b strings.Builder
		if err := t.Execute(&b, facts); err != nil {
			return nil, fmt.Errorf("help page %s: %w", file, err)
		}
		pages[strings.TrimSuffix(strings.TrimPrefix(file, "help/"), ".txt")] = splitPage(b.String())
	}
	return pages, nil
}

// splitPage cuts a page's text at its line "Examples:".
func splitPage(text string) helpPage {
	description, end, ok := strings.Cut("\n"+text, "\nExamples:\n")
	if !ok {
		return helpPage{description: strings.TrimSpace(text)}
	}
	return helpPage{strings.TrimSpace(description), "\nExamples:\n" + end}
}

// pageName is the name of a kong node's page.
func pageName(node *kong.Node) string {
	if node.Type == kong.ApplicationNode {
		return "condeval"
	}
	return node.Name
}

// describe gives kong the description of the tool and of each command;
// a command without a page is an error, not an empty page.
func (p helpPages) describe(k *kong.Kong) error {
	for _, node := range append([]*kong.Node{k.Model.Node}, k.Model.Leaves(true)...) {
		page, ok := p[pageName(node)]
		if !ok {
			return fmt.Errorf("help/%s.txt is missing: every command has a help page", pageName(node))
		}
		if node.Type == kong.ApplicationNode {
			node.Help = page.description
		} else {
			node.Detail = page.description
		}
	}
	return nil
}

// print is kong's help page followed by the examples and exit codes of the
// command it describes.
func (p helpPages) print(options kong.HelpOptions, ctx *kong.Context) error {
	if err := kong.DefaultHelpPrinter(options, ctx); err != nil {
		return err
	}
	node := ctx.Selected()
	if node == nil {
		node = ctx.Model.Node
	}
	_, err := io.WriteString(ctx.Stdout, p[pageName(node)].end)
	return err
}
