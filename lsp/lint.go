package lsp

import (
	"errors"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// lintResult is what linting one text gave.
type lintResult struct {
	file     *scxml.File // nil when the text could not be read at all
	findings []scxml.Finding
}

// lint reads and lints a document's text as the file it names. Malformed
// XML is a finding (cond.CodeXML) where the reader stopped; a text whose
// format is unknown has no findings.
func lint(path, text string, cfg cond.Config) lintResult {
	f, err := scxml.Read(path, []byte(text))
	var se *scxml.SyntaxError
	switch {
	case errors.As(err, &se):
		if cfg.Disabled[cond.CodeXML] {
			return lintResult{}
		}
		sev := cond.SeverityError
		if s, ok := cfg.Severity[cond.CodeXML]; ok {
			sev = s
		}
		return lintResult{findings: []scxml.Finding{{
			Finding: cond.Finding{Diagnostic: cond.Diagnostic{Code: cond.CodeXML, Severity: sev, Message: se.Msg}, Rule: "xml-syntax"},
			File:    path, Start: se.Pos, End: se.Pos,
		}}}
	case err != nil:
		return lintResult{}
	}
	return lintResult{file: f, findings: scxml.LintFile(f, cfg)}
}
