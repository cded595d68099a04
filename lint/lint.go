package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// Kinds is a set of scxml.Kind: the texts a rule looks at.
type Kinds uint8

// Sets of kinds rules commonly apply to.
const (
	OnConditions Kinds = 1 << scxml.Condition
	OnValues     Kinds = 1<<scxml.Expression | 1<<scxml.Location
	OnScripts    Kinds = 1 << scxml.Program
	OnEvents     Kinds = 1 << scxml.Descriptors
	OnCode             = OnConditions | OnValues | OnScripts
)

// Has reports whether k is in the set.
func (ks Kinds) Has(k scxml.Kind) bool { return ks&(1<<k) != 0 }

// Context is what the linter knows about where a text comes from. The zero
// Context describes a lone condition typed on a command line.
type Context struct {
	Kind    scxml.Kind // how the text is used
	File    string     // path of the file holding the text, "" for a lone text
	Event   string     // event attribute of the enclosing handler: what _event can be
	State   string     // id of the enclosing state
	Element string     // element holding the text: "transition", "if", "events", …
	Attr    string     // attribute holding the text, "" for element content
	Handler string     // name of the Composer handler, exception or branch

	// Gate is true for the condition that decides whether a handler fires
	// (a transition's cond, a Composer handler's condition), as opposed to
	// an <if> inside its body.
	Gate bool
	// Generated is true for code Composer generated (under src-gen/).
	Generated bool
	// Template is true for a Composer subroutine template
	// (src/subRoutines/*.scxml): Composer replaces its $$_MY_PREFIX_$$
	// when it copies it into a workflow, and the caller supplies args_.
	Template bool
	// Diagram is true for a Composer diagram (.workflow, .ixnprocess):
	// Composer's code generator still expands placeholders such as {block}.
	Diagram bool
	// Folds are the offsets of spaces that were line breaks in the file,
	// before XML attribute normalisation turned them into spaces. A text
	// with folds comes from a multi-line attribute.
	Folds []int
	// Decls are the names the document declares. Nil when the text stands
	// alone, so that only names that look like typos are reported.
	Decls *Declarations
}

// MultiLine reports whether the text comes from a multi-line attribute.
func (c *Context) MultiLine() bool { return len(c.Folds) > 0 }

// Declarations are the global names a document adds to what a condition
// sees: <data> ids, variables and functions of its scripts, Composer
// workflow variables.
type Declarations struct {
	names map[string]bool
}

// NewDeclarations collects names; empty ones are ignored.
func NewDeclarations(names ...string) *Declarations {
	d := &Declarations{names: make(map[string]bool, len(names))}
	d.Add(names...)
	return d
}

// Add declares more names.
func (d *Declarations) Add(names ...string) {
	for _, n := range names {
		if n != "" {
			d.names[n] = true
		}
	}
}

// Has reports whether the document declares name.
func (d *Declarations) Has(name string) bool { return d != nil && d.names[name] }

// Names lists the declared names, sorted.
func (d *Declarations) Names() []string {
	if d == nil {
		return nil
	}
	out := make([]string, 0, len(d.names))
	for n := range d.names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Finding is a lint diagnostic: a Diagnostic (with its Fix, when the
// repair is certain) and the rule's name.
type Finding struct {
	cond.Diagnostic
	Rule string // the rule's name, e.g. "unknown-field"; the front end's code name for syntax
}

// Rule is one lint check. Rules are values in a table (Rules); the driver
// knows nothing about any of them beyond these fields.
type Rule struct {
	Code     string        // stable code, C200 and up
	Name     string        // short kebab-case name, usable instead of the code
	Doc      string        // what it catches, why it matters in ORS, an example and the fix (Markdown)
	Severity cond.Severity // default grade
	Kinds    Kinds         // the texts Run looks at
	// Fix is the kind of the fixes its findings carry: lint --fix applies
	// only fixes of rules that mark them, unsafe ones on request.
	Fix cond.FixKind

	// Run checks one text. It may be nil for document-only rules.
	Run func(*Pass)
	// RunDocument checks a document as a whole. It may be nil.
	RunDocument func(*DocumentPass)
}

// Summary is the first sentence of the rule's doc.
func (r *Rule) Summary() string {
	s := r.Doc
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// markdownEscapes keeps the prose of a doc from being read as HTML or
// emphasis.
var markdownEscapes = strings.NewReplacer("<", "&lt;", "*", `\*`, "_", `\_`)

// Markdown returns the doc as Markdown: indented lines are code blocks as
// they stand; in the prose, markup characters are escaped.
func (r *Rule) Markdown() string {
	lines := strings.Split(r.Doc, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "    ") && !strings.HasPrefix(l, "\t") {
			lines[i] = markdownEscapes.Replace(l)
		}
	}
	return strings.Join(lines, "\n")
}

// Pass is one rule's view of one text.
type Pass struct {
	Rule    *Rule
	Source  string        // the text as written, after XML decoding
	Expr    *cond.Expr    // the tree of a condition, expression or location; nil when empty or unparsable
	Program *cond.Program // the tree of a script; nil when unparsable
	Context *Context
	report  func(Finding)
	// comments are the text's comments: the parse's, or for a text that
	// did not parse, cond.Comments'.
	comments []cond.Comment
	facts    *treeFacts // computed on first use, shared by the rules of the pass
}

// Root returns the statements or the expression to inspect; empty when the
// text did not parse.
func (p *Pass) Root() []cond.Node {
	switch {
	case p.Expr != nil:
		return []cond.Node{p.Expr.Root}
	case p.Program != nil:
		return p.Program.Body
	}
	return nil
}

// GlobalRefs returns every use of a name the text does not declare itself.
func (p *Pass) GlobalRefs() []*cond.Ident {
	switch {
	case p.Expr != nil:
		return p.Expr.GlobalRefs()
	case p.Program != nil:
		return p.Program.GlobalRefs()
	}
	return nil
}

// Text returns the source of a span.
func (p *Pass) Text(s cond.Span) string { return p.Source[s.Start:s.End] }

// Report records a finding of the pass's rule. suggestion may be empty.
func (p *Pass) Report(span cond.Span, message, suggestion string) {
	p.ReportFix(span, message, suggestion, nil)
}

// ReportFix is Report with a machine-applicable fix (nil for none).
func (p *Pass) ReportFix(span cond.Span, message, suggestion string, fix *cond.Fix) {
	p.report(Finding{
		Diagnostic: cond.Diagnostic{Code: p.Rule.Code, Severity: p.Rule.Severity, Span: span, Message: message, Suggestion: suggestion, Fix: fix},
		Rule:       p.Rule.Name,
	})
}

// Lint checks one text — a condition, an expression, a script or an event
// attribute, as ctx.Kind says — with every enabled rule. Syntax errors come
// from the front end with its own codes (C1xx). An empty condition is no
// condition: it gets no syntax error. Findings are sorted by position.
func Lint(src string, ctx Context, cfg Config) []Finding {
	return NewLinter().Lint(src, ctx, cfg)
}

// Linter lints many texts, parsing each distinct text once: generated
// documents repeat the same conditions and expressions in every handler.
// A Linter is safe for concurrent use.
type Linter struct {
	mu    sync.Mutex
	trees map[treeKey]*parsed
}

type treeKey struct {
	program bool
	text    string
}

// parsed is the front end's answer for one text.
type parsed struct {
	expr     *cond.Expr
	program  *cond.Program
	syntax   []Finding
	comments []cond.Comment
}

// NewLinter returns a Linter with an empty cache.
func NewLinter() *Linter { return &Linter{trees: map[treeKey]*parsed{}} }

// Lint is the package-level Lint, with the parse cached.
func (l *Linter) Lint(src string, ctx Context, cfg Config) []Finding {
	var out []Finding
	p := Pass{Source: src, Context: &ctx, report: func(f Finding) { out = append(out, f) }}
	var sup Suppression
	if ctx.Kind != scxml.Descriptors && strings.TrimSpace(src) != "" {
		t := l.parse(src, ctx.Kind == scxml.Program)
		p.Expr, p.Program, p.comments = t.expr, t.program, t.comments
		out = append(out, t.syntax...)
		sup = suppressions(t.comments)
	} else {
		sup = textSuppressions(src)
	}
	rules := Rules()
	for i := range rules {
		r := &rules[i]
		if r.Run == nil || !r.Kinds.Has(ctx.Kind) || cfg.disabled(r.Code) {
			continue
		}
		p.Rule = r
		r.Run(&p)
	}
	return finish(out, sup, cfg)
}

// parse parses a text as a program or an expression, once.
func (l *Linter) parse(src string, program bool) *parsed {
	key := treeKey{program, src}
	l.mu.Lock()
	t, ok := l.trees[key]
	l.mu.Unlock()
	if ok {
		return t
	}
	t = &parsed{}
	text := expandPlaceholders(src)
	var err error
	if program {
		t.program, err = cond.ParseProgram(text, cond.MaxLength(0))
	} else {
		text = blankTrailingSemicolon(text)
		t.expr, err = cond.ParseExpression(text)
	}
	switch {
	case t.program != nil:
		t.comments = t.program.Comments
	case t.expr != nil:
		t.comments = t.expr.Comments
	default:
		t.comments = cond.Comments(text, !program)
	}
	t.syntax = syntaxFindings(err)
	l.mu.Lock()
	l.trees[key] = t
	l.mu.Unlock()
	return t
}

// blankTrailingSemicolon replaces a final ';' by a space: engines that
// evaluate an attribute with eval accept it, so it is a warning of its own
// (trailing-semicolon), not a syntax error.
func blankTrailingSemicolon(src string) string {
	if i := trailingSemicolon(src); i >= 0 {
		return src[:i] + " " + src[i+1:]
	}
	return src
}

// trailingSemicolon returns the offset of a final ';', or -1.
func trailingSemicolon(src string) int {
	t := strings.TrimRight(src, " \t\r\n")
	if strings.HasSuffix(t, ";") {
		return len(t) - 1
	}
	return -1
}

// syntaxFindings turns a parse error into findings.
func syntaxFindings(err error) []Finding {
	e, ok := err.(*cond.Error)
	if !ok {
		return nil
	}
	out := make([]Finding, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		c, _ := cond.LookupCode(d.Code)
		out[i] = Finding{Diagnostic: d, Rule: c.Name}
	}
	return out
}

// finish applies inline suppressions and the configuration, then sorts.
func finish(fs []Finding, sup Suppression, cfg Config) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if sup.covers(f) || cfg.disabled(f.Code) {
			continue
		}
		f.Severity = cfg.severity(f.Code, f.Severity)
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}
