package main

import (
	"encoding/json"
	"io"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
)

// writeFindings writes located findings in one of the output formats.
func writeFindings(w io.Writer, format string, fs []lint.FileFinding) error {
	switch format {
	case "json":
		return writeFindingsJSON(w, fs)
	case "sarif":
		return writeSARIF(w, fs)
	case "github":
		return writeGitHub(w, fs)
	}
	return writeFindingsText(w, fs)
}

// writeFindingsText writes each finding as every command writes an error
// at a place, with lines and columns in the file.
func writeFindingsText(w io.Writer, fs []lint.FileFinding) error {
	rs := make([]render.Report, len(fs))
	for i, f := range fs {
		rs[i] = render.Finding(f)
	}
	return render.Write(w, rs...)
}

// jsonDiagnostic is one finding in the JSON output.
type jsonDiagnostic struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"endLine"`
	EndColumn  int    `json:"endColumn"`
	Severity   string `json:"severity"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// writeFindingsJSON writes the findings as one JSON array of the objects
// README's contract names ([] when there are none).
func writeFindingsJSON(w io.Writer, fs []lint.FileFinding) error {
	out := make([]jsonDiagnostic, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonDiagnostic{
			File: f.File, Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
			Severity: f.Severity.String(), Code: f.Code, Message: f.Message, Suggestion: f.Suggestion,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
