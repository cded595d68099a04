package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyTree copies a directory of test files into a temporary one, so that
// fixing them leaves the repository as it is.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	require.NoError(t, os.CopyFS(to, os.DirFS(from)))
	return to
}

// dispatchOne dispatches one example event to a handler set and returns
// what dispatch prints.
func dispatchOne(t *testing.T, handlers, event string) string {
	t.Helper()
	code, out, errOut := runCLI("dispatch", "--handlers", handlers, "--event", "../../examples/events/"+event, "--system", exampleSystem)
	require.Equal(t, 0, code, errOut)
	return out
}

// The seed's story: an IPD as Composer 8.1.400.19 left it ends the session
// on interaction.notcontrolled, so a switchover (resultof revoking) loses
// the interaction. lint finds it, --diff shows the upgrade, --fix
// --unsafe-fixes makes it; afterwards a revoking no longer ends the
// session, a deletion still does, and interaction.present is handled.
func TestLintFixUpgradesAComposer8140019IPD(t *testing.T) {
	dir := copyTree(t, "testdata/upgrade")
	ipd := filepath.Join(dir, "Interaction Processes", "default.ixnprocess")
	gen := filepath.Join(dir, "src-gen", "IPD_default_Workflow.scxml")
	ipdBefore, genBefore := readFile(t, ipd), readFile(t, gen)

	code, out, _ := runCLI("lint", dir)
	assert.Equal(t, 0, code, "warnings only")
	assert.Contains(t, out, "[C209]")
	assert.Contains(t, out, "[C207]")

	assert.Contains(t, dispatchOne(t, ipd, "notcontrolled-revoking.json"), "fires    interaction not controlled")
	assert.Contains(t, dispatchOne(t, ipd, "notcontrolled-revoking.json"), "(ends the session)", "before: a switchover ends the session")

	code, _, errOut := runCLI("lint", "--fix", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "fixed 0 findings in 0 files", "every fix of the upgrade is unsafe")
	assert.Equal(t, ipdBefore, readFile(t, ipd))

	code, out, errOut = runCLI("lint", "--fix", "--unsafe-fixes", "--diff", dir)
	assert.Equal(t, 1, code, "there is something to fix")
	assert.Contains(t, out, "--- "+ipd+"\n+++ "+ipd+"\n")
	assert.Contains(t, out, `+    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="_`)
	assert.Contains(t, out, `name="interaction re-queued" event="interaction.present" condition="_event.data.interactionid == _data.system.context.InteractionID"`)
	assert.Contains(t, out, `condition="_event.data.interactionid == _data.system.context.InteractionID &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion')"`)
	assert.NotContains(t, out, "+++ "+gen, "the generated SCXML is fixed by generating it again")
	assert.Contains(t, errOut, gen+": not fixed: Composer generates it from "+ipd)
	assert.Contains(t, errOut, "would fix 3 findings in 1 file")
	assert.Equal(t, ipdBefore, readFile(t, ipd), "--diff writes nothing")

	code, out, errOut = runCLI("lint", "--fix", "--unsafe-fixes", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "fixed 3 findings in 1 file")
	assert.NotContains(t, out, ipd, "nothing left in the IPD")
	assert.Contains(t, out, gen, "the generated SCXML still has its findings")
	assert.Equal(t, genBefore, readFile(t, gen))
	fixed := readFile(t, ipd)

	revoked := dispatchOne(t, ipd, "notcontrolled-revoking.json")
	assert.Contains(t, revoked, "no handler fires", "after: a switchover keeps the session")
	deleted := dispatchOne(t, ipd, "notcontrolled-deletion.json")
	assert.Contains(t, deleted, "fires    interaction not controlled")
	assert.Contains(t, deleted, "(ends the session)", "after: a deletion still ends it")
	assert.Contains(t, dispatchOne(t, ipd, "present.json"), "fires    interaction re-queued")

	code, _, errOut = runCLI("lint", "--fix", "--unsafe-fixes", ipd)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "fixed 0 findings in 0 files")
	assert.Equal(t, fixed, readFile(t, ipd), "a second --fix changes nothing")

	// --fix-generated patches the generated SCXML the same way, and the
	// interpreter agrees: revoking, then present, then a deletion.
	events := filepath.Join(dir, "switchover.ndjson")
	_, before, _ := runCLI("simulate", gen, "--system", exampleSystem, "--events", events)
	assert.Equal(t, 3, strings.Count(before, "configuration: _composer_global_exit"), "before: the revoking ends the session:\n%s", before)

	code, _, errOut = runCLI("lint", "--fix", "--unsafe-fixes", "--fix-generated", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "fixed 3 findings in 1 file")
	assert.Equal(t, fixed, readFile(t, ipd))
	_, after, _ := runCLI("simulate", gen, "--system", exampleSystem, "--events", events)
	steps := strings.Split(after, "[0ms] event ")
	require.Len(t, steps, 4, after)
	assert.Contains(t, steps[1], "configuration: _composer_application _composer_event_handler", "after: revoking keeps the session")
	assert.Contains(t, steps[2], "log   session1: interaction re-queued")
	assert.Contains(t, steps[3], "done: _composer_global_exit", "after: a deletion ends it")
}

// The example IPD's own not-controlled handler ends the session on any
// reason; fixed, a revoking no longer ends it and a deletion still does.
func TestLintFixExampleIPD(t *testing.T) {
	dir := copyTree(t, "../../examples")
	ipd := filepath.Join(dir, "ipd", "default.ixnprocess")
	assert.Contains(t, dispatchOne(t, ipd, "notcontrolled-revoking.json"), "(ends the session)")

	code, _, errOut := runCLI("lint", "--fix", "--unsafe-fixes", ipd)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "fixed 3 findings in 1 file", "the missing ')', the resultof filter and the misspelt event")

	assert.Contains(t, dispatchOne(t, ipd, "notcontrolled-revoking.json"), "no handler fires")
	deleted := dispatchOne(t, ipd, "notcontrolled-deletion.json")
	assert.Contains(t, deleted, "fires    interaction not controlled")
	assert.Contains(t, deleted, "(ends the session)")
}

func TestLintFixReportsWhatIsLeftAndExitsAsLint(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.cond")
	require.NoError(t, os.WriteFile(list, []byte("(a == 1\nsystem.ANI = '1'\n(a ?? b)\n"), 0o640))

	code, out, errOut := runCLI("lint", "--fix", list)
	assert.Equal(t, 1, code, "error-level findings are left")
	assert.Contains(t, errOut, "fixed 1 finding in 1 file")
	assert.Equal(t, "(a == 1)\nsystem.ANI = '1'\n(a ?? b)\n", readFile(t, list), "only the safe fix")
	assert.Contains(t, out, list+":2:12: error: '=' assigns to system.ANI")
	assert.Contains(t, out, list+":3:4: error: nullish coalescing")
	info, err := os.Stat(list)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm(), "the file keeps its permissions")

	code, out, errOut = runCLI("lint", "--fix", "--unsafe-fixes", "--format", "json", list)
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, errOut, "fixed 1 finding in 1 file")
	assert.Contains(t, out, `"code": "C110"`)
	assert.NotContains(t, out, `"code": "C204"`)

	code, _, errOut = runCLI("lint", "--diff", list)
	assert.Equal(t, 0, code, "nothing left to fix: --diff passes")
	assert.Contains(t, errOut, "would fix 0 findings in 0 files")

	code, _, errOut = runCLI("lint", "--fix", "-e", "a = 1")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "give paths, not -e")
}

// A file that cannot be written is left as it was and reported; the run
// goes on and exits 2, as lint does for an I/O error.
func TestLintFixLeavesAnUnwritableFileUntouched(t *testing.T) {
	dir := t.TempDir()
	// Long enough that the temporary file beside it has too long a name.
	long := filepath.Join(dir, strings.Repeat("l", 245)+".cond")
	other := filepath.Join(dir, "b.cond")
	for _, f := range []string{long, other} {
		require.NoError(t, os.WriteFile(f, []byte("(a == 1\n"), 0o644))
	}
	code, out, errOut := runCLI("lint", "--fix", dir)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, long+": not fixed: ")
	assert.Equal(t, "(a == 1\n", readFile(t, long))
	assert.Equal(t, "(a == 1)\n", readFile(t, other))
	assert.Contains(t, errOut, "fixed 1 finding in 1 file")
	assert.Empty(t, out)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file is left behind")
}

// A fix whose text would not read is refused: the file stays as it was and
// the run says why.
func TestLintFixRefusesATextThatWouldNotRead(t *testing.T) {
	dir := t.TempDir()
	ipd := filepath.Join(dir, "default.ixnprocess")
	// A handler body in single quotes: the fixed 'deletion' would end it.
	src := `<ipd:IpdDiagram xmlns:ipd="i"><events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deletion'" body='&lt;if cond=&quot;_event.data.resultof == &apos;deleted&apos;&quot;/>' target="false"/></ipd:IpdDiagram>` + "\n"
	require.NoError(t, os.WriteFile(ipd, []byte(src), 0o644))
	code, out, errOut := runCLI("lint", "--fix", "--unsafe-fixes", ipd)
	assert.Equal(t, 0, code, "warnings only")
	assert.Contains(t, errOut, ipd+": not fixed: the fixed text would not read")
	assert.Contains(t, out, "[C203]")
	assert.Equal(t, src, readFile(t, ipd))
}

func TestLintFormatGitHub(t *testing.T) {
	code, out, _ := runCLI("lint", "--format", "github", "-e", "system.ANI = '1'")
	assert.Equal(t, 1, code)
	assert.Equal(t, "::error file=<expr>,line=1,col=12,endLine=1,endColumn=13,title=C204::'=' assigns to system.ANI; a condition should compare (use '==' to compare)\n", out)

	inRepo(t, func() { code, out, _ = runCLI("lint", "--format", "github", "examples/workflows/Main.workflow") })
	assert.Contains(t, out, "::warning file=examples/workflows/Main.workflow,line=12,col=255,endLine=12,endColumn=264,title=C203::'deleted' is not a value of _event.data.resultof (detaching, deletion, routing, revoking) (did you mean 'deletion'?)\n")

	odd := filepath.Join(t.TempDir(), "a,b%.cond")
	require.NoError(t, os.WriteFile(odd, []byte("_event.data.resultof == 'deleted'\n"), 0o644))
	_, out, _ = runCLI("lint", "--format", "github", odd)
	assert.Contains(t, out, "::warning file="+strings.ReplaceAll(filepath.Dir(odd), ":", "%3A")+"/a%2Cb%25.cond,line=1,col=25,")
}

func TestUnifiedDiff(t *testing.T) {
	a := "l1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\nl9\r\nl10\r\nl11\r\nl12"
	b := "l1\r\nL2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\nl9\r\nl10\r\nl11\r\nl12\r\nl13\r\n"
	assert.Equal(t, "--- f\n+++ f\n"+
		"@@ -1,5 +1,5 @@\n l1\r\n-l2\r\n+L2\r\n l3\r\n l4\r\n l5\r\n"+
		"@@ -9,4 +9,5 @@\n l9\r\n l10\r\n l11\r\n-l12\n\\ No newline at end of file\n+l12\r\n+l13\r\n",
		unifiedDiff("f", []byte(a), []byte(b)))
	assert.Empty(t, unifiedDiff("f", []byte(a), []byte(a)))
	assert.Equal(t, "--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n", unifiedDiff("f", nil, []byte("x\n")))
}
