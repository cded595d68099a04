package conformance

import (
	"fmt"
	"io"
	"strings"
)

// The reports of a run: a list for a terminal, and a Markdown document
// with one table per case file.

// Failed counts the results that did not pass.
func Failed(results []Result) int {
	n := 0
	for _, r := range results {
		if !r.Pass {
			n++
		}
	}
	return n
}

func verdict(r Result) string {
	if r.Pass {
		return "PASS"
	}
	return "FAIL"
}

// WriteText lists every case with its verdict, and why a failed one
// failed, then the count.
func WriteText(w io.Writer, results []Result) {
	failed := Failed(results)
	for _, r := range results {
		fmt.Fprintf(w, "%s  %s  [%s]\n", verdict(r), r.Case.ID, r.Case.Source)
		if !r.Pass {
			fmt.Fprintf(w, "      %s\n", r.Detail)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", len(results)-failed, failed)
}

// WriteMarkdown writes a report: a summary, then one table per case
// file with every case, its source, its result and what was observed.
func WriteMarkdown(w io.Writer, results []Result) {
	failed := Failed(results)
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
		fmt.Fprintf(w, "| %s | `%s` | %s | %s |\n", verdict(r), r.Case.ID, cell(r.Case.Source), cell(r.Detail))
	}
}

// cell makes text safe inside a table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
