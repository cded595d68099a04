package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSimulateJSON(t *testing.T) {
	var code int
	var out, errOut string
	inRepo(t, func() {
		code, out, errOut = runCLI("simulate", "--format", "json", "--genesys", "examples/scenarios/genesys.json",
			"--events", "examples/events/session.ndjson", "examples/src-gen/IPD_default_defaultWorkflow.scxml")
	})
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4) // start-up and three events
	var recs []map[string]any
	for _, l := range lines {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		recs = append(recs, r)
	}
	assert.Nil(t, recs[0]["event"])
	assert.Equal(t, []any{"_composer_init", "_composer_event_handler"}, recs[0]["configuration"])
	assert.Equal(t, "interaction.added", recs[1]["event"])
	effects := recs[1]["effects"].([]any)
	require.Len(t, effects, 1)
	assert.Equal(t, "queue:submit", effects[0].(map[string]any)["action"])
	assert.Equal(t, 5000.0, recs[2]["time"])
	assert.Equal(t, true, recs[2]["done"])
	assert.Equal(t, "_composer_global_exit", recs[2]["final"])
}

func TestSimulateBadInput(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"><transition target="b"/></state></scxml>`), 0o600))
	code, _, errOut := runCLI("simulate", doc)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `a.scxml:1:`)
	assert.Contains(t, errOut, `no state has the id "b"`)

	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"/></scxml>`), 0o600))
	events := filepath.Join(dir, "e.ndjson")
	require.NoError(t, os.WriteFile(events, []byte("{\"name\":\"x\"}\nnot json\n"), 0o600))
	code, out, errOut := runCLI("simulate", "--events", events, doc)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "e.ndjson:2:2: invalid JSON")
	assert.Contains(t, out, "[0ms] event x")
}

func TestSimulateSettle(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml">
		<state id="a"><onentry><send event="later" delay="5s"/></onentry><transition event="later" target="b"/></state>
		<state id="b"/></scxml>`), 0o600))
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{`"time":0,"configuration":["a"]`}},
		{[]string{"--settle"}, []string{`"time":0,"configuration":["a"]`, `"time":5000,"configuration":["b"]`}},
	} {
		code, out, errOut := runCLI(append(append([]string{"simulate", "--format", "json"}, tc.args...), doc)...)
		require.Equal(t, exitOK, code, errOut)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		require.Len(t, lines, len(tc.want), out)
		for i, w := range tc.want {
			assert.Contains(t, lines[i], w)
		}
	}
}

func TestTestExamples(t *testing.T) {
	var code int
	var out string
	inRepo(t, func() { code, out, _ = runCLI("test", "examples/") })
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "3 scenarios, 0 failed")
}

func TestTestFailureShowsDiff(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.scxml"), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml">
		<state id="a"><transition event="go" target="b"/></state><state id="b"/></scxml>`), 0o600))
	sc := filepath.Join(dir, "a.scenario.yaml")
	require.NoError(t, os.WriteFile(sc, []byte("document: a.scxml\nsteps:\n  - event: {name: go}\n    expect: {configuration: [a]}\n"), 0o600))
	code, out, _ := runCLI("test", sc)
	assert.Equal(t, exitFalse, code)
	assert.Contains(t, out, "FAIL  "+sc)
	assert.Contains(t, out, "step 1 (go): configuration\n    want: [a]\n    got:  [b]")

	code, out, _ = runCLI("test", "--format", "junit", sc)
	assert.Equal(t, exitFalse, code)
	assert.Contains(t, out, `<testsuite name="condeval test" tests="1" failures="1" errors="0">`)

	require.NoError(t, os.WriteFile(sc, []byte("document: a.scxml\nstep: []\n"), 0o600))
	code, out, _ = runCLI("test", sc)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, `a.scenario.yaml:2:1: unknown key "step"`)
}

func TestSimulateConditionThatDoesNotCompile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		doc     string
		code    int
		out     []string // each is in stdout
		errOut  []string // each is in stderr, once
		missing []string // none is in stdout
	}{
		{"an eventless transition loops on its error.execution until the limit stops the session",
			`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="a">
  <state id="a">
    <transition cond="x == (" target="b"/>
  </state>
  <state id="b"/>
</scxml>`, exitFalse,
			[]string{"… (repeated 10001 times)", "[error.limit]", "  stopped\n"},
			[]string{"d.scxml:3:29: error: missing ')' to close '(' opened at 3:28 [C101]"},
			[]string{"done: \n"}},
		{"a handler's condition that does not compile is reported once, and the session goes on",
			`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="a">
  <state id="a">
    <transition event="go" cond="x ==" target="b"/>
  </state>
  <state id="b"/>
</scxml>`, exitOK,
			[]string{"configuration: a\n"},
			[]string{"d.scxml:3:"},
			[]string{"repeated", "stopped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := filepath.Join(dir, "d.scxml")
			require.NoError(t, os.WriteFile(doc, []byte(tt.doc), 0o600))
			code, out, errOut := runCLI("simulate", doc)
			assert.Equal(t, tt.code, code, errOut)
			for _, s := range tt.out {
				assert.Contains(t, out, s)
			}
			for _, s := range tt.errOut {
				assert.Equal(t, 1, strings.Count(errOut, s), errOut)
			}
			for _, s := range tt.missing {
				assert.NotContains(t, out, s)
			}
		})
	}
}

func TestSimulateGlobalHoldingCommas(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "d.scxml")
	require.NoError(t, os.WriteFile(doc, []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
  <state id="a"><onentry><log expr="Foo.a + Foo.b"/></onentry></state>
</scxml>`), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a JSON object with several fields", []string{"--global", `Foo={"a":1,"b":2}`}, "log   3"},
		{"the flag given twice", []string{"--global", `Foo={"a":"x,y","b":2}`, "--global", "Bar=[1,2]"}, "log   x,y2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(append([]string{"simulate", doc}, tt.args...)...)
			require.Equal(t, exitOK, code, errOut)
			assert.Contains(t, out, tt.want)
		})
	}
}

func TestTestCountsScenarios(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"one", []string{"routed.scenario.yaml"}, "1 scenario, 0 failed\n"},
		{"two", []string{"routed.scenario.yaml", "switchover-ends-session.scenario.yaml"}, "2 scenarios, 0 failed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			for _, f := range tt.files {
				args = append(args, filepath.Join("../../examples/scenarios", f))
			}
			code, out, errOut := runCLI(append([]string{"test"}, args...)...)
			assert.Equal(t, exitOK, code, errOut)
			assert.True(t, strings.HasSuffix(out, tt.want), out)
		})
	}
}
