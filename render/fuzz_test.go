package render_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
)

// Whatever condition a user types, its syntax error or error.execution is
// written without a panic, as a header naming the place and, under each
// source line, a caret line no wider than that line and its end.
func FuzzConditionReports(f *testing.F) {
	for _, seed := range []string{
		"_event.data.a == 1 && (_event.data.b", "_event.data.x.y", "a &&\r\n(1", "a\u2028b.c.d", "\t'é' == x.y",
		strings.Repeat("x", 200) + ".a.b", "'\xff' +", "(1", "", "\r",
	} {
		f.Add(seed, 1)
	}
	env := runtime.Env{Event: map[string]any{"name": "e", "data": map[string]any{}}}
	f.Fuzz(func(t *testing.T, src string, first int) {
		if len(src) > 512 || first < 1 || first > 1e6 {
			return
		}
		var reports []render.Report
		c, err := runtime.Compile(src)
		if err != nil {
			reports = render.Compile("f", first, src, err)
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			e := runtime.Execution(c.Eval(ctx, env).Err)
			if e == nil {
				return
			}
			reports = []render.Report{render.Exec("f", first, src, e)}
		}
		var b strings.Builder
		if err := render.Write(&b, reports...); err != nil {
			t.Fatal(err)
		}
		out := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if !strings.HasPrefix(out[0], "f:") {
			t.Fatalf("the first line names no place: %q", b.String())
		}
		for i, line := range out {
			if !strings.Contains(line, "^") || strings.Trim(line, " \t^~") != "" || i == 0 {
				continue
			}
			if utf8.RuneCountInString(line) > utf8.RuneCountInString(out[i-1])+1 {
				t.Fatalf("caret line %q is wider than its line %q", line, out[i-1])
			}
		}
	})
}
