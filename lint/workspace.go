package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/condeval/condeval/scxml"
)

// Workspace keeps what lint reads from disk around the files it lints: the
// documents and include scripts of their projects, and the names each
// declares. A language server lints the text being edited again at every
// pause in typing; with one Workspace the project around it is read and
// parsed once, and a file again only when its size or modification time
// changes, so that the editor sees what lint sees at the cost of the text
// alone. Use NewWorkspace; a Workspace is safe for concurrent use.
type Workspace struct {
	mu      sync.Mutex
	docs    map[string]*diskDoc    // by absolute path
	scripts map[string]*diskScript // by absolute path
}

// NewWorkspace returns a Workspace that has read nothing yet.
func NewWorkspace() *Workspace {
	return &Workspace{docs: map[string]*diskDoc{}, scripts: map[string]*diskScript{}}
}

// File lints f as Path lints a file given on its own: in the project around
// it, so that it sees what the documents including it, their include
// scripts and the IPDs of the project declare. f is taken as it is (an
// editor's unsaved text); the other files are read from disk.
func (ws *Workspace) File(f *scxml.File, cfg Config) []FileFinding {
	return ws.lint(f, cfg, NewLinter())
}

// lint is File with a linter whose parses are shared, as FixFile's passes
// share one.
func (ws *Workspace) lint(f *scxml.File, cfg Config, lin *Linter) []FileFinding {
	proj := newProject(lin, ws)
	if f.Format == scxml.FormatSCXML {
		proj.add(f)
	}
	if root := projectRoot(filepath.Dir(f.Path)); root != "" {
		proj.addContext(root)
	}
	return lintFile(f, cfg, lin, proj)
}

// stamp tells one version of a file from another.
type stamp struct {
	size int64
	mod  time.Time
}

// stampOf is the stamp of the file at path; ok is false when it cannot be
// read.
func stampOf(path string) (stamp, bool) {
	info, err := os.Stat(path)
	if err != nil || info.IsDir() {
		return stamp{}, false
	}
	return stamp{info.Size(), info.ModTime()}, true
}

// diskDoc is an SCXML document as last read.
type diskDoc struct {
	stamp
	file     *scxml.File // nil when the file does not read as a document
	xinclude bool        // it uses XInclude, as an IPD including its workflows does
	names    []string    // what it declares in its own text, once computed
	named    bool
}

// document returns the SCXML document at path (absolute), read again when
// it changed; nil when it cannot be read as one.
func (ws *Workspace) document(path string) *diskDoc {
	st, ok := stampOf(path)
	if !ok {
		return nil
	}
	ws.mu.Lock()
	d := ws.docs[path]
	ws.mu.Unlock()
	if d != nil && d.stamp == st {
		return d
	}
	d = &diskDoc{stamp: st}
	if data, err := os.ReadFile(path); err == nil {
		d.xinclude = bytes.Contains(data, []byte(scxml.NamespaceXInclude))
		if f, err := scxml.Read(path, data); err == nil && f.Format == scxml.FormatSCXML {
			d.file = f
		}
	}
	ws.mu.Lock()
	ws.docs[path] = d
	ws.mu.Unlock()
	return d
}

// declared returns what the document f declares in its own text, computing
// it with own the first time for a document read from disk; a text being
// edited is computed each time. What the script files it loads declare is
// not part of it: they change on their own.
func (ws *Workspace) declared(f *scxml.File, own func(*scxml.File) []string) []string {
	ws.mu.Lock()
	d := ws.docs[key(f.Path)]
	ws.mu.Unlock()
	if d == nil || d.file != f {
		return own(f)
	}
	ws.mu.Lock()
	named, names := d.named, d.names
	ws.mu.Unlock()
	if named {
		return names
	}
	names = own(f)
	ws.mu.Lock()
	d.names, d.named = names, true
	ws.mu.Unlock()
	return names
}

// diskScript is an include script as last read.
type diskScript struct {
	stamp
	projectScript
}

// script returns the include script at real (absolute, as on disk), named
// name in messages, read again when it changed; declare says what a script
// text declares.
func (ws *Workspace) script(real, name string, declare func(string) []string) *projectScript {
	st, ok := stampOf(real)
	if !ok {
		return &projectScript{}
	}
	ws.mu.Lock()
	s := ws.scripts[real]
	ws.mu.Unlock()
	if s != nil && s.stamp == st && (s.source == nil || s.source.Name == name) {
		return &s.projectScript
	}
	s = &diskScript{stamp: st}
	if data, err := os.ReadFile(real); err == nil {
		if src, err := scxml.NewFileSource(name, data); err == nil {
			s.source = src
			s.names = declare(string(src.Data))
		}
	}
	ws.mu.Lock()
	ws.scripts[real] = s
	ws.mu.Unlock()
	return &s.projectScript
}
