package lint_test

import (
	"testing"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// FuzzLint lints arbitrary text as every kind, in a handler context with a
// multi-line fold: no panic, and every span and fix lies inside the text.
func FuzzLint(f *testing.F) {
	for _, tc := range ruleCases {
		f.Add(tc.src, uint8(tc.ctx.Kind))
	}
	f.Add("a // x  && b", uint8(0))
	f.Add("/* condeval-disable C2 */ x = /(a+)+\\1(?=b)/", uint8(0))
	f.Fuzz(func(t *testing.T, src string, k uint8) {
		ctx := lint.Context{Kind: scxml.Kind(k % 5), Event: "interaction.notcontrolled interaction.added", Gate: true,
			Decls: lint.NewDeclarations("a"), Folds: []int{len(src) / 2}}
		for _, fd := range lint.Lint(src, ctx, lint.Config{}) {
			if fd.Span.Start < 0 || fd.Span.Start > fd.Span.End || fd.Span.End > len(src) {
				t.Fatalf("%s span %v outside %d bytes", fd.Code, fd.Span, len(src))
			}
			if fx := fd.Fix; fx != nil && (fx.Span.Start < 0 || fx.Span.Start > fx.Span.End || fx.Span.End > len(src)) {
				t.Fatalf("%s fix span %v outside %d bytes", fd.Code, fx.Span, len(src))
			}
		}
	})
}
