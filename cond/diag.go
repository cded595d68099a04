package cond

import (
	"fmt"
	"strings"
)

// Span is a half-open byte range [Start, End) of the source text.
type Span struct {
	Start, End int
}

// Severity grades a diagnostic.
type Severity int

// Severities, most serious first.
const (
	SeverityError Severity = iota
	SeverityWarning
	SeverityInfo
)

var severityNames = [...]string{"error", "warning", "info"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Diagnostic is one finding about a piece of source text.
type Diagnostic struct {
	Code       string   // stable short code shown in brackets, e.g. "C001"
	Severity   Severity // how serious
	Span       Span     // where, as byte offsets into the source
	Message    string   // what is wrong, in user words
	Suggestion string   // optional: how to fix it
	// Fix is the repair when it is certain enough to apply without
	// reading (an editor's quick fix); nil otherwise.
	Fix *Fix
	// Related are the other places the message names, in its order, each
	// as "at line:col" of the source (the '(' a missing ')' would close).
	// MessageAt names them in another coordinate system.
	Related []Span
}

// Fix is a machine-applicable edit: replace the bytes of Span by NewText.
type Fix struct {
	Span    Span
	NewText string
}

// MessageAt returns the message with each related place named by at(its
// offset) instead of by its line:col in src, the text that was parsed: a
// document names the line and column of the file the text sits in.
func (d *Diagnostic) MessageAt(src string, at func(offset int) string) string {
	var b strings.Builder
	rest := d.Message
	for _, r := range d.Related {
		name := "at " + position(src, r.Start)
		i := strings.Index(rest, name)
		if i < 0 {
			continue
		}
		b.WriteString(rest[:i])
		b.WriteString("at " + at(r.Start))
		rest = rest[i+len(name):]
	}
	b.WriteString(rest)
	return b.String()
}

// position names an offset of src as people count: "line:col".
func position(src string, offset int) string {
	line, col := LineCol(src, offset)
	return fmt.Sprintf("%d:%d", line, col)
}

// Error is returned by the parse functions when the source is not accepted.
// It carries every diagnostic found, the first being the one to show first.
type Error struct {
	Source      string
	Diagnostics []Diagnostic
}

func (e *Error) Error() string {
	if len(e.Diagnostics) == 0 {
		return "invalid condition"
	}
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(position(e.Source, d.Span.Start) + ": " + d.Message)
	}
	return b.String()
}
