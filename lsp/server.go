package lsp

import (
	"sync"
	"time"

	"github.com/condeval/condeval/lint"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Options tune a server.
type Options struct {
	// Delay is how long diagnostics wait after the last change before the
	// document is linted again; 0 means DefaultDelay. Typing a condition
	// produces a change per key: linting each would publish a flicker of
	// syntax errors for half-typed text.
	Delay time.Duration
	// Version is reported to the client as the server's version.
	Version string
}

// DefaultDelay is the debounce delay of diagnostics after a change.
const DefaultDelay = 150 * time.Millisecond

// server is the state of one connection: the open documents and the
// settings the editor sent.
type server struct {
	opts Options

	mu       sync.Mutex
	docs     map[protocol.DocumentUri]*document
	settings settings
	notify   glsp.NotifyFunc
	shutdown bool // the client asked the server to shut down
	// related is set when the client shows a diagnostic's related
	// information (where the bracket a message names was opened).
	related bool

	// publishing serialises publication, so that the check that a result
	// is still current and its sending cannot interleave with another's.
	publishing sync.Mutex

	// workspace keeps the projects around the open documents, read once:
	// each document is linted in its project, as condeval lint does.
	workspace *lint.Workspace
}

func newServer(opts Options) *server {
	if opts.Delay <= 0 {
		opts.Delay = DefaultDelay
	}
	return &server{opts: opts, docs: map[protocol.DocumentUri]*document{}, workspace: lint.NewWorkspace()}
}

// bind records how to send notifications to the client; every request
// carries the same function, the first one is kept.
func (s *server) bind(notify glsp.NotifyFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.notify == nil {
		s.notify = notify
	}
}

// send sends a notification to the client.
func (s *server) send(method string, params any) {
	s.mu.Lock()
	notify := s.notify
	s.mu.Unlock()
	if notify != nil {
		notify(method, params)
	}
}

// stop cancels pending work when the connection ends.
func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.cancel()
	}
	s.docs = map[protocol.DocumentUri]*document{}
}

func (s *server) shutdownRequest(*glsp.Context) error {
	s.stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown = true
	return nil
}

func (s *server) shutDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// protocolHandler routes the protocol's methods to the server.
func (s *server) protocolHandler() *protocol.Handler {
	return &protocol.Handler{
		Initialize:                      s.initialize,
		Initialized:                     func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                        s.shutdownRequest,
		Exit:                            func(*glsp.Context) error { return nil },
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		CancelRequest:                   func(*glsp.Context, *protocol.CancelParams) error { return nil },
		WorkspaceDidChangeConfiguration: s.didChangeConfiguration,
		WorkspaceDidChangeWatchedFiles:  s.didChangeWatchedFiles,
		TextDocumentDidOpen:             s.didOpen,
		TextDocumentDidChange:           s.didChange,
		TextDocumentDidSave:             s.didSave,
		TextDocumentDidClose:            s.didClose,
		TextDocumentHover:               s.hover,
		TextDocumentCompletion:          s.completion,
		TextDocumentCodeAction:          s.codeAction,
	}
}

func (s *server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	if p.InitializationOptions != nil {
		s.applySettings(p.InitializationOptions)
	}
	if td := p.Capabilities.TextDocument; td != nil && td.PublishDiagnostics != nil && td.PublishDiagnostics.RelatedInformation != nil {
		s.mu.Lock()
		s.related = *td.PublishDiagnostics.RelatedInformation
		s.mu.Unlock()
	}
	sync := protocol.TextDocumentSyncKindIncremental
	yes := true
	version := s.opts.Version
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &sync, Save: true},
			HoverProvider:    true,
			CompletionProvider: &protocol.CompletionOptions{
				// A member access, and the opening quote of a string
				// compared with an enumerated field.
				TriggerCharacters: []string{".", "'", `"`},
			},
			CodeActionProvider: protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, codeActionKindFixAll},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "condeval", Version: &version},
	}, nil
}
