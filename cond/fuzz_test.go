package cond

import (
	"errors"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

var fuzzSeeds = []string{
	seed, seed[:len(seed)-1], "a ? b : c = d", "new a.b().c", "x = /a[/]b/g", "if (x) /re/.test(y)",
	"(function () { 'use strict'; return this })()", "({get a() { return 1 }, set a(v) {}})",
	"for (var i = 0; i < n; i++) { if (i) continue; else break }", "a\n++b", "return\n1",
	"L: while (1) { break L }", "try { a() } catch (e) { b(e) } finally { c() }",
	"switch (x) { case 1: a(); break; default: b() }", "'\\u0041\\x41\\101'", "0x1F + 017 + 1e3 + .5",
	"a?.b ?? c", "x => x ** 2", "`a${b}`", "let x = 1", "/(?<n>a)/u", "{} / 2", "\u00a0a\u2028b",
	"with (o) { delete x }", "do x; while (y)", "[1, , 2, ]", "typeof x == 'undefined'",
}

// checkResult asserts the properties every parse result must have: no
// internal failure, diagnostics inside the source, and on success spans
// ordered and nested.
func checkResult(t *testing.T, src string, roots []Node, err error) {
	if err != nil {
		var perr *Error
		if !errors.As(err, &perr) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if len(perr.Diagnostics) == 0 {
			t.Fatalf("error without diagnostics for %q", src)
		}
		for _, d := range perr.Diagnostics {
			if d.Code == CodeInternal {
				t.Fatalf("internal error for %q: %s", src, d.Message)
			}
			if d.Span.Start < 0 || d.Span.Start > d.Span.End || d.Span.End > len(src) {
				t.Fatalf("diagnostic span %v outside %d bytes for %q: %s", d.Span, len(src), src, d.Message)
			}
			if d.Message == "" {
				t.Fatalf("empty message for %q", src)
			}
		}
		return
	}
	for _, r := range roots {
		checkSpans(t, src, r)
	}
}

// checkComments asserts that comments are in order, hold the source they
// span, and sit between tokens, never inside one.
func checkComments(t *testing.T, src string, toks []token, comments []Comment) {
	last, i := 0, 0
	for _, c := range comments {
		for ; i < len(toks) && toks[i].end <= c.Span.Start; i++ {
		}
		if c.Span.Start < last || i < len(toks) && toks[i].start < c.Span.End {
			t.Fatalf("comment %v overlaps a token or the previous comment", c.Span)
		}
		opening, closing := "//", ""
		if c.Block {
			opening, closing = "/*", "*/"
		}
		if src[c.Span.Start:c.Span.End] != opening+c.Text+closing {
			t.Fatalf("comment text %q is not source %q", c.Text, src[c.Span.Start:c.Span.End])
		}
		last = c.Span.End
	}
}

func FuzzLexer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, expr := range []bool{false, true} {
			sc := scan(src, expr)
			toks, d := sc.toks, sc.diag
			if d != nil {
				if d.Span.Start < 0 || d.Span.Start > d.Span.End || d.Span.End > len(src) {
					t.Fatalf("error span %v outside source", d.Span)
				}
				continue
			}
			last := 0
			for _, tk := range toks {
				if tk.start < last || tk.start > tk.end || tk.end > len(src) {
					t.Fatalf("token %q span [%d,%d) out of order (last end %d)", tk.text, tk.start, tk.end, last)
				}
				if tk.text != src[tk.start:tk.end] {
					t.Fatalf("token text %q is not source %q", tk.text, src[tk.start:tk.end])
				}
				last = tk.end
			}
			if toks[len(toks)-1].kind != tokEOF {
				t.Fatal("no EOF token")
			}
			checkComments(t, src, toks, sc.comments)
		}
		if l, err := (Lexer{}).LexString("", src); err == nil {
			if _, err := lexer.ConsumeAll(l); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzParseExpression(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := ParseExpression(src)
		var roots []Node
		if err == nil {
			roots = []Node{e.Root}
			for _, id := range e.GlobalRefs() {
				if src[id.Pos.Start:id.Pos.End] == "" {
					t.Fatalf("empty global ref span in %q", src)
				}
			}
		}
		checkResult(t, src, roots, err)
	})
}

func FuzzParseProgram(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParseProgram(src)
		var roots []Node
		if err == nil {
			roots = p.Body
			_ = p.Globals()
		}
		checkResult(t, src, roots, err)
	})
}
