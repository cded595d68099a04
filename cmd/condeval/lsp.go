package main

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/condeval/condeval/lsp"
)

// LspCmd runs the language server on stdin and stdout, for editors.
type LspCmd struct {
	Stdio bool          `help:"Talk over stdin and stdout (the default and only transport; accepted because editors often pass it)."`
	Delay time.Duration `default:"150ms" help:"How long to wait after the last change before linting a document again."`
}

// stdio joins the process's streams into the one stream the server reads
// and writes.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

// Run serves until the editor sends exit or closes stdin. Exit code 1 when
// it did so without asking the server to shut down first, as the protocol
// says.
func (c *LspCmd) Run(env *Env) error {
	err := lsp.Serve(context.Background(), stdio{env.Stdin, env.Stdout}, lsp.Options{Delay: c.Delay, Version: version()}, env.Stderr)
	if errors.Is(err, lsp.ErrNoShutdown) {
		env.Code = exitFalse
		return nil
	}
	return err
}
