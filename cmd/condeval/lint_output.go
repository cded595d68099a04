package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/lint"
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

// maxSnippet is the widest source line printed whole; longer lines (an
// IPD handler is one line of a thousand characters) are cut around the
// finding.
const maxSnippet = 120

// writeFindingsText writes each finding as
//
//	file:line:col: severity: message [CODE]
//	<the line of the file>
//	     ^~~~
//	  = help: suggestion
//
// in the form of writeDiagnosticsText, with lines and columns in the file.
func writeFindingsText(w io.Writer, fs []lint.FileFinding) error {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Start.Line, f.Start.Column, f.Severity, f.Message, f.Code)
		if f.Source != nil {
			line := f.Source.Line(f.Start.Line)
			from := runeOffset(line, f.Start.Column)
			to := len(line)
			if f.End.Line == f.Start.Line {
				to = runeOffset(line, f.End.Column)
			}
			line, from, to = snippet(line, from, to)
			b.WriteString(line)
			b.WriteByte('\n')
			b.WriteString(caretLine(line, from, to))
			b.WriteByte('\n')
		}
		if f.Suggestion != "" {
			fmt.Fprintf(&b, "  = help: %s\n", f.Suggestion)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// runeOffset is the byte offset of 1-based rune column col of line.
func runeOffset(line string, col int) int {
	i := 0
	for n := 1; n < col && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}

// snippet cuts a long line to a window around [from, to), marking the cuts
// with "…", and returns the offsets within the window.
func snippet(line string, from, to int) (string, int, int) {
	if len(line) <= maxSnippet {
		return line, from, to
	}
	start := runeStart(line, max(0, from-40))
	end := runeStart(line, min(len(line), max(to, from+1)+40))
	if end-start > maxSnippet+40 {
		end = runeStart(line, start+maxSnippet+40)
	}
	out, shift := line[start:end], start
	if start > 0 {
		out = "…" + out
		shift -= len("…")
	}
	if end < len(line) {
		out += "…"
	}
	return out, from - shift, min(to-shift, len(out))
}

// runeStart moves i back to the start of the rune it is in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
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
// DESIGN.md's contract names ([] when there are none).
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
