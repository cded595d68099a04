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
		line, col := LineCol(e.Source, d.Span.Start)
		fmt.Fprintf(&b, "%d:%d: %s", line, col, d.Message)
	}
	return b.String()
}
