package render_test

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
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

// Whatever condition a handler file holds, in an SCXML attribute (escaped)
// or a YAML handler file (as written), what does not load and what a
// handler's condition raises are written without a panic, each report
// starting with the file's name.
func FuzzHandlerReports(f *testing.F) {
	for _, seed := range []string{
		"_event.data.x.y", "a && (1", "'é' + _event.data['a'].b", "x < 1 && _event.data.q.r", "a\nb.c.d", `"'`, "}: [",
	} {
		f.Add(seed)
	}
	env := runtime.Env{Event: map[string]any{"name": "e", "data": map[string]any{}}}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, cond string) {
		if len(cond) > 256 {
			return
		}
		texts := map[string]string{
			"d.scxml": document(html.EscapeString(cond)),
			"h.yaml":  "handlers:\n  - {name: h, event: e, cond: " + cond + "}\n",
		}
		for name, text := range texts {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			set, err := statechart.LoadHandlers(path)
			if err != nil {
				render.Error(&b, err)
			} else {
				for _, p := range set.Problems {
					render.Error(&b, p)
				}
				for _, h := range set.Handlers {
					c, err := runtime.Compile(h.Cond)
					if err != nil {
						continue // a problem above
					}
					ctx, cancel := context.WithTimeout(context.Background(), time.Second)
					e := runtime.Execution(c.Eval(ctx, env).Err)
					cancel()
					if e != nil {
						_ = render.Write(&b, render.HandlerExec(h, e))
					}
				}
			}
			if out := b.String(); out != "" && !strings.HasPrefix(out, path) && !strings.HasPrefix(out, "condeval: ") {
				t.Fatalf("%s: the report names no file: %q", name, out)
			}
		}
	})
}
