package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// waitLimit bounds every wait for the server, so that a server that never
// answers fails the test instead of hanging it.
const waitLimit = 10 * time.Second

// client is a minimal LSP client: it frames JSON-RPC messages with
// Content-Length headers on one end of a pipe whose other end a server
// serves.
type client struct {
	t    testing.TB
	conn net.Conn

	mu      sync.Mutex
	nextID  int
	pending map[int]chan rpcMessage
	notes   chan rpcMessage
	done    chan struct{}

	capabilities map[string]any // what initialize answered
}

// published is a textDocument/publishDiagnostics notification as it is on
// the wire (glsp's own types drop the diagnostic code when decoding).
type published struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []wireDiagnostic
}

type wireDiagnostic struct {
	Range    protocol.Range                          `json:"range"`
	Severity int                                     `json:"severity"`
	Code     string                                  `json:"code"`
	Source   string                                  `json:"source"`
	Message  string                                  `json:"message"`
	Related  []protocol.DiagnosticRelatedInformation `json:"relatedInformation"`
}

// codes lists the codes of the diagnostics.
func (p published) codes() []string {
	out := []string{}
	for _, d := range p.Diagnostics {
		out = append(out, d.Code)
	}
	return out
}

type rpcMessage struct {
	ID     *int            `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// startServer serves a server on a pipe and returns a client on it,
// initialised with the given initializationOptions (nil for none). The
// client declares no capabilities.
func startServer(t testing.TB, opts Options, initOptions any) *client {
	t.Helper()
	return startClient(t, opts, initOptions, map[string]any{})
}

// startClient is startServer for a client with the given capabilities.
func startClient(t testing.TB, opts Options, initOptions any, capabilities map[string]any) *client {
	t.Helper()
	server, conn := net.Pipe()
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = Serve(context.Background(), server, opts, io.Discard)
	}()
	c := &client{t: t, conn: conn, pending: map[int]chan rpcMessage{}, notes: make(chan rpcMessage, 1000), done: make(chan struct{})}
	go c.read()
	t.Cleanup(func() {
		_ = conn.Close()
		select {
		case <-served:
		case <-time.After(waitLimit):
			t.Error("server did not stop after the connection closed")
		}
	})
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": capabilities, "initializationOptions": initOptions}, &res)
	c.capabilities = res.Capabilities
	c.notify("initialized", map[string]any{})
	return c
}

// read reads every message the server sends, for as long as it sends.
func (c *client) read() {
	defer close(c.done)
	r := bufio.NewReader(c.conn)
	tp := textproto.NewReader(r)
	for {
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			c.t.Errorf("bad Content-Length header %q", h.Get("Content-Length"))
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m rpcMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent invalid JSON: %s", body)
			return
		}
		if m.ID != nil && m.Method == "" {
			c.mu.Lock()
			ch := c.pending[*m.ID]
			delete(c.pending, *m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		c.notes <- m
	}
}

func (c *client) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	body, err := json.Marshal(m)
	require.NoError(c.t, err)
	_, err = fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n%s", len(body), body)
	require.NoError(c.t, err)
}

// call sends a request and decodes its result into result (may be nil).
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan rpcMessage, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	c.send(map[string]any{"id": id, "method": method, "params": params})
	select {
	case m := <-ch:
		require.Nil(c.t, m.Error, "%s failed", method)
		if result != nil {
			require.NoError(c.t, json.Unmarshal(m.Result, result), "%s result: %s", method, m.Result)
		}
	case <-time.After(waitLimit):
		c.t.Fatalf("no answer to %s", method)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// diagnostics waits for the next publication for uri whose version is at
// least version (0: any) and returns it.
func (c *client) diagnostics(uri string, version int) published {
	c.t.Helper()
	for {
		m := c.next("textDocument/publishDiagnostics")
		var p published
		require.NoError(c.t, json.Unmarshal(m.Params, &p))
		if p.URI == uri && (p.Version == nil || *p.Version >= version) {
			return p
		}
	}
}

// next waits for the next notification of a method, skipping others.
func (c *client) next(method string) rpcMessage {
	c.t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case m := <-c.notes:
			if m.Method == method {
				return m
			}
		case <-deadline:
			c.t.Fatalf("no %s from the server", method)
		}
	}
}

// open opens a document and returns the diagnostics published for it.
func (c *client) open(uri, text string) published {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "xml", "version": 1, "text": text}})
	return c.diagnostics(uri, 1)
}

// change replaces a document's text and returns the diagnostics published
// for that version.
func (c *client) change(uri string, version int, text string) published {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
	return c.diagnostics(uri, version)
}

// position is the protocol position of the byte offset of needle in text,
// plus delta bytes: 0-based line, UTF-16 units into the line. It is written
// independently of the server's conversions, which it checks.
func position(t testing.TB, text, needle string, delta int) protocol.Position {
	t.Helper()
	i := strings.Index(text, needle)
	require.GreaterOrEqual(t, i, 0, "%q not in the text", needle)
	i += delta
	lineStart := strings.LastIndex(text[:i], "\n") + 1
	return protocol.Position{
		Line:      protocol.UInteger(strings.Count(text[:i], "\n")),
		Character: protocol.UInteger(len(utf16.Encode([]rune(text[lineStart:i])))),
	}
}

// offset is the byte offset of a protocol position in a text with LF line
// ends, the inverse of position.
func offset(t testing.TB, text string, p protocol.Position) int {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	require.Less(t, int(p.Line), len(lines))
	i := 0
	for _, l := range lines[:p.Line] {
		i += len(l)
	}
	units := 0
	for j, r := range lines[p.Line] {
		if units >= int(p.Character) {
			return i + j
		}
		units += len(utf16.Encode([]rune{r}))
	}
	return i + len(strings.TrimSuffix(lines[p.Line], "\n"))
}

// rangeOf is the range of needle in text.
func rangeOf(t testing.TB, text, needle string) protocol.Range {
	t.Helper()
	return protocol.Range{Start: position(t, text, needle, 0), End: position(t, text, needle, len(needle))}
}
