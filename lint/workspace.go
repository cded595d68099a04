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
	docs    fileCache[*diskDoc]
	scripts fileCache[*diskScript]

	mu       sync.Mutex
	includer map[string][]string // by project root: its documents that include others
}

// NewWorkspace returns a Workspace that has read nothing yet.
func NewWorkspace() *Workspace { return &Workspace{includer: map[string][]string{}} }

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

// fileCache keeps what was made of each file, by absolute path, until the
// file changes or is gone.
type fileCache[T any] struct {
	mu      sync.Mutex
	entries map[string]cacheEntry[T]
}

type cacheEntry[T any] struct {
	stamp
	value T
}

// get returns what read makes of the file at path, made again when the
// file changed; ok is false when the file is gone, which is forgotten.
func (c *fileCache[T]) get(path string, read func() T) (v T, ok bool) {
	st, ok := stampOf(path)
	c.mu.Lock()
	e, found := c.entries[path]
	if !ok {
		delete(c.entries, path)
	}
	c.mu.Unlock()
	switch {
	case !ok:
		return v, false
	case found && e.stamp == st:
		return e.value, true
	}
	e = cacheEntry[T]{st, read()}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]cacheEntry[T]{}
	}
	c.entries[path] = e
	c.mu.Unlock()
	return e.value, true
}

// peek returns what was made of the file at path when it was last read.
func (c *fileCache[T]) peek(path string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	return e.value, ok
}

// diskDoc is an SCXML document as last read.
type diskDoc struct {
	file  *scxml.File // nil when the file does not read as a document
	once  sync.Once
	names []string // what it declares in its own text, once computed
}

// document returns the SCXML document at path (absolute), read again when
// it changed; nil when it cannot be read as one.
func (ws *Workspace) document(path string) *scxml.File {
	d, ok := ws.docs.get(path, func() *diskDoc {
		d := &diskDoc{}
		if f, err := scxml.ReadFile(path); err == nil && f.Format == scxml.FormatSCXML {
			d.file = f
		}
		return d
	})
	if !ok {
		return nil
	}
	return d.file
}

// declared returns what the document f declares in its own text, computed
// with own the first time for a document read from disk; a text being
// edited is computed each time. What the script files it loads declare is
// not part of it: they change on their own.
func (ws *Workspace) declared(f *scxml.File, own func(*scxml.File) []string) []string {
	d, ok := ws.docs.peek(key(f.Path))
	if !ok || d.file != f {
		return own(f)
	}
	d.once.Do(func() { d.names = own(f) })
	return d.names
}

// diskScript is an include script as last read.
type diskScript struct {
	source *scxml.Source // nil when it cannot be decoded
	names  []string      // what it declares
}

// script returns the include script at real (absolute, as on disk), with
// name as it is to be called in messages, read again when it changed;
// declare says what a script text declares.
func (ws *Workspace) script(real, name string, declare func(string) []string) *projectScript {
	s, ok := ws.scripts.get(real, func() *diskScript {
		s := &diskScript{}
		if data, err := os.ReadFile(real); err == nil {
			if src, err := scxml.NewFileSource(name, data); err == nil {
				s.source, s.names = src, declare(string(src.Data))
			}
		}
		return s
	})
	if !ok {
		return &projectScript{}
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
