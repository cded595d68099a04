package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/conformance"
)

// ConformanceCmd runs the embedded conformance suite and lists every case
// with its result.
type ConformanceCmd struct {
	Format string `enum:"text,markdown" default:"text" help:"Output format: text or markdown (a report with one table per case file)."`
	Only   string `placeholder:"PREFIX" help:"Run only the cases whose id starts with PREFIX."`
}

// Run runs the suite; the exit code is 1 when a case fails.
func (c *ConformanceCmd) Run(env *Env) error {
	cases, err := conformance.Cases()
	if err != nil {
		return err
	}
	var picked []*conformance.Case
	for _, k := range cases {
		if strings.HasPrefix(k.ID, c.Only) {
			picked = append(picked, k)
		}
	}
	if len(picked) == 0 {
		return fmt.Errorf("no case id starts with %q", c.Only)
	}
	results := conformance.NewRunner(conformance.Files()).RunAll(context.Background(), picked)
	failed := conformanceFailed(results)
	if c.Format == "markdown" {
		conformanceMarkdown(env.Stdout, results, failed)
	} else {
		conformanceText(env.Stdout, results, failed)
	}
	if failed > 0 {
		env.Code = exitFalse
	}
	return nil
}

func conformanceFailed(results []conformance.Result) int {
	n := 0
	for _, r := range results {
		if !r.Pass {
			n++
		}
	}
	return n
}

func conformanceVerdict(r conformance.Result) string {
	if r.Pass {
		return "PASS"
	}
	return "FAIL"
}

// conformanceText lists every case with its verdict, and why a failed one
// failed, then the count.
func conformanceText(w io.Writer, results []conformance.Result, failed int) {
	for _, r := range results {
		fmt.Fprintf(w, "%s  %s  [%s]\n", conformanceVerdict(r), r.Case.ID, r.Case.Source)
		if !r.Pass {
			fmt.Fprintf(w, "      %s\n", r.Detail)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", len(results)-failed, failed)
}

// conformanceMarkdown writes a report: a summary, then one table per case
// file with every case, its source, its result and what was observed.
func conformanceMarkdown(w io.Writer, results []conformance.Result, failed int) {
	fmt.Fprintln(w, "# condeval conformance report")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%d cases: %d passed, %d failed.\n", len(results), len(results)-failed, failed)
	file := ""
	for _, r := range results {
		if r.Case.File != file {
			file = r.Case.File
			fmt.Fprintf(w, "\n## %s\n\n", file)
			fmt.Fprintln(w, "| result | case | source | observed |")
			fmt.Fprintln(w, "|---|---|---|---|")
		}
		fmt.Fprintf(w, "| %s | `%s` | %s | %s |\n", conformanceVerdict(r), r.Case.ID, conformanceCell(r.Case.Source), conformanceCell(r.Detail))
	}
}

// conformanceCell makes text safe inside a table cell.
func conformanceCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// Help is the description of condeval conformance --help.
func (*ConformanceCmd) Help() string {
	return `Runs the conformance suite built into condeval: the resultof matrix of the
ORS switchover notes, Composer handler profiles, event descriptor matching,
In(), and cases derived from the W3C SCXML and SCION tests. Each case is
listed with PASS or FAIL and where it comes from, then a count.`
}

func (*ConformanceCmd) manual() manual {
	return manual{
		examples: []example{
			{"The whole suite.", "condeval conformance"},
			{"Only the resultof cases, as a Markdown report.", "condeval conformance --only resultof/ --format markdown > conformance.md"},
		},
		exits: []exitCode{
			{exitOK, "every case passed"},
			{exitFalse, "a case failed"},
			{exitUsage, "usage error, or no case id starts with --only's prefix"},
		},
	}
}
