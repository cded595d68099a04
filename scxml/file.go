package scxml

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Format is the kind of file, told by its extension.
type Format int

// Formats the reader knows.
const (
	FormatSCXML      Format = iota // .scxml
	FormatIxnprocess               // .ixnprocess: Composer interaction process (XMI)
	FormatWorkflow                 // .workflow: Composer workflow (XMI)
	FormatCond                     // .cond: one condition per line
	// FormatHandlers is condeval's handler file (.yaml, .yml, .json). It
	// is read only when named (ReadNamed): FormatOf does not name it, so a
	// directory walk and the language server pass YAML and JSON by.
	FormatHandlers
)

var formatsByExt = map[string]Format{
	".scxml": FormatSCXML, ".ixnprocess": FormatIxnprocess, ".workflow": FormatWorkflow, ".cond": FormatCond,
}

var formatNames = [...]string{"scxml", "ixnprocess", "workflow", "cond", "handlers"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format?"
}

// FormatOf returns the format a file name's extension names, and whether
// it names one. A directory walk reads exactly the files it accepts.
func FormatOf(name string) (Format, bool) {
	f, ok := formatsByExt[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// File is what a linter needs from one file, whatever its format.
type File struct {
	Path   string
	Format Format
	Source *Source
	// Items are the conditions, expressions, scripts and event attributes,
	// in document order.
	Items []Item
	// Data are the ids of the document's <data> elements: globals the
	// conditions may read (also as _data.<id>).
	Data []string
	// Variables are the other names the file declares: Composer workflow
	// variables, <foreach> items and indexes.
	Variables []string
	// ScriptPaths are the files that <script src> and <xi:include
	// parse="text"> load, resolved against the file's directory; the
	// linter reads them for var and function declarations when present.
	ScriptPaths []string
	// Includes are the files an SCXML document loads: scripts and other
	// documents.
	Includes []Include
	// Problems are parts of the file that could not be read (a handler body
	// that is not well-formed XML); the rest of the file still was.
	Problems []*SyntaxError

	Document *Document    // for .scxml
	Process  *Process     // for .ixnprocess
	Workflow *Workflow    // for .workflow
	Handlers *HandlerFile // for a handler file
}

// ECMAScript reports whether the file's items are ECMAScript, so a linter
// can skip the others: Composer's diagrams and condition lists always are;
// an SCXML document is when its datamodel is (Document.ECMAScript).
func (f *File) ECMAScript() bool { return f.Document == nil || f.Document.ECMAScript() }

// ReadFile reads and parses the file at path.
func ReadFile(path string) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, src)
}

// ReadNamed is Read for a file a user names: it reads a handler file too
// (see FormatHandlers).
func ReadNamed(name string, src []byte) (*File, error) {
	if !IsHandlerFile(name) {
		return Read(name, src)
	}
	h, err := ReadHandlerFile(name, src)
	if err != nil {
		return nil, err
	}
	return &File{Path: name, Format: FormatHandlers, Source: h.Source, Items: h.Items, Handlers: h}, nil
}

// Read parses src, choosing the format by the extension of name.
func Read(name string, src []byte) (*File, error) {
	format, ok := FormatOf(name)
	if !ok {
		return nil, fmt.Errorf("%s: unknown file type %q (want .scxml, .ixnprocess, .workflow or .cond)", name, filepath.Ext(name))
	}
	f := &File{Path: name, Format: format}
	switch format {
	case FormatSCXML:
		d, err := Parse(name, src)
		if err != nil {
			return nil, err
		}
		f.Document, f.Source, f.Items, f.Variables, f.Includes = d, d.Source, d.Items, d.Variables, d.Includes
		for _, data := range d.Data {
			f.Data = append(f.Data, data.ID)
		}
		for _, sc := range d.Scripts {
			if sc.Path != "" {
				f.ScriptPaths = append(f.ScriptPaths, sc.Path)
			}
		}
	case FormatIxnprocess:
		p, err := ReadProcess(name, src)
		if err != nil {
			return nil, err
		}
		f.Process, f.Source, f.Items, f.Problems = p, p.Source, p.Items, p.Problems
	case FormatWorkflow:
		w, err := ReadWorkflow(name, src)
		if err != nil {
			return nil, err
		}
		f.Workflow, f.Source, f.Items, f.Problems = w, w.Source, w.Items, w.Problems
		for _, v := range w.Variables {
			if v.Name != "" && !strings.Contains(v.Name, ".") {
				f.Variables = append(f.Variables, v.Name)
			}
		}
	case FormatCond:
		s, err := NewFileSource(name, src)
		if err != nil {
			return nil, err
		}
		f.Source = s
		f.Items = ReadConditions(f.Source)
	}
	return f, nil
}

// ReadConditions reads a condition list: one condition per line; blank
// lines and lines starting with // are skipped.
func ReadConditions(s *Source) []Item {
	var items []Item
	for n := 1; n <= s.Lines(); n++ {
		line, start := s.Line(n), s.LineStart(n)
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "//") {
			items = append(items, Item{Kind: Condition, Text: PlainText(s, start, start+len(line)), File: s.Name})
		}
	}
	return items
}
