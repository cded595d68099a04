package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

// githubCommands are the GitHub Actions workflow commands for each
// severity: the annotations a job's log and its pull request show.
var githubCommands = map[cond.Severity]string{
	cond.SeverityError: "error", cond.SeverityWarning: "warning", cond.SeverityInfo: "notice",
}

// githubData and githubProperty escape a command's message and its
// key=value properties as the Actions runner reads them back.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// writeGitHub writes each finding as a workflow command, as golangci-lint
// and ruff do:
//
//	::error file=a.scxml,line=3,col=12,endLine=3,endColumn=13,title=C204::'=' assigns to system.ANI; …
func writeGitHub(w io.Writer, fs []lint.FileFinding) error {
	var b strings.Builder
	for _, f := range fs {
		msg := f.Message
		if f.Suggestion != "" {
			msg += " (" + f.Suggestion + ")"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubCommands[f.Severity], githubProperty.Replace(f.File), f.Start.Line, f.Start.Column,
			f.End.Line, f.End.Column, githubProperty.Replace(f.Code), githubData.Replace(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
