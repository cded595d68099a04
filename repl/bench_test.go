package repl

import (
	"context"
	"io"
	"testing"

	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/runtime"
)

// What one typed line costs: the REPL compiles every line afresh, so the
// baseline is runtime.Compile plus Eval of the same condition; the REPL's
// own share is the rest. Completion is measured on a field after a dot and
// a resultof value in a string.
func BenchmarkRepl(b *testing.B) {
	event, err := jsonin.ReadObjectFile(testRevoking)
	if err != nil {
		b.Fatal(err)
	}
	system, err := jsonin.ReadObjectFile(testSystem)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline-compile-eval", func(b *testing.B) {
		env := runtime.Env{Event: event, System: system}
		b.ReportAllocs()
		for b.Loop() {
			c, err := runtime.Compile(testSeed)
			if err != nil {
				b.Fatal(err)
			}
			c.Eval(context.Background(), env)
		}
	})
	b.Run("line", func(b *testing.B) {
		s := New(io.Discard, Options{})
		s.vars[rootEvent], s.vars[rootSystem] = event, system
		b.ReportAllocs()
		for b.Loop() {
			s.execute(entry{text: testSeed, file: "<stdin>", line: 1})
		}
	})
	c := completer{vars: map[string]any{rootEvent: event, rootSystem: system}, event: "interaction.notcontrolled"}
	for _, line := range []string{"system.Int", "_event.data.resultof == 'de"} {
		b.Run("complete/"+line, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.complete(line, len(line))
			}
		})
	}
}
