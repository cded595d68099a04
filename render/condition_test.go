package render_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
)

// lines joins output lines, each ending in a newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// written is what Write writes of rs.
func written(t *testing.T, rs ...render.Report) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, render.Write(&b, rs...))
	return b.String()
}

// diagnostic is a warning over the bytes of src from the first of at to
// the end of it.
func diagnostic(src, at, message, help string) cond.Diagnostic {
	i := strings.Index(src, at)
	return cond.Diagnostic{Code: "C203", Severity: cond.SeverityWarning, Span: cond.Span{Start: i, End: i + len(at)},
		Message: message, Suggestion: help}
}

// syntaxError is what runtime.Compile returns for src.
func syntaxError(t *testing.T, src string) error {
	t.Helper()
	_, err := runtime.Compile(src)
	require.Error(t, err)
	return err
}

// raised is the error.execution src raises against env.
func raised(t *testing.T, src string, env runtime.Env) *runtime.ExecError {
	t.Helper()
	c, err := runtime.Compile(src)
	require.NoError(t, err)
	e := runtime.Execution(c.Eval(context.Background(), env).Err)
	require.NotNil(t, e)
	return e
}

func TestConditionReports(t *testing.T) {
	longLine := strings.Repeat("a", 100) + " == " + strings.Repeat("b", 100)
	noData := runtime.Env{Event: map[string]any{"name": "e", "data": map[string]any{}}}
	tests := []struct {
		name    string
		reports func(t *testing.T) []render.Report
		want    string
	}{
		{
			name: "a syntax error names its code, and positions in its message count from the first line",
			reports: func(t *testing.T) []render.Report {
				return render.Compile("s.txt", 5, "a &&\n(1", syntaxError(t, "a &&\n(1"))
			},
			want: lines(
				"s.txt:6:3: error: missing ')' to close '(' opened at 6:1 [C101]",
				"(1",
				"  ^",
			),
		},
		{
			name: "a condition only the engine refuses is the SyntaxError it raises, at its start",
			reports: func(*testing.T) []render.Report {
				return render.Compile(render.Expr, 1, "a", &runtime.EngineError{Source: "a", Message: "Unexpected token"})
			},
			want: lines(
				"<expr>:1:1: error: SyntaxError: Unexpected token [error.execution]",
				"a",
				"^",
			),
		},
		{
			name: "an error.execution has its class before its message and the event as its code",
			reports: func(t *testing.T) []render.Report {
				return []render.Report{render.Exec(render.Expr, 1, "_event.data.x.y", raised(t, "_event.data.x.y", noData))}
			},
			want: lines(
				"<expr>:1:15: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
				"_event.data.x.y",
				"              ^",
			),
		},
		{
			name: "an error.execution with no place is on the condition's first line",
			reports: func(*testing.T) []render.Report {
				return []render.Report{render.Exec("<stdin>", 3, "1", runtime.Execution(errors.New("stopped")))}
			},
			want: lines("<stdin>:3: error: Error: stopped [error.execution]"),
		},
		{
			name: "a finding is underlined to its end, with its suggestion",
			reports: func(*testing.T) []render.Report {
				src := "_event.data.resultof == 'deleted'"
				return render.Diagnostics(render.Expr, 1, src, []cond.Diagnostic{diagnostic(src, "'deleted'", "no such resultof", "write 'deletion'")})
			},
			want: lines(
				"<expr>:1:25: warning: no such resultof [C203]",
				"_event.data.resultof == 'deleted'",
				"                        ^~~~~~~~~",
				"  = help: write 'deletion'",
			),
		},
		{
			name: "tabs are kept so the caret lines up, and a character is one column",
			reports: func(*testing.T) []render.Report {
				src := "\tx == 'é' && y"
				return render.Diagnostics(render.Expr, 1, src, []cond.Diagnostic{diagnostic(src, "y", "unknown", "")})
			},
			want: lines(
				"<expr>:1:14: warning: unknown [C203]",
				"\tx == 'é' && y",
				"\t            ^",
			),
		},
		{
			name: "a character is underlined once, however many bytes it takes",
			reports: func(*testing.T) []render.Report {
				src := "x == 'été'"
				return render.Diagnostics(render.Expr, 1, src, []cond.Diagnostic{diagnostic(src, "'été'", "unknown", "")})
			},
			want: lines(
				"<expr>:1:6: warning: unknown [C203]",
				"x == 'été'",
				"     ^~~~~",
			),
		},
		{
			name: "a long line is cut around the place",
			reports: func(*testing.T) []render.Report {
				return render.Diagnostics(render.Expr, 1, longLine, []cond.Diagnostic{diagnostic(longLine, "==", "compares", "")})
			},
			want: lines(
				"<expr>:1:102: warning: compares [C203]",
				"…"+strings.Repeat("a", 39)+" == "+strings.Repeat("b", 39)+"…",
				strings.Repeat(" ", 41)+"^~",
			),
		},
		{
			name: "ECMAScript's line separators end a condition's lines",
			reports: func(*testing.T) []render.Report {
				src := "a &&\u2028b"
				return render.Diagnostics(render.Expr, 1, src, []cond.Diagnostic{diagnostic(src, "b", "unknown", "")})
			},
			want: lines(
				"<expr>:2:1: warning: unknown [C203]",
				"b",
				"^",
			),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, written(t, tt.reports(t)...))
		})
	}
}
