package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

// LintCmd lints conditions given with -e, or the files and directories
// given as arguments: .scxml, .ixnprocess, .workflow and .cond files,
// handler files (.yaml, .yml, .json) and directories walked recursively
// (other files skipped).
type LintCmd struct {
	Expr     []string `short:"e" name:"expr" aliases:"cond" sep:"none" placeholder:"EXPR" help:"A condition to lint, as written in a cond attribute, instead of paths (repeatable; - reads it from stdin)."`
	Paths    []string `arg:"" optional:"" name:"path" help:"Files or directories to lint."`
	Format   string   `enum:"text,json,sarif,github" default:"text" help:"Output format: text (file:line:col: severity: message [CODE], the line and a caret), json, sarif (SARIF 2.1.0) or github (GitHub Actions workflow commands)."`
	Disable  []string `placeholder:"RULE" help:"Switch a rule off, by code (C206) or name (constant-condition). Repeatable."`
	Enable   []string `placeholder:"RULE" help:"Switch a rule on that a config file switches off. Repeatable."`
	Severity []string `placeholder:"RULE=LEVEL" help:"Re-grade a rule: error, warning, info or off. Repeatable."`
	Config   string   `placeholder:"FILE" help:"Configuration file to use instead of the nearest .condeval.yaml above each linted file."`
	fixFlags
}

// Run lints; the exit code is 1 when there is an error-level finding.
func (c *LintCmd) Run(env *Env) error {
	exprGiven := len(c.Expr) > 0
	if exprGiven == (len(c.Paths) > 0) {
		return usagef("give either -e EXPR or one or more paths")
	}
	flags, err := c.flagConfig()
	if err != nil {
		return err
	}
	if c.Config != "" {
		if _, err := os.ReadFile(c.Config); err != nil {
			return fmt.Errorf("--config: %w", err)
		}
	}
	configs := &lint.Configs{Override: flags, File: c.Config}
	if c.fixing() {
		if exprGiven {
			return usagef("--fix, --unsafe-fixes and --diff fix files: give paths, not -e")
		}
		return c.runFix(env, configs)
	}
	var findings []lint.FileFinding
	if exprGiven {
		cfg, err := configs.ForText()
		if err != nil {
			return err
		}
		conds, err := readConditions(env.Stdin, c.Expr)
		if err != nil {
			return err
		}
		for i, src := range conds {
			if strings.TrimSpace(src) == "" {
				who := "the condition"
				if len(conds) > 1 {
					who = exprName(i)
				}
				fmt.Fprintf(env.Stderr, "condeval: %s is empty; a blank cond is no condition: its handler fires for every event it matches\n", who)
			}
			findings = append(findings, lint.Condition(exprName(i), src, cfg)...)
		}
	} else {
		var sum lint.Summary
		for _, p := range c.Paths {
			fs, s, err := lint.Path(p, configs.For)
			if err != nil {
				return err
			}
			findings = append(findings, fs...)
			sum.Add(s)
		}
		if c.Format == "text" {
			fmt.Fprintln(env.Stderr, sum)
		}
		if sum.Files == 0 && sum.Skipped == 0 {
			fmt.Fprintf(env.Stderr, "condeval: no file to lint in %s: lint reads .scxml, .ixnprocess, .workflow and .cond files, and the handler files (.yaml, .yml, .json) it is given by name\n", strings.Join(c.Paths, ", "))
		}
	}
	return c.report(env, findings)
}

// report writes the findings in the chosen format and exits as lint does:
// 1 when one of them is an error.
func (c *LintCmd) report(env *Env, findings []lint.FileFinding) error {
	if err := writeFindings(env.Stdout, c.Format, findings); err != nil {
		return err
	}
	for _, f := range findings {
		if f.Severity == cond.SeverityError {
			env.Code = exitFalse
			break
		}
	}
	return nil
}

// flagConfig turns --disable, --enable and --severity into a Config. The
// first entry that is wrong is the error, a malformed --severity included.
func (c *LintCmd) flagConfig() (lint.Config, error) {
	levels, malformed := c.Severity, error(nil)
	for i, s := range c.Severity {
		if !strings.Contains(s, "=") {
			levels, malformed = c.Severity[:i], usagef("--severity %q: want RULE=LEVEL, e.g. C201=error", s)
			break
		}
	}
	var cfg lint.Config
	errs := cfg.Apply(c.Disable, c.Enable, func(yield func(rule, level string) bool) {
		for _, s := range levels {
			rule, level, _ := strings.Cut(s, "=")
			if !yield(rule, level) {
				return
			}
		}
	})
	if len(errs) > 0 {
		return cfg, usagef("--%s: %v", errs[0].List, errs[0].Err)
	}
	return cfg, malformed
}
