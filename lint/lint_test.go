package lint_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

func codes(fs []lint.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code+":"+f.Severity.String())
	}
	return out
}

func TestRulesTable(t *testing.T) {
	seen := map[string]bool{}
	code := regexp.MustCompile(`^C2\d\d$`)
	name := regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
	for _, r := range lint.Rules() {
		assert.Regexp(t, code, r.Code)
		assert.Regexp(t, name, r.Name)
		assert.False(t, seen[r.Code] || seen[r.Name], "%s %s listed twice", r.Code, r.Name)
		seen[r.Code], seen[r.Name] = true, true
		assert.True(t, r.Run != nil || r.RunDocument != nil || r.Code == lint.CodeXML || r.Code == lint.CodeInclude, r.Code)
		for _, part := range []string{"\n\nWhy: ", "\n\nExample", "\n\nFix"} {
			assert.Contains(t, r.Doc, part, "%s's doc needs a %q part", r.Code, strings.TrimSpace(part))
		}
		assert.NotEmpty(t, r.Summary())
	}
}

func TestConfig(t *testing.T) {
	const src = `system.ANI = "5551234" && _event.data.resultof == 'deleted'`
	ctx := document("interaction.deleted")
	var byCode, byName lint.Config
	require.NoError(t, byCode.Disable("C204"))
	require.NoError(t, byName.Disable("side-effect"))
	assert.Equal(t, []string{"C203:warning"}, codes(lint.Lint(src, ctx, byCode)))
	assert.Equal(t, []string{"C203:warning"}, codes(lint.Lint(src, ctx, byName)))

	var regrade lint.Config
	require.NoError(t, regrade.SetSeverity("enum-value", "error"))
	require.NoError(t, regrade.SetSeverity("C204", "Info"))
	assert.Equal(t, []string{"C204:info", "C203:error"}, codes(lint.Lint(src, ctx, regrade)))

	var off lint.Config
	require.NoError(t, off.SetSeverity("C203", "off"))
	assert.Equal(t, []string{"C204:error"}, codes(lint.Lint(src, ctx, off)))

	// Flags win over the file: the file switches C203 off, the flag back on.
	var flags lint.Config
	require.NoError(t, flags.Enable("C203"))
	assert.Equal(t, []string{"C204:error", "C203:warning"}, codes(lint.Lint(src, ctx, off.Merge(flags))))

	// Front-end codes can be configured too.
	var es lint.Config
	require.NoError(t, es.SetSeverity("es2015-syntax", "warning"))
	assert.Equal(t, []string{"C110:warning"}, codes(lint.Lint("a ?? b", lint.Context{}, es)))

	var bad lint.Config
	assert.EqualError(t, bad.Disable("C999"), `unknown rule "C999" (see docs/rules.md for the codes and names)`)
	assert.EqualError(t, bad.SetSeverity("C201", "fatal"), `C201: unknown severity "fatal" (want error, warning, info or off)`)
}

func TestInlineSuppression(t *testing.T) {
	ctx := document("error")
	tests := []struct {
		src  string
		want []string
	}{
		{`system.ANI = "1" /* condeval-disable C204 */`, []string{}},
		{`system.ANI = "1" /* condeval-disable side-effect -- a test double */`, []string{}},
		{`/* condeval-disable */ system.ANI = "1" && _event.data.resultof == 'deleted'`, []string{}},
		{`system.ANI = "1" && _event.data.resultof == 'deleted' /* condeval-disable C203 */`, []string{"C204:error"}},
		{`system.ANI = "1" /* condeval-disabled C204 */`, []string{"C204:error"}},
		{`system.ANI = '/* condeval-disable */'`, []string{"C204:error"}},
		// Syntax errors can be suppressed too; the directive still is a comment.
		{`a b /* condeval-disable C100 */`, []string{}},
		// The lexer decides what is a comment: here '/' divides, so // starts one.
		{`system.ANI = a.return / 2 // condeval-disable`, []string{}},
		{`system.ANI = a.return / 2`, []string{"C204:error", "C201:warning"}},
		// Text that does not even lex is scanned for directives.
		{`a == 08 /* condeval-disable */`, []string{}},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, codes(lint.Lint(tc.src, ctx, lint.Config{})), tc.src)
	}

	s, ok := lint.ParseSuppression(" condeval-disable C203, unknown-field -- resultof is open here ")
	require.True(t, ok)
	assert.True(t, s.Covers("C203"))
	assert.True(t, s.Covers("C202"))
	assert.False(t, s.Covers("C201"))
	_, ok = lint.ParseSuppression("just a comment")
	assert.False(t, ok)
}

func TestFixes(t *testing.T) {
	tests := []struct {
		src  string
		ctx  lint.Context
		want string
	}{
		{`system.ANI = "5551234"`, document("error"), `system.ANI == "5551234"`},
		{`_event.data.resultOf != 'revoking'`, document("interaction.notcontrolled"), `_event.data.resultof != 'revoking'`},
		{`_event.data.resultof == "deleted"`, document("interaction.deleted"), `_event.data.resultof == "deletion"`},
		{`typeof x == undefined`, lint.Context{}, `typeof x == 'undefined'`},
		{`interaction.partystate.changed`, kind(scxml.Descriptors), `interaction.partystatechanged`},
		{`_event.data.interactionid == system.InteractionID`, document("interaction.notcontrolled"),
			`_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')`},
		{`stopIxn || _event.data.interactionid == system.InteractionID`, document("interaction.notcontrolled"),
			`(stopIxn || _event.data.interactionid == system.InteractionID) && (!_event.data.resultof || _event.data.resultof == 'deletion')`},
		{"a == 1 // ours  && b == 2", func() lint.Context {
			c := document("error")
			c.Decls.Add("a", "b")
			c.Folds = []int{15}
			return c
		}(), "a == 1 /* ours */  && b == 2"},
	}
	for _, tc := range tests {
		fs := lint.Lint(tc.src, tc.ctx, lint.Config{})
		require.Len(t, fs, 1, tc.src)
		require.NotNil(t, fs[0].Fix, tc.src)
		fx := fs[0].Fix
		got := tc.src[:fx.Span.Start] + fx.NewText + tc.src[fx.Span.End:]
		assert.Equal(t, tc.want, got)
		assert.Empty(t, lint.Lint(got, tc.ctx, lint.Config{}), "the fix of %q leaves findings", tc.src)
	}
}

func TestLintDocument(t *testing.T) {
	ending := lint.HandlerSummary{Event: "interaction.notcontrolled", Cond: "_event.data.interactionid == system.InteractionID", EndsSession: true}
	present := lint.HandlerSummary{Event: "interaction.present", Cond: "_event.data.interactionid == system.InteractionID"}
	filtered := ending
	filtered.Cond += " && (!_event.data.resultof || _event.data.resultof == 'deletion')"
	logging := ending
	logging.EndsSession = false
	disabledPresent := present
	disabledPresent.Disabled = true
	noCond := lint.HandlerSummary{Event: "interaction.deleted", EndsSession: true}
	suppressed := ending
	suppressed.Cond += " /* condeval-disable ends-on-notcontrolled */"

	tests := []struct {
		name     string
		handlers []lint.HandlerSummary
		want     []string
	}{
		{"pre-8.1.400.20 default", []lint.HandlerSummary{ending}, []string{"0 C209"}},
		{"with interaction re-queued", []lint.HandlerSummary{ending, present}, nil},
		{"the re-queued handler is disabled", []lint.HandlerSummary{ending, disabledPresent}, []string{"0 C209"}},
		{"narrowed with resultof", []lint.HandlerSummary{filtered}, nil},
		{"does not end the session", []lint.HandlerSummary{logging}, nil},
		{"no condition on interaction.deleted", []lint.HandlerSummary{present, noCond}, []string{"1 C207"}},
		{"suppressed in the condition", []lint.HandlerSummary{suppressed}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range lint.LintDocument(&lint.Document{File: "x.scxml", Handlers: tc.handlers}, lint.Config{}) {
				got = append(got, strings.Join([]string{string(rune('0' + f.Handler)), f.Code}, " "))
				assert.Equal(t, cond.Span{Start: 0, End: len(tc.handlers[f.Handler].Event)}, f.Span)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLintNeverPanics(t *testing.T) {
	for _, src := range []string{"", "(", "/", "/*", "'", "a //", "{block}", "$$_MY_PREFIX_$$", "typeof", "/(/", "a = ", "\x00\xff"} {
		for k := scxml.Condition; k <= scxml.Descriptors; k++ {
			c := document("interaction.notcontrolled")
			c.Kind, c.Folds = k, []int{0}
			assert.NotPanics(t, func() { lint.Lint(src, c, lint.Config{}) }, "%q as %d", src, k)
		}
	}
}

// cond writes AnyKey into a path's segments for a computed key, and
// builtins resolves those segments: the two must spell it alike.
func TestAnyKeyAgrees(t *testing.T) {
	assert.Equal(t, builtins.AnyKey, cond.AnyKey)
}
