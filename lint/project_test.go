package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeTree writes files (slash paths relative to a new directory) and
// returns the directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
	return root
}

// composerProject is a synthetic project in the shape Composer gives one
// (docs/ors.md §5, §11): the generated IPD loads include/lib.js and pulls
// in the workflow's generated SCXML, which declares a variable of its own;
// the workflow diagram is the source of that SCXML.
var composerProject = map[string]string{
	".project":       "<projectDescription/>",
	"include/lib.js": "function routeTo(target) { return target; }\nvar libDefault = 'sales';\n",
	"src-gen/IPD_default_MainWorkflow.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude" initial="g">
	<script><xi:include href="../include/lib.js" parse="text"/></script>
	<state id="g"><datamodel><data id="vipThreshold" expr="3"/></datamodel>
		<state id="MainWorkflow"><xi:include href="Main.scxml" parse="xml" resolveid="MainWorkflow" xpointer="_composer_entry"/></state>
		<transition event="application.exit" cond="mainTier != 'vip'"/>
	</state>
</scxml>`,
	"src-gen/Main.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
	<state id="_composer_entry">
		<onentry><script>var mainTier = 'standard';</script></onentry>
		<transition event="e" cond="routeTo(libDefault) == 'sales' &amp;&amp; system.CallCount > vipThreshold &amp;&amp; vipTreshold"/>
	</state>
</scxml>`,
	"Workflows/Main.workflow": `<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><ird:StrategyDiagram xmlns:ird="http://studio.genesyslab.com/ird/" name="Main"><blocks name="Check"><conditions name="c" expression="routeTo(libDefault) == mainTier || undeclaredThing"/></blocks></ird:StrategyDiagram></xmi:XMI>`,
}

// unknownNames lists the C201 findings as "file name".
func unknownNames(t *testing.T, root string, fs []FileFinding) []string {
	out := []string{}
	for _, f := range fs {
		if f.Code == "C201" {
			rel, err := filepath.Rel(root, f.File)
			require.NoError(t, err)
			out = append(out, filepath.ToSlash(rel)+" "+string(f.Source.Data[f.Start.Offset:f.End.Offset]))
		}
	}
	return out
}

// Each document sees what the documents that include it declare (the
// IPD's script file and <data>), and what the documents it includes
// declare; a diagram sees what its generated SCXML sees. A misspelt name
// is still reported, in the whole project and in a file linted alone.
func TestPathProjectDeclarations(t *testing.T) {
	root := writeTree(t, composerProject)
	want := []string{"Workflows/Main.workflow undeclaredThing", "src-gen/Main.scxml vipTreshold"}
	fs, _, err := Path(root, nil)
	require.NoError(t, err)
	assert.Equal(t, want, unknownNames(t, root, fs))

	for alone, own := range map[string][]string{"src-gen/Main.scxml": want[1:], "Workflows/Main.workflow": want[:1]} {
		fs, _, err = Path(filepath.Join(root, filepath.FromSlash(alone)), nil)
		require.NoError(t, err)
		assert.Equal(t, own, unknownNames(t, root, fs), "%s linted alone finds its IPD", alone)
	}
}

// A workflow whose IPD the repository does not hold (the interaction
// process names it in a workflow block, but its IPD_*.scxml was not
// generated or not committed) still runs under one that loads the
// project's include scripts: it sees what the project's IPDs declare
// themselves, not what the other workflows they include declare. Shape of:
// scmcdev/CRD_GVP_WF 21293985 src-gen/Survey.scxml, whose Script blocks
// call an include/user function; synthetic here.
func TestPathWorkflowWithoutItsIPD(t *testing.T) {
	files := map[string]string{}
	for name, src := range composerProject {
		files[name] = src
	}
	files["src-gen/Survey.scxml"] = `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
	<state id="_composer_entry">
		<onentry><script>var surveyPayload = new Object();</script></onentry>
		<transition event="e" cond="routeTo(libDefault) == mainTier &amp;&amp; surveyPaylaod"/>
	</state>
</scxml>`
	root := writeTree(t, files)
	fs, _, err := Path(root, nil)
	require.NoError(t, err)
	want := []string{"src-gen/Main.scxml vipTreshold", "src-gen/Survey.scxml mainTier", "src-gen/Survey.scxml surveyPaylaod"}
	assert.Equal(t, append([]string{"Workflows/Main.workflow undeclaredThing"}, want...), unknownNames(t, root, fs))

	fs, _, err = Path(filepath.Join(root, "src-gen", "Survey.scxml"), nil)
	require.NoError(t, err)
	assert.Equal(t, want[1:], unknownNames(t, root, fs), "linted alone")
}

// A workflow diagram whose generated SCXML the repository does not hold
// runs under an IPD all the same: like generated SCXML that no IPD
// includes, it sees what the project's IPDs declare themselves (their
// include scripts and data), not the other workflows' variables. Shape of:
// scmcdev/CRD_GVP_WF cd1623df Workflows/EndCallSurvey.workflow, whose
// ECMAScript blocks call include/user functions; synthetic here.
func TestPathDiagramWithoutItsSCXML(t *testing.T) {
	files := map[string]string{}
	for name, src := range composerProject {
		files[name] = src
	}
	files["Workflows/Survey.workflow"] = `<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><ird:StrategyDiagram xmlns:ird="http://studio.genesyslab.com/ird/" name="Survey"><blocks name="Entry1"><variables name="surveyPayload" value="undefined" type="User"/></blocks><blocks name="Check"><conditions name="c" expression="routeTo(libDefault) == mainTier &amp;&amp; surveyPaylaod &gt; vipThreshold"/></blocks></ird:StrategyDiagram></xmi:XMI>`
	root := writeTree(t, files)
	want := []string{"Workflows/Survey.workflow mainTier", "Workflows/Survey.workflow surveyPaylaod"}
	fs, _, err := Path(root, nil)
	require.NoError(t, err)
	assert.Equal(t, append(append([]string{"Workflows/Main.workflow undeclaredThing"}, want...), "src-gen/Main.scxml vipTreshold"), unknownNames(t, root, fs))

	fs, _, err = Path(filepath.Join(root, "Workflows", "Survey.workflow"), nil)
	require.NoError(t, err)
	assert.Equal(t, want, unknownNames(t, root, fs), "linted alone")
}

// Without a project around it, a workflow's SCXML sees only itself: the
// names its IPD would give it are not declared.
func TestPathWithoutProject(t *testing.T) {
	root := writeTree(t, map[string]string{"a/Main.scxml": composerProject["src-gen/Main.scxml"]})
	fs, _, err := Path(filepath.Join(root, "a", "Main.scxml"), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"a/Main.scxml routeTo", "a/Main.scxml libDefault", "a/Main.scxml vipThreshold", "a/Main.scxml vipTreshold"}, unknownNames(t, root, fs))
}

// An include whose file is missing is reported at its href or src; a
// script file's syntax errors are reported once, at their place in that
// file, however many documents load it, and its functions still count for
// the documents when the rest of it parses… which a broken script does not.
func TestPathIncludeProblems(t *testing.T) {
	root := writeTree(t, map[string]string{
		".project":        "<projectDescription/>",
		"include/good.js": "function good() { return 1; }\n",
		"include/bad.js":  "function bad() {\n  return (1;\n}\n",
		"src-gen/IPD_a.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude">
<script><xi:include href="../include/good.js" parse="text"/></script>
<script><xi:include href="../include/bad.js" parse="text"/></script>
<script src="../include/gone.js"/>
<state id="w"><xi:include href="Gone.scxml" parse="xml"/><transition event="e" cond="good() &amp;&amp; bad()"/></state></scxml>`,
		"src-gen/IPD_b.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude">
<script><xi:include href="../include/bad.js" parse="text"/></script>
<state id="w"><xi:include href="http://example.com/remote.scxml"/></state></scxml>`,
	})
	fs, _, err := Path(root, nil)
	require.NoError(t, err)
	var got []string
	for _, f := range fs {
		rel, err := filepath.Rel(root, f.File)
		require.NoError(t, err)
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s", filepath.ToSlash(rel), f.Start.Line, f.Start.Column, f.Code, f.Message))
	}
	assert.Equal(t, []string{
		"include/bad.js:3:1 C102 unexpected '}': expected ')' to close '(' opened at 2:10",
		"src-gen/IPD_a.scxml:4:14 C215 the included script " + filepath.FromSlash(filepath.Join(root, "include/gone.js")) + " does not exist",
		"src-gen/IPD_a.scxml:5:33 C215 the included document " + filepath.FromSlash(filepath.Join(root, "src-gen/Gone.scxml")) + " does not exist",
		"src-gen/IPD_a.scxml:5:104 C201 'bad' is not declared",
	}, got)
}

// Composer runs on Windows, which ignores letter case: a workflow renamed
// from main to Main keeps its generated src-gen/main.scxml, which the IPD
// includes as Main.scxml. The project is read as Windows reads it — the
// workflow sees the IPD's include script and data, the diagram finds its
// generated SCXML (and --fix finds the diagram) — and each name that
// differs from its file's only in case is reported, for a server with
// case-sensitive names. Shape of: scmcdev/CRD_GVP_WF cd1623df
// src-gen/IPD_default_Main3Workflow.scxml, src-gen/main3.scxml and
// Workflows/Main3.workflow; synthetic here.
func TestPathNamesThatDifferInCase(t *testing.T) {
	files := map[string]string{}
	for name, src := range composerProject {
		files[name] = src
	}
	files["src-gen/main.scxml"] = files["src-gen/Main.scxml"]
	delete(files, "src-gen/Main.scxml")
	files["include/Lib.js"] = files["include/lib.js"]
	delete(files, "include/lib.js")
	root := writeTree(t, files)
	if _, err := os.Stat(filepath.Join(root, "SRC-GEN")); err == nil {
		t.Skip("the file system ignores letter case")
	}

	fs, _, err := Path(root, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"Workflows/Main.workflow undeclaredThing", "src-gen/main.scxml vipTreshold"}, unknownNames(t, root, fs))
	var got []string
	for _, f := range fs {
		if f.Code == CodeInclude {
			got = append(got, fmt.Sprintf("%d:%d %s (%s)", f.Start.Line, f.Start.Column, f.Message, f.Suggestion))
		}
	}
	ipd := filepath.Join(root, "src-gen")
	assert.Equal(t, []string{
		"2:28 the included script " + filepath.Join(root, "include", "lib.js") + " is there only as Lib.js: a server whose file names are case-sensitive cannot load it (write the name as the file has it, or rename the file)",
		"4:46 the included document " + filepath.Join(ipd, "Main.scxml") + " is there only as main.scxml: a server whose file names are case-sensitive cannot load it (write the name as the file has it, or rename the file)",
	}, got)
	assert.Equal(t, filepath.Join(root, "Workflows", "Main.workflow"), GeneratedFrom(filepath.Join(ipd, "main.scxml")))
}

// A Composer stock subroutine template reads args_, which its caller
// supplies, and uses $$_MY_PREFIX_$$, which Composer replaces when it copies
// the template into a workflow: neither is a finding there. Anywhere else
// they still are, and a misspelling in a template still is.
func TestSubroutineTemplate(t *testing.T) {
	const template = `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="$$_MY_PREFIX_$$.call">
<state id="$$_MY_PREFIX_$$.call">
	<onentry><log expr="'calling ' + args_.url"/><send eventexpr="'$$_MY_PREFIX_$$.timeout'" delayexpr="args_.timeout"/></onentry>
	<transition event="error" cond="args_.retries &gt; 0 &amp;&amp; arg_.x" target="$$_MY_PREFIX_$$.done"/>
</state>
<final id="$$_MY_PREFIX_$$.done"/>
</scxml>`
	assert.Equal(t, []string{"4:66-4:70 C201 arg_"}, lintString(t, "src/subRoutines/Call.scxml", template))

	const handWritten = `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s">
	<onentry><send eventexpr="'$$_MY_PREFIX_$$.timeout'"/></onentry>
	<transition event="error" cond="args_.retries &gt; 0"/></state></scxml>`
	assert.Equal(t, []string{"2:29-2:44 C212 $$_MY_PREFIX_$$", "3:34-3:39 C201 args_"}, lintString(t, "a.scxml", handWritten))
}
