// Package lsp is condeval's language server: diagnostics, hover, completion
// and quick fixes for the conditions of .scxml, Composer .ixnprocess and
// .workflow files and .cond condition lists, over the Language Server
// Protocol (3.16, as modelled by github.com/tliron/glsp).
//
// It adds no knowledge of its own: documents are read by scxml, linted by
// lint, and hover and completion come from builtins. What it does is
// keep the editor's documents, convert positions (the protocol counts UTF-16
// units, in the file as the user sees it, through every XML escaping layer)
// and time the work: diagnostics are debounced, and results for a text the
// user has since changed are dropped instead of published.
package lsp
