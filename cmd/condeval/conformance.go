package main

import (
	"context"
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
		return usagef("--only: no case id starts with %q", c.Only)
	}
	results := conformance.NewRunner(conformance.Files()).RunAll(context.Background(), picked)
	if c.Format == "markdown" {
		conformance.WriteMarkdown(env.Stdout, results)
	} else {
		conformance.WriteText(env.Stdout, results)
	}
	if conformance.Failed(results) > 0 {
		env.Code = exitFalse
	}
	return nil
}
