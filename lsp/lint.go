package lsp

import (
	"errors"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// lintResult is what linting one text gave.
type lintResult struct {
	file     *scxml.File // nil when the text could not be read at all
	findings []lint.FileFinding
}

// lintText reads and lints a document's text as the file it names, in the
// project around it. Malformed XML is a finding (lint.CodeXML) where the
// reader stopped; a text whose format is unknown has no findings.
func (s *server) lintText(path, text string, cfg lint.Config) lintResult {
	f, err := scxml.Read(path, []byte(text))
	var se *scxml.SyntaxError
	switch {
	case errors.As(err, &se):
		if cfg.Disabled[lint.CodeXML] {
			return lintResult{}
		}
		return lintResult{findings: []lint.FileFinding{lint.XMLFinding(se, cfg)}}
	case err != nil:
		return lintResult{}
	}
	return lintResult{file: f, findings: s.workspace.File(f, cfg)}
}
