package lsp

import (
	"path/filepath"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// didOpen starts tracking a document and lints it at once: the user has
// not typed anything yet, so there is nothing to wait for.
func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.docs[p.TextDocument.URI]; ok {
		old.cancel()
	}
	d := &document{
		uri:     p.TextDocument.URI,
		path:    pathOf(p.TextDocument.URI, p.TextDocument.LanguageID),
		text:    p.TextDocument.Text,
		version: p.TextDocument.Version,
	}
	s.docs[d.uri] = d
	s.schedule(d, 0)
	return nil
}

// didChange applies the edits and lints after the debounce delay.
func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[p.TextDocument.URI]
	if !ok {
		return nil
	}
	d.apply(p.ContentChanges)
	d.version = p.TextDocument.Version
	d.generation++
	d.result = nil
	s.schedule(d, s.opts.Delay)
	return nil
}

// didClose forgets a document and clears its diagnostics: a closed file's
// problems are the lint command's business.
func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d, ok := s.docs[p.TextDocument.URI]
	if ok {
		d.cancel()
		delete(s.docs, p.TextDocument.URI)
	}
	s.mu.Unlock()
	if ok {
		s.publishing.Lock()
		defer s.publishing.Unlock()
		s.send(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	}
	return nil
}

// didChangeConfiguration takes new settings and lints the open documents
// again with them.
func (s *server) didChangeConfiguration(_ *glsp.Context, p *protocol.DidChangeConfigurationParams) error {
	s.applySettings(p.Settings)
	s.relintAll()
	return nil
}

// didSave lints the open documents again: the saved file may be an
// include script, an IPD or a workflow another open document depends on.
func (s *server) didSave(*glsp.Context, *protocol.DidSaveTextDocumentParams) error {
	s.workspace.Changed()
	s.relintAll()
	return nil
}

// didChangeWatchedFiles lints again when a .condeval.yaml or a file of a
// project changed on disk, for clients that watch files for the server
// (Composer regenerating src-gen/, a checkout).
func (s *server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range p.Changes {
		if path := pathOf(c.URI, ""); isConfigFile(path) || isProjectFile(path) {
			s.workspace.Changed()
			s.relintAll()
			return nil
		}
	}
	return nil
}

// isProjectFile reports whether a file can change what the documents of
// its project declare: a document, a diagram or a script.
func isProjectFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".scxml", ".ixnprocess", ".workflow", ".js":
		return true
	}
	return false
}

// applySettings replaces the settings. Parts that are wrong are shown to
// the user; the rest applies.
func (s *server) applySettings(raw any) {
	if raw == nil {
		return
	}
	set, err := parseSettings(raw)
	s.mu.Lock()
	s.settings = set
	s.mu.Unlock()
	if err != nil {
		s.send(protocol.ServerWindowShowMessage, protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: "condeval: " + err.Error()})
	}
}
