package repl

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

// Tab completion never panics, whatever the line and cursor, and keeps the
// text around the word it completes.
func FuzzReplComplete(f *testing.F) {
	for _, seed := range []string{
		"_event.data.resultof == 'de", "system.", ":set _event.data.resultof = \"r", ":event {",
		"_genesys.ixn.interactions[system.InteractionID].", "a['b'][\"c\"].", "x]]].", "/* '", "'\\'", ":",
	} {
		f.Add(seed, len(seed))
	}
	c := completer{
		vars:    map[string]any{rootEvent: map[string]any{"data": map[string]any{"resultof": "x"}}, "App": []any{1.0}},
		event:   "interaction.notcontrolled",
		readDir: func(string) ([]fs.DirEntry, error) { return nil, nil },
	}
	f.Fuzz(func(t *testing.T, line string, pos int) {
		if !utf8.ValidString(line) {
			return
		}
		head, cands, tail := c.complete(line, pos)
		runes := []rune(line)
		p := min(max(pos, 0), len(runes))
		before := string(runes[:p])
		if tail != string(runes[p:]) {
			t.Fatalf("tail %q, want %q", tail, string(runes[p:]))
		}
		if len(cands) > 0 && !strings.HasPrefix(before, head) {
			t.Fatalf("head %q is not a prefix of %q", head, before)
		}
	})
}

// A piped script never panics or stops early: every line is read, and the
// output is whole lines. Commands that read files are left out, and
// scripts are kept short: each condition costs a fresh engine.
func FuzzReplScript(f *testing.F) {
	for _, seed := range []string{
		lines(testSeed, `:set _event.data.resultof = "deletion"`, testSeed),
		lines("(1 +", "1)", "", ":state a b", "In('a')"),
		lines(":event {", `"name": "x"`, "}", ":show", ":unset _event.name", ":lint", ":help"),
		lines(`:set App.x.y = [1, {"a": null}]`, "App.x.y[1].a", ":set App.x.y.0 = 2"),
		"_event.data.x.y\n'\\\n'\n:set _data.system.context.A = 1\n:s\n:nope\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		if len(script) > 1024 || strings.Count(script, "\n") > 12 {
			return
		}
		for _, line := range strings.Split(script, "\n") {
			name, arg, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), ":"), " ")
			if cmd, err := lookupCommand(name); strings.HasPrefix(strings.TrimSpace(line), ":") && err == nil &&
				cmd.files && !strings.HasPrefix(strings.TrimSpace(arg), "{") {
				return
			}
		}
		var out bytes.Buffer
		s := New(&out, Options{})
		if err := s.Run(Input{Lines: ReaderLines(strings.NewReader(script)), File: "<stdin>", Numbered: true}); err != nil {
			t.Fatalf("loop: %v", err)
		}
		if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			t.Fatalf("output does not end a line: %q", out.String())
		}
	})
}
