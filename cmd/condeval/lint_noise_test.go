package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scxmlDoc wraps transitions and executable content in the shape of a
// Composer-generated workflow state (docs/ors.md §5, §7): written here,
// not copied from a project.
func scxmlDoc(body string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<scxml version="1.0" xmlns="http://www.w3.org/2005/07/scxml" initial="Main_Entry1">
	<state id="Main_Entry1">
` + body + `
	</state>
</scxml>
`
}

// lintFindings lints one file and returns "line:col CODE message" for each finding.
func lintFindings(t *testing.T, name, text string) []string {
	t.Helper()
	dir := writeProject(t, map[string]string{name: text})
	_, out, errOut := runCLI("lint", "--format", "json", dir)
	var got []jsonDiagnostic
	require.NoError(t, json.Unmarshal([]byte(out), &got), "%s%s", out, errOut)
	findings := []string{}
	for _, d := range got {
		findings = append(findings, itoa(d.Line)+":"+itoa(d.Column)+" "+d.Code+" "+d.Message)
	}
	return findings
}

// noiseCase is one workflow-state body and the findings lint must give it.
type noiseCase struct {
	name, body string
	want       []string
}

// checkNoise lints each case's body as a generated workflow.
func checkNoise(t *testing.T, tests []noiseCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, lintFindings(t, "Main.scxml", scxmlDoc(tc.body)))
		})
	}
}

// Names of the Composer/ORS runtime that generated code reads are declared.
func TestLintKnowsComposerRuntimeNames(t *testing.T) {
	checkNoise(t, []noiseCase{
		{"delayed event of this workflow", `		<transition event="Play1.wait.timeout" cond="_event.data.resolveid == _my_prefix" target="Main_Exit1"/>`, []string{}},
		{"raise from a script", `		<onentry><script>__Raise('application.exit');</script></onentry>`, []string{}},
		{"log from a script", `		<onentry><script>__Log(_event, 'Entry1', 3);</script></onentry>`, []string{}},
		{"a typo is still reported", `		<transition event="Play1.wait.timeout" cond="_event.data.resolveid == _my_prefx" target="Main_Exit1"/>`,
			[]string{"4:73 C201 '_my_prefx' is not declared"}},
	})
}

// The events of the Dialog module, which Composer's voice blocks wait for,
// are known; a misspelt one is still reported.
func TestLintKnowsTheDialogModuleEvents(t *testing.T) {
	checkNoise(t, []noiseCase{
		{"stop", `		<transition event="dialog.stop.done" cond="_event.data.requestid == App_Stop1['requestid']" target="Main_Exit1"/>`, []string{}},
		{"play and playsound", `		<transition event="dialog.play.done dialog.playsound.done" cond="_event.data.requestid == App_Play1['requestid']" target="Main_Exit1"/>`, []string{}},
		{"playandcollect", `		<transition event="dialog.playandcollect.done" cond="_event.data.digits == '1'" target="Main_Exit1"/>`, []string{}},
		{"collect", `		<transition event="dialog.collect.done" cond="_event.data.digits.length == 4" target="Main_Exit1"/>`, []string{}},
		{"request id", `		<transition event="dialog.playandcollect.requestid" cond="_event.data.requestid != ''"/>`, []string{}},
		{"failure", `		<transition event="error.dialog.stop" cond="_event.data.error == 'timeout'" target="Main_Exit1"/>`, []string{}},
		{"typo", `		<transition event="dialog.stopp.done" target="Main_Exit1"/>`,
			[]string{"4:22 C208 no event is called dialog.stopp.done"}},
	})
}

// _event.raw (Basic HTTP) and the <donedata> fields of done.invoke.* are no
// unknown fields, and get no "did you mean 'params'".
func TestLintReadsPayloadsTheDocumentDecides(t *testing.T) {
	checkNoise(t, []noiseCase{
		{"raw", `		<transition event="test" cond="_event.raw.search('POST') !== -1" target="Main_Exit1"/>`, []string{}},
		{"donedata of an invoked session", `		<transition event="done.invoke.child" cond="_event.data.param == 1 &amp;&amp; _event.data.aParam == 2" target="Main_Exit1"/>`, []string{}},
		{"a misspelt _event field", `		<transition event="test" cond="_event.nmae == 'test'" target="Main_Exit1"/>`,
			[]string{"4:41 C202 'nmae' is not a field of _event"}},
	})
}

// const in a <script> runs in ORS's SpiderMonkey: a portability warning
// that does not fail the lint, and the script's names are still declared.
func TestLintConstInAScriptIsAWarning(t *testing.T) {
	body := `		<onentry><script>const MAX_TRIES = 3;</script></onentry>
		<transition event="dialog.play.done" cond="MAX_TRIES &gt; 1" target="Main_Exit1"/>`
	dir := writeProject(t, map[string]string{"Main.scxml": scxmlDoc(body)})
	code, out, errOut := runCLI("lint", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Main.scxml:4:20: warning: const declaration is ES2015; ORS's SpiderMonkey accepts it, other ES5 engines do not [C111]")
	assert.NotContains(t, out, "C201")

	body = `		<onentry><script>let tries = 0;</script></onentry>`
	assert.Equal(t, []string{"4:20 C110 let declaration is ES2015; ORS evaluates ES5"}, lintFindings(t, "Main.scxml", scxmlDoc(body)))
}
