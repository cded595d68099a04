package lsp

import (
	"fmt"
	"strings"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// diagnosticSource names condeval in the editor's problem list.
const diagnosticSource = "condeval"

var severities = map[cond.Severity]protocol.DiagnosticSeverity{
	cond.SeverityError:   protocol.DiagnosticSeverityError,
	cond.SeverityWarning: protocol.DiagnosticSeverityWarning,
	cond.SeverityInfo:    protocol.DiagnosticSeverityInformation,
}

// diagnostic converts a finding. The suggestion, when there is one, is the
// message's second line, as the command line prints it under the caret.
func diagnostic(f lint.FileFinding) protocol.Diagnostic {
	sev := severities[f.Severity]
	source := diagnosticSource
	msg := f.Message
	if f.Suggestion != "" {
		msg += "\n" + f.Suggestion
	}
	return protocol.Diagnostic{
		Range:    protocolRange(f.Start, f.End),
		Severity: &sev,
		Code:     &protocol.IntegerOrString{Value: f.Code},
		Source:   &source,
		Message:  msg,
	}
}

// relatedInformation points at the places a finding's message names —
// the '(' a missing ')' would close — in the same document. The spans are
// in the text of the item the finding is about, so that item maps them
// into the file, as it mapped the finding.
func relatedInformation(uri protocol.DocumentUri, file *scxml.File, f lint.FileFinding) []protocol.DiagnosticRelatedInformation {
	if len(f.Related) == 0 || file == nil {
		return nil
	}
	it, ok := itemOf(file, f)
	if !ok {
		return nil
	}
	var out []protocol.DiagnosticRelatedInformation
	for _, r := range f.Related {
		if r.Start < 0 || r.Start > r.End || r.End > len(it.Text.Value) {
			continue
		}
		out = append(out, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: uri, Range: textRange(it.Text, r.Start, r.End)},
			Message:  fmt.Sprintf("'%s' opened here", it.Text.Value[r.Start:r.End]),
		})
	}
	return out
}

// itemOf finds the item a finding is about: the one whose text maps the
// finding's span to where the finding is in the file.
func itemOf(file *scxml.File, f lint.FileFinding) (scxml.Item, bool) {
	for _, it := range file.Items {
		if f.Span.End > len(it.Text.Value) {
			continue
		}
		if start, end := it.Text.Span(f.Span.Start, f.Span.End); start == f.Start && end == f.End {
			return it, true
		}
	}
	return scxml.Item{}, false
}

// configDiagnostic reports a configuration file that could not be used, at
// the top of the document it would have configured.
func configDiagnostic(err error) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityWarning
	source := diagnosticSource
	return protocol.Diagnostic{
		Severity: &sev,
		Source:   &source,
		Message:  "configuration not applied: " + strings.TrimSpace(err.Error()),
	}
}

// schedule lints a document after delay, unless it changes before: each
// change re-arms the timer. The caller holds s.mu.
func (s *server) schedule(d *document, delay time.Duration) {
	d.cancel()
	uri, gen := d.uri, d.generation
	d.timer = time.AfterFunc(delay, func() { s.lintAndPublish(uri, gen) })
}

// lintAndPublish lints the generation gen of a document and publishes the
// diagnostics, unless the document changed or closed in the meantime: a
// stale result never replaces a fresh one.
func (s *server) lintAndPublish(uri protocol.DocumentUri, gen uint64) {
	s.mu.Lock()
	d, ok := s.docs[uri]
	if !ok || d.generation != gen {
		s.mu.Unlock()
		return
	}
	path, text, version, set, related := d.path, d.text, d.version, s.settings, s.related
	s.mu.Unlock()

	cfg, cfgErr := set.configFor(path)
	res := s.lintText(path, text, cfg)
	diags := make([]protocol.Diagnostic, 0, len(res.findings)+1)
	if cfgErr != nil {
		diags = append(diags, configDiagnostic(cfgErr))
	}
	for _, f := range res.findings {
		diag := diagnostic(f)
		if related {
			diag.RelatedInformation = relatedInformation(uri, res.file, f)
		}
		diags = append(diags, diag)
	}

	s.publishing.Lock()
	defer s.publishing.Unlock()
	s.mu.Lock()
	d, ok = s.docs[uri]
	current := ok && d.generation == gen
	if current {
		d.result = &res
	}
	s.mu.Unlock()
	if !current {
		return
	}
	v := protocol.UInteger(max(version, 0))
	s.send(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: uri, Version: &v, Diagnostics: diags})
}

// relintAll lints every open document again, after the settings or a
// configuration file changed.
func (s *server) relintAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.generation++
		d.result = nil
		s.schedule(d, 0)
	}
}
