package cond

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// Option configures a parse.
type Option func(*config)

type config struct {
	maxLength int
	maxDepth  int
}

// Default limits. A condition is a line of text; these leave room for the
// largest <script> blocks while keeping hostile input cheap to refuse.
const (
	DefaultMaxLength = 64 << 10
	DefaultMaxDepth  = 256
)

// MaxLength limits the source length in bytes (default 64 KiB); 0 or less
// means no limit.
func MaxLength(n int) Option { return func(c *config) { c.maxLength = n } }

// MaxDepth limits the nesting depth (default 256): brackets, ?: chains,
// runs of prefix operators and else-if chains all count. 0 or less means no
// limit.
func MaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

// Expr is a parsed condition: one ES5.1 expression.
type Expr struct {
	Source   string
	Root     Node
	Comments []Comment // in source order
	refs     []*Ident
}

// Program is a parsed script: ES5.1 statements, as in a <script> block.
type Program struct {
	Source   string
	Body     []Node
	Strict   bool      // the program starts with a "use strict" directive
	Comments []Comment // in source order
	refs     []*Ident
}

// Globals lists the names the condition reads or writes without declaring
// them (not function parameters, vars, function names or catch
// parameters), in order of first use.
func (e *Expr) Globals() []string { return UniqueNames(e.refs) }

// GlobalRefs returns every use of a global name, in source order, so each
// can be located.
func (e *Expr) GlobalRefs() []*Ident { return e.refs }

// Globals is Expr.Globals for a program; names declared at its top level
// are its own, not globals.
func (p *Program) Globals() []string { return UniqueNames(p.refs) }

// GlobalRefs is Expr.GlobalRefs for a program.
func (p *Program) GlobalRefs() []*Ident { return p.refs }

// Declared lists the names the program declares at its top level — its var
// names and function declarations, wherever they sit outside nested
// functions, as ES5 hoists them — in order of first declaration. In a
// <script> these become globals the document's conditions can read.
func (p *Program) Declared() []string {
	var ids []*Ident
	eachDeclared(p.Body, func(id *Ident) { ids = append(ids, id) })
	return UniqueNames(ids)
}

// ParseExpression parses one ES5.1 expression, the form of a cond
// attribute. On failure it returns a nil tree and an *Error listing every
// diagnostic, the first one first.
func ParseExpression(src string, opts ...Option) (expr *Expr, err error) {
	defer recoverParse(src, &err, func() { expr = nil })
	toks, comments, _, perr := front(src, opts, true) // an expression has no warnings
	if perr != nil {
		return nil, perr
	}
	g, gerr := grammars().expr.ParseFromLexer(peeking(src, toks))
	if gerr != nil {
		return nil, syntaxError(src, toks, gerr, false)
	}
	b := newBuilder(src, toks)
	root := b.expr(g.expr())
	if err := b.result(); err != nil {
		return nil, err
	}
	return &Expr{Source: src, Root: root, Comments: comments, refs: globalRefs([]Node{root})}, nil
}

// ParseProgram parses an ES5.1 program (a <script> body, or statements to
// lint). On failure it returns a nil tree and an *Error. A program whose
// only diagnostics are warnings (a const declaration, which ORS's
// SpiderMonkey runs) returns its tree and an *Error holding the warnings.
func ParseProgram(src string, opts ...Option) (prog *Program, err error) {
	defer recoverParse(src, &err, func() { prog = nil })
	toks, comments, warnings, perr := front(src, opts, false)
	if perr != nil {
		return nil, perr
	}
	g, gerr := grammars().program.ParseFromLexer(peeking(src, toks))
	if gerr != nil {
		return nil, withWarnings(syntaxError(src, toks, gerr, true), warnings)
	}
	b := newBuilder(src, toks)
	body, strict := b.body(g.Body)
	if err := b.result(); err != nil {
		return nil, withWarnings(err, warnings)
	}
	prog = &Program{Source: src, Body: body, Strict: strict, Comments: comments, refs: globalRefs(body)}
	if len(warnings) > 0 {
		return prog, &Error{Source: src, Diagnostics: warnings}
	}
	return prog, nil
}

// withWarnings adds the front end's warnings to a parse error, in source order.
func withWarnings(err error, warnings []Diagnostic) error {
	e, ok := err.(*Error)
	if !ok || len(warnings) == 0 {
		return err
	}
	e.Diagnostics = append(e.Diagnostics, warnings...)
	slices.SortStableFunc(e.Diagnostics, func(a, b Diagnostic) int { return a.Span.Start - b.Span.Start })
	return e
}

// firstError returns the first error among diagnostics, or nil when there
// are only warnings.
func firstError(ds []Diagnostic) *Diagnostic {
	for i := range ds {
		if ds[i].Severity == SeverityError {
			return &ds[i]
		}
	}
	return nil
}

func newBuilder(src string, toks []token) *builder {
	return &builder{src: src, toks: toks, fn: &funcCtx{}}
}

func (b *builder) result() error {
	if len(b.diags) == 0 {
		return nil
	}
	return &Error{Source: b.src, Diagnostics: b.diags}
}

// front applies the limits, lexes and prepares the tokens: everything that
// happens before the grammar recurses. It also returns the comments the
// lexer skipped, and the warnings of a text it lets through.
func front(src string, opts []Option, expr bool) ([]token, []Comment, []Diagnostic, error) {
	c := config{maxLength: DefaultMaxLength, maxDepth: DefaultMaxDepth}
	for _, o := range opts {
		o(&c)
	}
	fail := func(ds ...Diagnostic) error { return &Error{Source: src, Diagnostics: ds} }
	if c.maxLength > 0 && len(src) > c.maxLength {
		return nil, nil, nil, fail(Diagnostic{Code: CodeTooLong, Severity: SeverityError, Span: Span{c.maxLength, len(src)},
			Message: fmt.Sprintf("the source is %d bytes long; the limit is %d", len(src), c.maxLength)})
	}
	s := scan(src, expr)
	if s.diag != nil {
		return nil, nil, nil, fail(*s.diag)
	}
	toks, ds := prepare(src, s.toks, c.maxDepth, expr)
	if firstError(ds) != nil {
		return nil, nil, nil, fail(ds...)
	}
	return toks, s.comments, ds, nil
}

func peeking(src string, toks []token) *lexer.PeekingLexer {
	p, _ := lexer.Upgrade(newTokenStream("", src, toks, false))
	return p
}

// recoverParse turns a panic into a diagnostic: the public entry points
// must never panic, whatever the input.
func recoverParse(src string, err *error, clear func()) {
	r := recover()
	if r == nil {
		return
	}
	clear()
	msg := fmt.Sprint(r)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	*err = &Error{Source: src, Diagnostics: []Diagnostic{{Code: CodeInternal, Severity: SeverityError,
		Span: Span{0, 0}, Message: "internal parser error (please report this input): " + msg}}}
}
