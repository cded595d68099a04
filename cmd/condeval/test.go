package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/scenario"
)

// TestCmd runs scenario files: a strategy, the events it gets, and what it
// must do.
type TestCmd struct {
	Paths     []string `arg:"" optional:"" placeholder:"PATH" help:"Scenario files (*.scenario.yaml) or directories to search (default .)."`
	AllowRead []string `placeholder:"DIR" sep:"none" help:"Let documents read files under DIR too (repeatable)."`
	Format    string   `enum:"text,junit" default:"text" help:"Output format: text, or junit (XML for CI)."`
}

// Run finds the scenarios, runs each and reports them.
func (c *TestCmd) Run(env *Env) error {
	paths := c.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, err := scenario.Files(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.scenario.yaml file under %s", strings.Join(paths, ", "))
	}
	opts := scenario.Options{AllowRead: c.AllowRead}
	var results []scenario.Result
	for _, f := range files {
		results = append(results, scenario.Run(f, opts))
	}
	if c.Format == "junit" {
		if err := scenario.WriteJUnit(env.Stdout, results); err != nil {
			return err
		}
	} else {
		writeResults(env.Stdout, results)
	}
	for _, r := range results {
		switch {
		case r.Err != nil:
			env.Code = exitUsage
		case len(r.Failures) > 0 && env.Code == exitOK:
			env.Code = exitFalse
		}
	}
	return nil
}

// writeResults lists every scenario file with its verdict, what failed
// and why, then the count.
func writeResults(w io.Writer, results []scenario.Result) {
	var failed int
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "ERROR %s\n", r.Path)
			if rep, ok := render.Located(r.Err); ok {
				_ = render.Write(render.Indent(w, "  "), rep)
			} else {
				fmt.Fprintf(w, "  %v\n", r.Err)
			}
		case len(r.Failures) > 0:
			failed++
			fmt.Fprintf(w, "FAIL  %s\n", r.Path)
			for _, f := range r.Failures {
				fmt.Fprintf(w, "  %s\n", f)
			}
		default:
			fmt.Fprintf(w, "ok    %s\n", r.Path)
		}
	}
	fmt.Fprintf(w, "%d %s, %d failed\n", len(results), plural(len(results), "scenario"), failed)
}
