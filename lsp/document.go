package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/condeval/condeval/scxml"
)

// document is an open text as the editor has it, which may differ from the
// file on disk.
type document struct {
	uri     protocol.DocumentUri
	path    string // file name used for the format, the config file and script includes
	text    string
	version protocol.Integer // the client's version of text

	// generation counts every change of text or of the settings: a lint
	// result is published only if nothing changed while it ran.
	generation uint64
	timer      *time.Timer
	result     *lintResult // the last published lint, for code actions
}

// cancel stops a pending lint.
func (d *document) cancel() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// apply applies the changes of a didChange notification in order. A change
// with a range replaces that range (positions in UTF-16 units); one without
// replaces the whole text.
func (d *document) apply(changes []any) {
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			d.text = c.Text
		case protocol.TextDocumentContentChangeEvent:
			if c.Range == nil {
				d.text = c.Text
				continue
			}
			start, end := offsetAt(d.text, c.Range.Start), offsetAt(d.text, c.Range.End)
			start, end = min(start, end), max(start, end) // a reversed range is taken as written backwards
			d.text = d.text[:start] + c.Text + d.text[end:]
		}
	}
}

// languageExtensions give a document whose name does not tell its format
// (an unsaved buffer) one from the editor's language id.
var languageExtensions = map[string]string{
	"scxml": ".scxml", "ixnprocess": ".ixnprocess", "workflow": ".workflow", "cond": ".cond",
}

// pathOf turns a document URI into the file name the readers use: the path
// of a file: URI, else the URI itself. When the name has no known
// extension, the language id may supply one.
func pathOf(uri protocol.DocumentUri, languageID string) string {
	name := string(uri)
	if u, err := url.Parse(name); err == nil && u.Scheme == "file" {
		name = filepath.FromSlash(u.Path)
	}
	if _, ok := scxml.FormatOf(name); !ok {
		if ext, ok := languageExtensions[strings.ToLower(languageID)]; ok {
			name += ext
		}
	}
	return name
}
