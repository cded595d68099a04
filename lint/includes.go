package lint

import (
	"fmt"
	"path/filepath"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// CodeInclude is the code of a finding about a file a document includes
// that cannot be found. Like CodeXML, no rule runs for it: the driver
// checks every include.
const CodeInclude = "C215"

const docMissingInclude = `A <script src>, or an <xi:include> (a script with parse="text", a document with parse="xml"), whose file does not exist, or exists only under a name that differs in letter case.

Why: ORS cannot load a document whose include is missing, and until it is found the linter does not know what the file declares: its functions and variables would all read as not declared. Composer's generated IPD includes the project's include/*.js and each workflow's src-gen/<workflow>.scxml.

It is a warning, not an error: many repositories leave out the files Composer writes when it generates code (include/, src-gen/), so the file may well exist where the strategy is deployed. Raise it to an error in .condeval.yaml where the repository holds everything that is deployed.

Example:

    <script><xi:include href="../include/comon.js" parse="text"/></script>

A name that differs from the file's only in letter case works where Composer runs (Windows ignores case) but not on a server whose file names are case-sensitive: a workflow renamed from main3 to Main3 keeps its generated src-gen/main3.scxml while the IPD includes Main3.scxml. The linter reads the file all the same, so the project's declarations still reach it, and reports the difference.

Fix: correct the path (it is relative to the including document), or generate or restore the file; for a difference in case, write the name as the file has it, or rename the file.`

// includes reports the includes of the file that name a file that does not
// exist.
func (l *fileLinter) includes(p *project) {
	if l.cfg.disabled(CodeInclude) {
		return
	}
	for _, inc := range l.file.Includes {
		if inc.Path == "" || p.exists(inc) {
			continue
		}
		what := "document"
		if inc.Script {
			what = "script"
		}
		message := fmt.Sprintf("the included %s %s does not exist", what, filepath.FromSlash(inc.Path))
		suggestion := "the path is relative to this document's folder"
		if real := onDisk(key(inc.Path)); real != "" {
			message = fmt.Sprintf("the included %s %s is there only as %s: a server whose file names are case-sensitive cannot load it",
				what, filepath.FromSlash(inc.Path), filepath.Base(real))
			suggestion = "write the name as the file has it, or rename the file"
		}
		f := Finding{Diagnostic: cond.Diagnostic{Code: CodeInclude, Severity: l.cfg.severity(CodeInclude, cond.SeverityWarning),
			Span:       cond.Span{Start: 0, End: len(inc.Href.Value)},
			Message:    message,
			Suggestion: suggestion}, Rule: "missing-include"}
		if !l.suppression(inc.Href.FileOffset(0)).Covers(f.Code) {
			l.add(l.locate(f, scxml.Item{Text: inc.Href, Attr: "href"}))
		}
	}
}

// scriptSyntax returns the syntax errors of the script files that the
// linted documents load, once each, at their place in the script file.
func (p *project) scriptSyntax(files []*scxml.File, config func(string) (Config, error)) ([]FileFinding, error) {
	var out []FileFinding
	seen := map[string]bool{}
	for _, f := range files {
		for _, inc := range f.Includes {
			if !inc.Script || inc.Path == "" || seen[key(inc.Path)] {
				continue
			}
			seen[key(inc.Path)] = true
			s := p.script(inc.Path)
			if s.source == nil {
				continue
			}
			cfg := Config{}
			if config != nil {
				var err error
				if cfg, err = config(s.source.Name); err != nil {
					return nil, err
				}
			}
			t := p.lin.parse(string(s.source.Data), true)
			text := scxml.PlainText(s.source, 0, len(s.source.Data))
			for _, fd := range finish(append([]Finding(nil), t.syntax...), suppressions(t.comments), cfg) {
				start, end := text.Span(fd.Span.Start, fd.Span.End)
				fd.Message = fd.MessageAt(text.Value, func(offset int) string {
					pos := text.Pos(offset)
					return fmt.Sprintf("%d:%d", pos.Line, pos.Column)
				})
				out = append(out, FileFinding{Finding: fd, File: s.source.Name, Start: start, End: end, Source: s.source})
			}
		}
	}
	return out, nil
}
