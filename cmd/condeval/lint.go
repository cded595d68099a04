package main

import (
	"errors"
	"strings"

	"github.com/condeval/condeval/cond"
)

// LintCmd checks a condition with the ES5.1 front end and reports its
// syntax diagnostics.
type LintCmd struct {
	Expr   string `short:"e" name:"expr" required:"" placeholder:"EXPR" help:"Condition to lint, as written in a cond attribute."`
	Format string `enum:"text,json" default:"text" help:"Output format: text (file:line:col: severity: message [CODE], the line and a caret) or json."`
}

// exprFile names the -e expression in diagnostics, where a path would be.
const exprFile = "<expr>"

// Run lints c.Expr; the exit code is 1 when there is an error-level finding.
func (c *LintCmd) Run(env *Env) error {
	var diags []cond.Diagnostic
	// An empty cond attribute means "no condition" in SCXML: nothing to lint.
	if strings.TrimSpace(c.Expr) != "" {
		if _, err := cond.ParseExpression(c.Expr); err != nil {
			var perr *cond.Error
			if !errors.As(err, &perr) {
				return err
			}
			diags = perr.Diagnostics
		}
	}
	var err error
	if c.Format == "json" {
		err = writeDiagnosticsJSON(env.Stdout, exprFile, c.Expr, diags)
	} else {
		err = writeDiagnosticsText(env.Stdout, exprFile, c.Expr, diags)
	}
	if err != nil {
		return err
	}
	if hasError(diags) {
		env.Code = exitFalse
	}
	return nil
}
