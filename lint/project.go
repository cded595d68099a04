package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/condeval/condeval/scxml"
)

// project is the include graph of the documents linted together. Composer
// never runs a workflow on its own: the generated IPD (src-gen/IPD_*.scxml)
// loads the project's include/*.js and pulls the workflow's SCXML in with
// <xi:include parse="xml">, and all of it shares one global scope (W3C
// B.2.2). So a document sees what it declares itself, what every document
// that includes it declares (directly or not), and what every document it
// includes declares; a Composer diagram sees what the SCXML generated from
// it sees.
type project struct {
	lin     *Linter
	ws      *Workspace                // what is read from disk
	docs    map[string]*projectDoc    // by absolute path
	scripts map[string]*projectScript // script files, by absolute path
}

// projectDoc is one SCXML document of the graph.
type projectDoc struct {
	file     *scxml.File
	includes []*projectDoc // the documents it includes
	parents  []*projectDoc // the documents that include it
	names    []string      // what it declares itself, once computed
	named    bool
}

// projectScript is a script file documents load.
type projectScript struct {
	names  []string
	source *scxml.Source // nil when the file cannot be read
}

func newProject(lin *Linter, ws *Workspace) *project {
	return &project{lin: lin, ws: ws, docs: map[string]*projectDoc{}, scripts: map[string]*projectScript{}}
}

// key is the one name of a file in the graph, however it was reached.
func key(path string) string {
	p, err := filepath.Abs(filepath.FromSlash(path))
	if err != nil {
		return filepath.Clean(path)
	}
	return p
}

// add puts a document in the graph, and, reading them from disk, every
// document it includes (directly or not). Files that cannot be read are
// left out.
func (p *project) add(f *scxml.File) *projectDoc {
	k := key(f.Path)
	if d, ok := p.docs[k]; ok {
		return d
	}
	d := &projectDoc{file: f}
	p.docs[k] = d
	for _, inc := range f.Includes {
		if inc.Script || inc.Path == "" {
			continue
		}
		child := p.load(inc.Path)
		if child == nil || child == d {
			continue
		}
		d.includes = append(d.includes, child)
		child.parents = append(child.parents, d)
	}
	return d
}

// load returns the document at path, reading it when the graph does not
// have it yet; nil when it cannot be read as an SCXML document.
func (p *project) load(path string) *projectDoc {
	if d, ok := p.docs[key(path)]; ok {
		return d
	}
	if path = onDisk(filepath.FromSlash(path)); path == "" {
		return nil
	}
	if d, ok := p.docs[key(path)]; ok {
		return d
	}
	if f, ok := scxml.FormatOf(path); !ok || f != scxml.FormatSCXML {
		return nil
	}
	f := p.ws.document(key(path))
	if f == nil {
		return nil
	}
	return p.add(f)
}

// addContext reads the SCXML documents of a project's tree that include
// other files, so that a document linted on its own still sees what the
// IPD that includes it declares.
func (p *project) addContext(root string) {
	for _, path := range p.ws.includers(root) {
		if _, ok := p.docs[key(path)]; ok {
			continue
		}
		if f := p.ws.document(key(path)); f != nil && includesDocuments(f) {
			p.add(f)
		}
	}
}

func hidden(name string) bool { return len(name) > 1 && name[0] == '.' }

// projectMarkers make a directory the root of a Composer project: the
// folders Composer creates, Eclipse's project file, condeval's
// configuration.
var projectMarkers = [...]string{"src-gen", "include", "Workflows", "Interaction Processes", ".project", ConfigName}

// projectRoot returns the nearest directory at or above dir that holds a
// project marker; "" when there is none.
func projectRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, m := range projectMarkers {
			if _, err := os.Stat(filepath.Join(dir, m)); err == nil {
				return dir
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// declarations are the names a file's code sees: its own and, for an SCXML
// document, those of every document above and below it in the graph; for
// a diagram, those of the document generated from it when there is one.
func (p *project) declarations(f *scxml.File) *Declarations {
	d := NewDeclarations()
	if standalone(f.Format) {
		return nil
	}
	doc := p.docs[key(f.Path)]
	if doc == nil {
		d.Add(p.ownNames(f)...)
		doc = p.generatedFrom(f)
	}
	if doc == nil {
		if f.Format == scxml.FormatWorkflow {
			// Its generated SCXML is not in the repository, but the
			// workflow runs under an IPD all the same: it sees what an
			// orphan workflow's SCXML sees.
			for _, ipd := range p.entries(projectRoot(filepath.Dir(f.Path))) {
				d.Add(p.names(ipd)...)
			}
		}
		return d
	}
	seen := map[*projectDoc]bool{}
	var visit func(*projectDoc, func(*projectDoc) []*projectDoc)
	visit = func(x *projectDoc, next func(*projectDoc) []*projectDoc) {
		for _, y := range next(x) {
			if !seen[y] {
				seen[y] = true
				visit(y, next)
			}
		}
	}
	seen[doc] = true
	visit(doc, func(x *projectDoc) []*projectDoc { return x.parents })
	visit(doc, func(x *projectDoc) []*projectDoc { return x.includes })
	for x := range seen {
		d.Add(p.names(x)...)
	}
	if orphanWorkflow(doc) {
		for _, ipd := range p.entries(projectRoot(filepath.Dir(doc.file.Path))) {
			d.Add(p.names(ipd)...)
		}
	}
	return d
}

// names are what a document of the graph declares itself, computed once.
func (p *project) names(x *projectDoc) []string {
	if !x.named {
		x.names, x.named = p.ownNames(x.file), true
	}
	return x.names
}

// orphanWorkflow reports whether doc is generated workflow code that no
// document of the graph includes. It still runs under an IPD: Composer
// generates one for every workflow block of the project's interaction
// processes, and every IPD of a project loads the same include scripts; the
// repository just does not hold that IPD (it is generated again on deploy).
func orphanWorkflow(doc *projectDoc) bool {
	return doc.file.Document != nil && doc.file.Document.Generated && len(doc.parents) == 0 && !entry(doc)
}

// entry reports whether a document of the graph includes another one as
// XML, as an IPD includes its workflow.
func entry(doc *projectDoc) bool { return includesDocuments(doc.file) }

// includesDocuments reports whether f includes another document as XML.
func includesDocuments(f *scxml.File) bool {
	for _, inc := range f.Includes {
		if !inc.Script {
			return true
		}
	}
	return false
}

// entries are the documents under root that include others and that
// nothing includes: the project's IPDs. An orphan workflow sees what they
// declare themselves (their data and scripts), not the other workflows they
// include, whose variables it does not share.
func (p *project) entries(root string) []*projectDoc {
	if root == "" {
		return nil
	}
	var out []*projectDoc
	for k, x := range p.docs {
		if len(x.parents) == 0 && entry(x) && strings.HasPrefix(k, root+string(filepath.Separator)) {
			out = append(out, x)
		}
	}
	return out
}

// generatedFrom returns the SCXML Composer generates from a diagram, when
// the graph has it: src-gen/<workflow>.scxml for a workflow,
// src-gen/IPD_<process>_*.scxml for an interaction process.
func (p *project) generatedFrom(f *scxml.File) *projectDoc {
	root := projectRoot(filepath.Dir(f.Path))
	if root == "" {
		return nil
	}
	stem := strings.TrimSuffix(filepath.Base(f.Path), filepath.Ext(f.Path))
	glob := generatedGlob(f.Format, stem)
	if glob == "" {
		return nil
	}
	for _, m := range globFold(filepath.Join(root, glob)) {
		if d := p.load(m); d != nil {
			return d
		}
	}
	return nil
}

// ownNames are the global names a file declares itself: <data> ids,
// workflow variables and <foreach> names, what its scripts declare, and
// what the script files it loads declare when they can be read.
func (p *project) ownNames(f *scxml.File) []string {
	names := slices.Clip(p.ws.declared(f, p.inlineNames))
	for _, inc := range f.Includes {
		if inc.Script && inc.Path != "" {
			names = append(names, p.script(inc.Path).names...)
		}
	}
	return names
}

// inlineNames are the names a file declares in its own text: <data> ids,
// workflow variables and <foreach> names, and what its scripts declare.
func (p *project) inlineNames(f *scxml.File) []string {
	names := append(append([]string(nil), f.Data...), f.Variables...)
	var scripts []string
	for _, it := range f.Items {
		if it.Kind == scxml.Program {
			scripts = append(scripts, it.Text.Value)
		}
	}
	per := make([][]string, len(scripts))
	parallel(len(scripts), func(i int) { per[i] = p.lin.ScriptDeclarations(scripts[i]) })
	for _, ns := range per {
		names = append(names, ns...)
	}
	return names
}

// script reads a script file once.
func (p *project) script(path string) *projectScript {
	k := key(path)
	if s, ok := p.scripts[k]; ok {
		return s
	}
	s := &projectScript{}
	if real := onDisk(k); real != "" {
		name := filepath.Join(filepath.Dir(filepath.FromSlash(path)), filepath.Base(real)) // as the include names it, but for the case
		s = p.ws.script(key(real), name, p.lin.ScriptDeclarations)
	}
	p.scripts[k] = s
	return s
}

// exists reports whether the file an include names is there, exactly as
// named.
func (p *project) exists(inc scxml.Include) bool {
	if _, ok := p.docs[key(inc.Path)]; ok && !inc.Script {
		return true
	}
	_, err := os.Stat(key(inc.Path))
	return err == nil
}
