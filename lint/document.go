package lint

import (
	"slices"

	"github.com/condeval/condeval/cond"
)

// HandlerSummary is an event handler as document-level rules see it: a
// <transition> with an event, a Composer IPD handler or a workflow
// block's conditional exception.
type HandlerSummary struct {
	Event       string // the event attribute: descriptors separated by spaces
	Cond        string // the condition, decoded; "" when there is none
	EndsSession bool   // the handler ends the session: raises application.exit, targets a top-level <final>, or exits
	Disabled    bool   // a Composer handler switched off (enabled="false"): never generated
}

// Document is what document-level rules know about a file: its handlers
// in document order.
type Document struct {
	File     string
	Handlers []HandlerSummary
}

// DocumentFinding is a finding about one handler of a document. Span is
// relative to the handler's event attribute.
type DocumentFinding struct {
	Finding
	Handler    int         // index into Document.Handlers
	HandlerFix *HandlerFix // the repair, nil when there is none
}

// DocumentPass is one rule's view of a document.
type DocumentPass struct {
	Rule     *Rule
	Document *Document
	report   func(DocumentFinding)
}

// Report records a finding about handler h; the span covers its event
// attribute.
func (p *DocumentPass) Report(h int, message, suggestion string) {
	p.ReportFix(h, message, suggestion, nil)
}

// ReportFix is Report with a repair (nil for none).
func (p *DocumentPass) ReportFix(h int, message, suggestion string, fix *HandlerFix) {
	p.report(DocumentFinding{
		Finding: Finding{
			Diagnostic: cond.Diagnostic{Code: p.Rule.Code, Severity: p.Rule.Severity,
				Span: cond.Span{Start: 0, End: len(p.Document.Handlers[h].Event)}, Message: message, Suggestion: suggestion},
			Rule: p.Rule.Name,
		},
		Handler:    h,
		HandlerFix: fix,
	})
}

// LintDocument runs the document-level rules. Inline suppressions in a
// handler's condition apply to findings about that handler.
func LintDocument(doc *Document, cfg Config) []DocumentFinding {
	var out []DocumentFinding
	p := DocumentPass{Document: doc, report: func(f DocumentFinding) { out = append(out, f) }}
	rules := Rules()
	for i := range rules {
		r := &rules[i]
		if r.RunDocument == nil || cfg.disabled(r.Code) {
			continue
		}
		p.Rule = r
		r.RunDocument(&p)
	}
	kept := out[:0]
	for _, f := range out {
		if textSuppressions(doc.Handlers[f.Handler].Cond).covers(f.Finding) {
			continue
		}
		f.Severity = cfg.severity(f.Code, f.Severity)
		kept = append(kept, f)
	}
	slices.SortStableFunc(kept, func(a, b DocumentFinding) int { return a.Handler - b.Handler })
	return kept
}
