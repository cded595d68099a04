package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goInternals are what a message must never show: a Go type or package
// name, a decoder's words for Go values, YAML's tags.
var goInternals = regexp.MustCompile(`\b(main|scxml|lint|statechart|runtime|batch|repl|cond|builtins|scenario|stream|kong|goja|yaml|json)\.[A-Za-z]` +
	`|Go (value|struct)|struct field|\*[a-z]+\.[A-Z]|map\[|interface ?\{|\[\](string|int|any)|!!(str|seq|map|int|bool|null|float)|(^|\s)json: |yaml: |reflect\.`)

// fileNames are the file names in a message, which may hold any word.
var fileNames = regexp.MustCompile(`[\w./-]+\.(json|ndjson|yaml|yml|scxml|ixnprocess|cond|txt)\b`)

// badInputs are files with something wrong, as users write them.
var badInputs = map[string]string{
	"array.json":             `[1, 2]`,
	"broken.json":            `{"name": "x",`,
	"number-name.json":       `{"name": 1, "data": "x"}`,
	"events.ndjson":          "{\"name\": 1}\n[1]\n{\"name\":\"x\",\"data\":{\"resultof\":\"revoking\"}}\nnul\n{\"after\": \"soon\"}\n",
	"cases.ndjson":           "[1]\n{\"cond\": 1}\n{\"event\": [1]}\n{\"states\": \"s1\"}\n{\"globals\": 3}\n{\"id\":\n{\"cond\": \"true\", \"frob\": 1}\n{\"id\": {\"a\": 1}, \"cond\": \"true\"}\n",
	"types.yaml":             "handlers:\n  - {name: [1], event: x}\n",
	"bool.yaml":              "handlers:\n  - {name: a, event: x, enabled: maybe}\n",
	"key.yaml":               "handlers:\n  - {name: a, evnt: x}\n",
	"top.yaml":               "handler: []\n",
	"list.yaml":              "- a\n- b\n",
	"handlers.json":          `{"handlers": [{"name": "a", "event": "x", "ends": "yes"}]}`,
	"bad.scxml":              `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition cond="a &amp;&amp (b"/></state>`,
	"bad.scenario.yaml":      "document: 3\nsteps: {a: 1}\n",
	"frob.scenario.yaml":     "documnt: x.scxml\n",
	"config/.condeval.yaml":  "disabel: [C206]\n",
	"config/a.cond":          "a == 1\n",
	"config2/.condeval.yaml": "severity: [C201]\ndisable: {a: 1}\n",
	"config2/a.cond":         "a == 1\n",
	"config3/.condeval.yaml": "severity: {C201: 3}\n",
	"config3/a.cond":         "a = 1\n",
	"config4/.condeval.yaml": "disable: [C206\n",
	"config4/a.cond":         "a == 1\n",
	"syntax.yaml":            "handlers:\n  - name: a\n    event: x\n   cond: y\n",
	"trailing.json":          `{"handlers": [{"name": "a", "event": "x"},]}`,
	"syntax.scenario.yaml":   "document: [a.scxml\n",
	"repl.txt":               ":set _event.data.resultof = deletion\n:event [1]\n:system 3\n:load nowhere.txt\n:frob\n:set system.ANI = {\n:set = 1\n:unset nothing.here\n:state\n",
}

// Every command over the bad-input corpus: whatever it says, it says in
// the user's words, never in Go's.
func TestMessagesHaveNoGoInternals(t *testing.T) {
	dir := t.TempDir()
	for name, text := range badInputs {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	f := func(name string) string { return filepath.Join(dir, name) }
	ipd := "../../examples/ipd/default.ixnprocess"
	doc := "../../examples/src-gen/IPD_default_defaultWorkflow.scxml"
	var lines [][]string
	for _, bad := range []string{"array.json", "broken.json", "number-name.json", "nowhere.json"} {
		lines = append(lines,
			[]string{"eval", "--event", f(bad), "true"},
			[]string{"eval", "--system", f(bad), "true"},
			[]string{"dispatch", "--handlers", ipd, "--event", f(bad)},
			[]string{"dispatch", "--handlers", ipd, "--event", f("number-name.json"), "--system", f(bad)},
			[]string{"simulate", doc, "--genesys", f(bad)},
			[]string{"repl", "--event", f(bad)},
		)
	}
	for _, h := range []string{"syntax.yaml", "trailing.json", "types.yaml", "bool.yaml", "key.yaml", "top.yaml", "list.yaml", "handlers.json", "bad.scxml", "array.json"} {
		lines = append(lines,
			[]string{"dispatch", "--handlers", f(h), "--event", f("number-name.json")},
			[]string{"lint", f(h)},
		)
	}
	lines = append(lines,
		[]string{"eval", "--global", "x=[1", "x"},
		[]string{"eval", "--global", "x", "x"},
		[]string{"eval", "--batch", "--stdin-file", f("cases.ndjson")},
		[]string{"dispatch", "--handlers", ipd, "--events", f("events.ndjson")},
		[]string{"dispatch", "--handlers", ipd, "--events", f("events.ndjson"), "--format", "json"},
		[]string{"dispatch", "--handlers", ipd, "--event", f("number-name.json"), "--state", "nowhere"},
		[]string{"simulate", doc, "--events", f("events.ndjson")},
		[]string{"simulate", f("bad.scxml")},
		[]string{"test", f("bad.scenario.yaml")},
		[]string{"test", f("frob.scenario.yaml")},
		[]string{"lint", f("config/a.cond")},
		[]string{"lint", f("config2/a.cond")},
		[]string{"lint", f("config3/a.cond")},
		[]string{"lint", f("config4/a.cond")},
		[]string{"lint", "--config", f("config4/.condeval.yaml"), "-e", "x"},
		[]string{"test", f("syntax.scenario.yaml")},
		[]string{"lint", "--config", f("config/.condeval.yaml"), "-e", "x"},
		[]string{"lint", "--severity", "C201", "-e", "x"},
		[]string{"lint", "--disable", "C999", "-e", "x"},
		[]string{"lint", "--format", "xml", "-e", "x"},
		[]string{"conformance", "--only", "nothing-"},
		[]string{"repl", "--stdin-file", f("repl.txt")},
		[]string{"eval", "--frob"},
		[]string{"help", "frob"},
	)
	for _, args := range lines {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdin := ""
			if len(args) > 2 && args[1] == "--stdin-file" || len(args) > 2 && args[2] == "--stdin-file" {
				i := indexOf(args, "--stdin-file")
				b, err := os.ReadFile(args[i+1])
				require.NoError(t, err)
				stdin, args = string(b), append(args[:i:i], args[i+2:]...)
			}
			_, out, errOut := runWithInput(t, stdin, args...)
			for _, line := range strings.Split(out+errOut, "\n") {
				assert.NotRegexp(t, goInternals, fileNames.ReplaceAllString(line, "FILE"))
			}
		})
	}
}
