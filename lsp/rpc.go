package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// ErrNoShutdown is returned by Serve when the connection ended without a
// shutdown request: the protocol asks the server to exit with code 1 then.
var ErrNoShutdown = errors.New("the client ended the connection without a shutdown request")

// Serve runs a language server on stream until the client sends exit or
// closes the stream. stream carries Content-Length framed JSON-RPC, as on
// stdio; logs (never protocol traffic) go to logw.
//
// glsp's own server package only serves os.Stdin/os.Stdout or sockets; this
// binds glsp's protocol handler to any stream, so tests drive the very same
// code over a pipe.
func Serve(ctx context.Context, stream io.ReadWriteCloser, opts Options, logw io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := newServer(opts)
	handler := s.protocolHandler()
	logger := log.New(logw, "condeval lsp: ", log.LstdFlags)
	rpc := jsonrpc2.HandlerWithError(func(ctx context.Context, c *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		gctx := &glsp.Context{
			Method: req.Method,
			Notify: func(method string, params any) {
				if err := c.Notify(ctx, method, params); err != nil {
					logger.Printf("%s: %v", method, err)
				}
			},
			Call: func(method string, params, result any) {
				if err := c.Call(ctx, method, params, result); err != nil {
					logger.Printf("%s: %v", method, err)
				}
			},
		}
		if req.Params != nil {
			gctx.Params = *req.Params
		}
		s.bind(gctx.Notify)
		r, validMethod, validParams, err := handler.Handle(gctx)
		switch {
		case req.Method == string(protocol.MethodExit):
			return nil, c.Close()
		case !validMethod:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: fmt.Sprintf("method not supported: %s", req.Method)}
		case !validParams:
			msg := "invalid params"
			if err != nil {
				msg = err.Error()
			}
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
		case err != nil:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
		}
		return r, nil
	})
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(stream, jsonrpc2.VSCodeObjectCodec{}), rpc.SuppressErrClosed(),
		jsonrpc2.SetLogger(logger))
	<-conn.DisconnectNotify()
	s.stop()
	if !s.shutDown() {
		return ErrNoShutdown
	}
	return nil
}
