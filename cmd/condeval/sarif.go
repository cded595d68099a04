package main

import (
	"io"
	"net/url"
	"path/filepath"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

// sarifLevels maps severities to SARIF result levels.
var sarifLevels = map[cond.Severity]string{
	cond.SeverityError: "error", cond.SeverityWarning: "warning", cond.SeverityInfo: "note",
}

// sarifColumnKind says how columns are counted: in runes, as in the text
// and JSON output.
const sarifColumnKind = "unicodeCodePoints"

// writeSARIF writes the findings as a SARIF 2.1.0 log with one run: the
// rules (lint rules and front-end codes) with their help text, and one
// result per finding with its region and, when there is one, its fix.
func writeSARIF(w io.Writer, fs []lint.FileFinding) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("condeval", "https://github.com/condeval/condeval/blob/main/docs/rules.md")
	run.WithColumnKind(sarifColumnKind)
	run.Tool.Driver.WithVersion(version())
	for _, r := range lint.Rules() {
		run.AddRule(r.Code).WithName(r.Name).WithShortDescription(sarif.NewMultiformatMessageString(r.Summary())).
			WithHelp(sarif.NewMultiformatMessageString(r.Doc).WithMarkdown(r.Markdown())).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevels[r.Severity]))
	}
	for _, c := range cond.Codes() {
		run.AddRule(c.Code).WithName(c.Name).WithShortDescription(sarif.NewMultiformatMessageString(c.Doc)).
			WithHelp(sarif.NewMultiformatMessageString(c.Doc)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevels[c.Severity]))
	}
	for _, f := range fs {
		uri := artifactURI(f.File)
		run.AddDistinctArtifact(uri)
		region := sarif.NewRegion().WithStartLine(f.Start.Line).WithStartColumn(f.Start.Column).
			WithEndLine(f.End.Line).WithEndColumn(f.End.Column)
		text := f.Message
		if f.Suggestion != "" {
			text += " (" + f.Suggestion + ")"
		}
		res := run.CreateResultForRule(f.Code).WithLevel(sarifLevels[f.Severity]).
			WithMessage(sarif.NewTextMessage(text))
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)).WithRegion(region)))
		if f.Repair != nil {
			desc := f.Suggestion
			if desc == "" {
				desc = "apply the fix"
			}
			change := sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(uri))
			for _, e := range f.Repair.Edits {
				fixRegion := sarif.NewRegion().WithStartLine(e.Start.Line).WithStartColumn(e.Start.Column).
					WithEndLine(e.End.Line).WithEndColumn(e.End.Column)
				change.WithReplacement(sarif.NewReplacement(fixRegion).WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
			}
			res.AddFix(sarif.NewFix().WithDescriptionText(desc).WithArtifactChanges([]*sarif.ArtifactChange{change}))
		}
	}
	report.AddRun(run)
	return report.PrettyWrite(w)
}

// artifactURI turns a file path into the URI reference SARIF requires:
// slashes, and every segment percent-encoded, so the "Interaction
// Processes" folder of every Composer project reads
// Interaction%20Processes.
func artifactURI(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).String()
}
