package lsp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// codeAction offers a quick fix for each finding with a machine-applicable
// fix whose range meets the requested one. The edit is the one scxml maps
// into the file, its text already escaped for every XML layer it lands in
// (&& becomes &amp;&amp; in an SCXML attribute, &amp;amp;&amp;amp; in an
// IPD handler's condition).
func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	findings, ok := s.findings(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	actions := []protocol.CodeAction{}
	for _, f := range findings {
		if f.Repair == nil || !kindWanted(p.Context.Only, protocol.CodeActionKindQuickFix) {
			continue
		}
		diag := diagnostic(f)
		if !overlaps(diag.Range, p.Range) {
			continue
		}
		kind := protocol.CodeActionKindQuickFix
		preferred := f.Repair.Kind == cond.FixSafe
		actions = append(actions, protocol.CodeAction{
			Title:       actionTitle(f),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{diag},
			IsPreferred: &preferred,
			Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{p.TextDocument.URI: textEdits(f.Repair.Edits)}},
		})
	}
	if fix := s.fixAll(p.TextDocument.URI, p.Context.Only); fix != nil {
		actions = append(actions, *fix)
	}
	return actions, nil
}

// codeActionKindFixAll is the kind of the action that applies every safe
// fix, the one editors run on save ("source.fixAll").
const codeActionKindFixAll = protocol.CodeActionKind("source.fixAll.condeval")

// fixAll is the action that applies every safe fix of the document as
// lint --fix does (lint.FixFile: pass after pass, overlapping fixes
// resolved by linting again), as one edit of the whole text. Editors ask
// for it by kind (source.fixAll, on save); it is nil otherwise, or when
// there is nothing to fix.
func (s *server) fixAll(uri protocol.DocumentUri, only []protocol.CodeActionKind) *protocol.CodeAction {
	s.mu.Lock()
	d, ok := s.docs[uri]
	if !ok || len(only) == 0 || !kindWanted(only, codeActionKindFixAll) {
		s.mu.Unlock()
		return nil
	}
	path, text, set := d.path, d.text, s.settings
	s.mu.Unlock()
	cfg, _ := set.configFor(path)
	fx, err := lint.FixFile(path, []byte(text), cfg, cond.FixSafe)
	if err != nil || !fx.Changed() {
		return nil
	}
	end := scxml.NewSource(path, []byte(text)).Position(len(text))
	kind := codeActionKindFixAll
	return &protocol.CodeAction{
		Title: "Fix all safe problems (condeval)",
		Kind:  &kind,
		Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
			uri: {{Range: protocolRange(scxml.Position{Line: 1, Column: 1, Column16: 1}, end), NewText: string(fx.After)}},
		}},
	}
}

// actionTitle is the finding's suggestion, which says what the fix does
// ("use '==' to compare"), capitalised as a menu entry.
func actionTitle(f lint.FileFinding) string {
	t := f.Suggestion
	switch {
	case f.Code == cond.CodeUnclosed:
		t = "add the missing '" + f.Repair.Edits[0].NewText + "'"
	case t == "":
		t = "fix: " + f.Message
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:] + " (" + f.Code + ")"
}

// findings returns the findings of a document's current text: the ones
// last published when they are still current, else a fresh lint.
func (s *server) findings(uri protocol.DocumentUri) ([]lint.FileFinding, bool) {
	s.mu.Lock()
	d, ok := s.docs[uri]
	if !ok {
		s.mu.Unlock()
		return nil, false
	}
	if d.result != nil {
		res := d.result
		s.mu.Unlock()
		return res.findings, true
	}
	path, text, set := d.path, d.text, s.settings
	s.mu.Unlock()
	cfg, _ := set.configFor(path)
	return s.lintText(path, text, cfg).findings, true
}

// textEdits are a repair's edits as the protocol writes them.
func textEdits(edits []lint.Edit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = protocol.TextEdit{Range: protocolRange(e.Start, e.End), NewText: e.NewText}
	}
	return out
}

// kindWanted reports whether a client that asked for the kinds only (none:
// every kind) wants actions of kind: "source" covers "source.fixAll".
func kindWanted(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	for _, k := range only {
		if kind == k || strings.HasPrefix(string(kind), string(k)+".") {
			return true
		}
	}
	return len(only) == 0
}
