package lint

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/condeval/condeval/scxml"
)

// Workspace keeps what lint reads from disk around the files it lints: the
// documents and include scripts of their projects, what each declares, and
// which documents of a project include others. A language server lints the
// text being edited again at every pause in typing; with one Workspace the
// project around it is read and parsed once. A document or script is read
// again when its size or modification time changes; the list of a
// project's including documents, which costs a walk of the project's
// folder, is made again after Changed. Use NewWorkspace; a Workspace is
// safe for concurrent use.
type Workspace struct {
	mu       sync.Mutex
	docs     map[string]*diskDoc    // by absolute path
	scripts  map[string]*diskScript // by absolute path
	includer map[string][]string    // by project root: its documents that include others
}

// NewWorkspace returns a Workspace that has read nothing yet.
func NewWorkspace() *Workspace {
	return &Workspace{docs: map[string]*diskDoc{}, scripts: map[string]*diskScript{}, includer: map[string][]string{}}
}

// Changed says that files may have been added, removed or saved: the next
// lint looks for each project's including documents again.
func (ws *Workspace) Changed() {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	clear(ws.includer)
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

// includers are the SCXML documents under root (absolute) that use
// XInclude, as an IPD including its workflows does: found by a walk of the
// folder the first time, and again after Changed.
func (ws *Workspace) includers(root string) []string {
	ws.mu.Lock()
	list, ok := ws.includer[root]
	ws.mu.Unlock()
	if ok {
		return list
	}
	list = []string{}
	_ = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case e.IsDir():
			if path != root && hidden(e.Name()) {
				return filepath.SkipDir
			}
			return nil
		case strings.ToLower(filepath.Ext(path)) != ".scxml":
			return nil
		}
		if data, err := os.ReadFile(path); err == nil && bytes.Contains(data, []byte(scxml.NamespaceXInclude)) {
			list = append(list, path)
		}
		return nil
	})
	ws.mu.Lock()
	ws.includer[root] = list
	ws.mu.Unlock()
	return list
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
	file  *scxml.File // nil when the file does not read as a document
	names []string    // what it declares in its own text, once computed
	named bool
}

// document returns the SCXML document at path (absolute), read again when
// it changed; nil when it cannot be read as one. A file gone is forgotten.
func (ws *Workspace) document(path string) *scxml.File {
	st, ok := stampOf(path)
	ws.mu.Lock()
	d := ws.docs[path]
	if !ok {
		delete(ws.docs, path)
	}
	ws.mu.Unlock()
	switch {
	case !ok:
		return nil
	case d != nil && d.stamp == st:
		return d.file
	}
	d = &diskDoc{stamp: st}
	if f, err := scxml.ReadFile(path); err == nil && f.Format == scxml.FormatSCXML {
		d.file = f
	}
	ws.mu.Lock()
	ws.docs[path] = d
	ws.mu.Unlock()
	return d.file
}

// declared returns what the document f declares in its own text, computed
// with own the first time for a document read from disk; a text being
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
	source *scxml.Source // nil when it cannot be decoded
	names  []string      // what it declares
}

// script returns the include script at real (absolute, as on disk), with
// name as it is to be called in messages, read again when it changed;
// declare says what a script text declares. A file gone is forgotten.
func (ws *Workspace) script(real, name string, declare func(string) []string) *projectScript {
	st, ok := stampOf(real)
	ws.mu.Lock()
	s := ws.scripts[real]
	if !ok {
		delete(ws.scripts, real)
	}
	ws.mu.Unlock()
	if !ok {
		return &projectScript{}
	}
	if s == nil || s.stamp != st {
		s = &diskScript{stamp: st}
		if data, err := os.ReadFile(real); err == nil {
			if src, err := scxml.NewFileSource(name, data); err == nil {
				s.source, s.names = src, declare(string(src.Data))
			}
		}
		ws.mu.Lock()
		ws.scripts[real] = s
		ws.mu.Unlock()
	}
	out := &projectScript{names: s.names, source: s.source}
	if s.source != nil && s.source.Name != name {
		// The same file, included under another name: the same text and
		// declarations, but messages name it as this include does.
		named := *s.source
		named.Name = name
		out.source = &named
	}
	return out
}
