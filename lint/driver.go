package lint

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// FileFinding is a lint finding located in a file: the spans of a
// Finding, relative to its text, are mapped through every XML escaping layer to the line and
// column the user sees.
type FileFinding struct {
	Finding
	File       string
	Start, End scxml.Position
	Source     *scxml.Source // the file, to print the line under the message
	Repair     *Repair       // the Fix in file terms; nil when there is none
}

// File lints every item of a file: conditions, expressions and scripts
// with the rules on code, event attributes with the descriptor rules, and the
// handlers as a whole with the document rules. Names that the file declares
// (<data> ids, script variables and functions, workflow variables, <foreach>
// names) count as known, and so do those of the project around it, as
// Path sees them for a file given on its own: the files it includes, the
// documents that include it and the IPDs of its project, when they can be
// read. A document whose datamodel is not ECMAScript has no findings.
func File(f *scxml.File, cfg Config) []FileFinding { return NewWorkspace().File(f, cfg) }

// lintFile is File with a linter whose parses are shared between files, in
// a project that says what the file sees.
func lintFile(f *scxml.File, cfg Config, lin *Linter, p *project) []FileFinding {
	if !f.ECMAScript() {
		return nil
	}
	l := fileLinter{file: f, cfg: cfg, lin: lin, sup: xmlSuppressions(f), decls: p.declarations(f), template: subroutineTemplate(f)}
	if l.template {
		l.decls.Add(callerSupplied[:]...)
	}
	for _, p := range f.Problems {
		if !cfg.Disabled[CodeXML] {
			xf := XMLFinding(p, cfg)
			xf.Source = f.Source
			l.add(xf)
		}
	}
	l.includes(p)
	l.items(f.Items)
	l.document()
	return sortFindings(l.out)
}

// Condition lints one condition given on a command line, under a display
// name such as "-e". No document declares anything for it.
func Condition(name, src string, cfg Config) []FileFinding {
	s := scxml.NewSource(name, []byte(src))
	l := fileLinter{file: &scxml.File{Path: name, Format: scxml.FormatCond, Source: s}, cfg: cfg, lin: NewLinter()}
	return l.item(scxml.Item{Kind: scxml.Condition, Text: scxml.PlainText(s, 0, len(src)), File: name})
}

// standalone reports whether a file's conditions stand on their own, with
// no document around them: a condition list or a handler file. Nothing
// declares names for them, no XML escapes them, and a line
// "// condeval-disable" covers the next line.
func standalone(f scxml.Format) bool {
	return f == scxml.FormatCond || f == scxml.FormatHandlers
}

type fileLinter struct {
	file  *scxml.File
	cfg   Config
	lin   *Linter
	decls *Declarations
	// template is true for a Composer subroutine template.
	template bool
	sup      []rangeSuppression
	out      []FileFinding
}

// items lints the items on every CPU: parsing is most of the work, and the
// items of a file are independent. Findings keep the items' order.
func (l *fileLinter) items(items []scxml.Item) {
	per := make([][]FileFinding, len(items))
	parallel(len(items), func(i int) { per[i] = l.item(items[i]) })
	for _, fs := range per {
		l.out = append(l.out, fs...)
	}
}

// parallel calls f(0) … f(n-1) on every CPU and waits for them.
func parallel(n int, f func(int)) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// item lints one item and maps its findings into the file.
func (l *fileLinter) item(it scxml.Item) []FileFinding {
	ctx := Context{
		Kind: it.Kind, File: it.File, Event: it.Event, State: it.State,
		Element: it.Element, Attr: it.Attr, Handler: it.Handler,
		Gate:      isGate(it),
		Generated: it.Generated,
		Template:  l.template,
		Diagram:   l.file.Format == scxml.FormatIxnprocess || l.file.Format == scxml.FormatWorkflow,
		Folds:     it.Text.Folds(),
		Decls:     l.decls,
	}
	sup := l.suppression(it.Text.FileOffset(0))
	var out []FileFinding
	for _, f := range l.lin.Lint(it.Text.Value, ctx, l.cfg) {
		if !sup.Covers(f.Code) {
			out = append(out, l.locate(f, it))
		}
	}
	return out
}

// isGate tells a handler's own condition from an <if> in its body.
func isGate(it scxml.Item) bool {
	switch it.Element {
	case "transition":
		return it.Attr == "cond"
	case "events", "conditionalExceptions":
		return it.Attr == "condition"
	}
	return false
}

// locate maps a finding on an item's text into the file.
func (l *fileLinter) locate(f Finding, it scxml.Item) FileFinding {
	start, end := it.Text.Span(f.Span.Start, f.Span.End)
	// The message names related places (where a bracket was opened) by
	// their position in the text; the user reads the file.
	f.Message = f.MessageAt(it.Text.Value, func(offset int) string {
		p := it.Text.Pos(offset)
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	})
	out := FileFinding{Finding: f, File: l.file.Path, Start: start, End: end, Source: l.file.Source}
	if f.Fix != nil {
		out.Repair = l.repair(it, f)
	}
	return out
}

func (l *fileLinter) add(f FileFinding) { l.out = append(l.out, f) }

// XMLFinding is the finding (CodeXML) about XML that is not well-formed,
// where the reader stopped, graded as cfg says. Callers that read a file
// themselves (an editor's unsaved text) report it as the driver does.
func XMLFinding(e *scxml.SyntaxError, cfg Config) FileFinding {
	f := Finding{Diagnostic: cond.Diagnostic{Code: CodeXML, Severity: cfg.severity(CodeXML, cond.SeverityError), Message: e.Msg, Suggestion: xmlHint(e.Msg)}, Rule: "xml-syntax"}
	return FileFinding{Finding: f, File: e.File, Start: e.Pos, End: e.Pos}
}

// xmlHints are, for the XML mistakes a condition's operators cause (its
// && and < written as they are typed in Composer), how to write them; the
// key starts the XML reader's message.
var xmlHints = []struct{ message, hint string }{
	{"invalid character entity", "in XML write && as &amp;&amp; (and < as &lt;)"},
	{"unescaped < inside quoted string", "in XML write < as &lt; (and && as &amp;&amp;)"},
}

// xmlHint is the hint for an XML reader's message, "" when there is none.
func xmlHint(msg string) string {
	for _, h := range xmlHints {
		if strings.HasPrefix(msg, h.message) {
			return h.hint
		}
	}
	return ""
}

// Summary is what a run of Path read, so a user can see that it covered
// the project.
type Summary struct {
	Files      int // files linted
	Conditions int // conditions in them (cond, condition and branch expressions)
	Skipped    int // documents not linted because their datamodel is not ECMAScript
}

// Add counts what another run read.
func (s *Summary) Add(o Summary) {
	s.Files += o.Files
	s.Conditions += o.Conditions
	s.Skipped += o.Skipped
}

// String is the summary as one line for a terminal.
func (s Summary) String() string {
	out := fmt.Sprintf("linted %s, %s", plural(s.Files, "file"), plural(s.Conditions, "condition"))
	if s.Skipped > 0 {
		out += fmt.Sprintf("; skipped %s whose datamodel is not ECMAScript", plural(s.Skipped, "document"))
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Path lints a file, or every file of a directory tree that has an
// extension Read knows (other files are skipped; a handler file is linted
// when it is named: see scxml.ReadNamed), as parts of their
// project: each document sees the declarations of the documents that
// include it and of the files it includes (see project). A file linted on
// its own is put in the project around it: the nearest directory above
// holding src-gen/, include/, Workflows/, Interaction Processes/, a .project
// or a .condeval.yaml. config returns the configuration for a file; nil
// means the defaults. A file that is not well-formed XML yields a CodeXML
// finding; an error is returned only when a path cannot be read.
func Path(path string, config func(file string) (Config, error)) ([]FileFinding, Summary, error) {
	var sum Summary
	names, err := lintableFiles(path)
	if err != nil {
		return nil, sum, err
	}
	lin := NewLinter()
	proj := newProject(lin, NewWorkspace())
	var out []FileFinding
	type linted struct {
		file *scxml.File
		cfg  Config
	}
	var files []linted
	var docs []*scxml.File
	for _, name := range names {
		cfg := Config{}
		if config != nil {
			if cfg, err = config(name); err != nil {
				return nil, sum, err
			}
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, sum, err
		}
		f, err := scxml.ReadNamed(name, data)
		var se *scxml.SyntaxError
		switch {
		case err == nil && !f.ECMAScript():
			sum.Skipped++
			continue
		case errors.As(err, &se):
			sum.Files++
			if !cfg.Disabled[CodeXML] {
				out = append(out, xmlFileFinding(name, se, cfg))
			}
			continue
		case err != nil:
			return nil, sum, err
		}
		files = append(files, linted{f, cfg})
		if f.Format == scxml.FormatSCXML {
			proj.add(f)
			docs = append(docs, f)
		}
	}
	dir := path
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		dir = filepath.Dir(path)
	}
	if root := projectRoot(dir); root != "" {
		proj.addContext(root) // what is not linted here still declares
	}
	for _, lf := range files {
		sum.Files++
		sum.Conditions += conditions(lf.file.Items)
		out = append(out, lintFile(lf.file, lf.cfg, lin, proj)...)
	}
	scripts, err := proj.scriptSyntax(docs, config)
	if err != nil {
		return nil, sum, err
	}
	return sortFindings(append(out, scripts...)), sum, nil
}

// xmlFileFinding is the CodeXML finding of a file that is not well-formed,
// with the file's text to show the line.
func xmlFileFinding(name string, se *scxml.SyntaxError, cfg Config) FileFinding {
	xf := XMLFinding(se, cfg)
	if data, err := os.ReadFile(name); err == nil {
		if s, err := scxml.NewFileSource(name, data); err == nil {
			xf.Source = s
		}
	}
	return xf
}

// conditions counts the conditions among items.
func conditions(items []scxml.Item) int {
	n := 0
	for _, it := range items {
		if it.Kind == scxml.Condition {
			n++
		}
	}
	return n
}

// sortFindings orders findings by file, line, column and code.
func sortFindings(fs []FileFinding) []FileFinding {
	slices.SortStableFunc(fs, func(a, b FileFinding) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Start.Line, b.Start.Line),
			cmp.Compare(a.Start.Column, b.Start.Column), strings.Compare(a.Code, b.Code))
	})
	return fs
}
