package lint

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/scxml"
)

// A file linted on its own, as an editor lints the text it shows, sees
// the project around it as condeval lint does: what the IPD above it loads
// and declares.
func TestFileSeesTheProjectAroundIt(t *testing.T) {
	root := writeTree(t, composerProject)
	for _, name := range []string{"src-gen/Main.scxml", "Workflows/Main.workflow"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(name))
			cli, _, err := Path(path, nil)
			require.NoError(t, err)
			f, err := scxml.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, unknownNames(t, root, cli), unknownNames(t, root, File(f, Config{})))
			assert.Equal(t, unknownNames(t, root, cli), unknownNames(t, root, NewWorkspace().File(f, Config{})))
		})
	}
}

// A file at the root of its project is read in its project too: linted
// alone, with the root, and by File.
func TestFileAtTheProjectRoot(t *testing.T) {
	root := writeTree(t, map[string]string{
		"include/lib.js": "function routeTo(target) { return target; }\n",
		"ipd.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude" initial="g">
	<script src="include/lib.js"/>
	<state id="g"><xi:include href="main.scxml" parse="xml" xpointer="_composer_entry"/></state>
</scxml>`,
		"main.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
	<state id="_composer_entry"><transition event="e" cond="routeTo('x') == 'x' &amp;&amp; rootTo('x')"/></state>
</scxml>`,
	})
	main := filepath.Join(root, "main.scxml")
	want := []string{"main.scxml rootTo"}
	for _, path := range []string{main, root} {
		fs, _, err := Path(path, nil)
		require.NoError(t, err)
		assert.Equal(t, want, unknownNames(t, root, fs), "condeval lint %s", path)
	}
	f, err := scxml.ReadFile(main)
	require.NoError(t, err)
	assert.Equal(t, want, unknownNames(t, root, File(f, Config{})))
}

// A Workspace reads the project once, and a file again when it changes.
func TestWorkspaceReadsAChangedFileAgain(t *testing.T) {
	root := writeTree(t, composerProject)
	f, err := scxml.ReadFile(filepath.Join(root, "src-gen", "Main.scxml"))
	require.NoError(t, err)
	ws := NewWorkspace()
	misspelt := []string{"src-gen/Main.scxml vipTreshold"}
	assert.Equal(t, misspelt, unknownNames(t, root, ws.File(f, Config{})))

	lib := filepath.Join(root, "include", "lib.js")
	require.NoError(t, os.WriteFile(lib, []byte("function routeToQueue(target) { return target; }\nvar libDefault = 'sales';\n"), 0o644))
	assert.Equal(t, []string{"src-gen/Main.scxml routeTo", "src-gen/Main.scxml vipTreshold"}, unknownNames(t, root, ws.File(f, Config{})),
		"the include script's function was renamed")

	ipd := filepath.Join(root, "src-gen", "IPD_default_MainWorkflow.scxml")
	require.NoError(t, os.Remove(ipd))
	assert.Equal(t, []string{"src-gen/Main.scxml routeTo", "src-gen/Main.scxml libDefault", "src-gen/Main.scxml vipThreshold", "src-gen/Main.scxml vipTreshold"},
		unknownNames(t, root, ws.File(f, Config{})), "the IPD is gone: nothing loads the script or declares the data")

	require.NoError(t, os.WriteFile(ipd, []byte(composerProject["src-gen/IPD_default_MainWorkflow.scxml"]), 0o644))
	require.NoError(t, os.WriteFile(lib, []byte(composerProject["include/lib.js"]), 0o644))
	assert.Equal(t, misspelt, unknownNames(t, root, ws.File(f, Config{})), "and back")
}

// A document added to the project is looked for after Changed, as the
// language server calls it when a file is saved or changes on disk.
func TestWorkspaceLooksForNewDocumentsAfterChanged(t *testing.T) {
	files := maps.Clone(composerProject)
	ipd := files["src-gen/IPD_default_MainWorkflow.scxml"]
	delete(files, "src-gen/IPD_default_MainWorkflow.scxml")
	root := writeTree(t, files)
	f, err := scxml.ReadFile(filepath.Join(root, "src-gen", "Main.scxml"))
	require.NoError(t, err)
	ws := NewWorkspace()
	orphan := unknownNames(t, root, ws.File(f, Config{}))
	assert.Contains(t, orphan, "src-gen/Main.scxml routeTo", "no IPD loads the script")

	require.NoError(t, os.WriteFile(filepath.Join(root, "src-gen", "IPD_default_MainWorkflow.scxml"), []byte(ipd), 0o644))
	assert.Equal(t, orphan, unknownNames(t, root, ws.File(f, Config{})), "not looked for yet")
	ws.Changed()
	assert.Equal(t, []string{"src-gen/Main.scxml vipTreshold"}, unknownNames(t, root, ws.File(f, Config{})))
}

// Documents linted at once through one Workspace, as a language server
// lints the documents of several editors, while a file of the project is
// rewritten: each gets its own findings.
func TestWorkspaceIsSafeForConcurrentUse(t *testing.T) {
	root := writeTree(t, composerProject)
	want := map[string][]string{
		"src-gen/Main.scxml":                     {"src-gen/Main.scxml vipTreshold"},
		"Workflows/Main.workflow":                {"Workflows/Main.workflow undeclaredThing"},
		"src-gen/IPD_default_MainWorkflow.scxml": {},
	}
	files := map[string]*scxml.File{}
	for name := range want {
		f, err := scxml.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		require.NoError(t, err)
		files[name] = f
	}
	ws := NewWorkspace()
	type result struct {
		name  string
		found []FileFinding
	}
	done := make(chan result)
	const rounds = 8
	for i := range rounds {
		for name, f := range files {
			go func() { done <- result{name, ws.File(f, Config{})} }()
		}
		if i == rounds/2 {
			lib := filepath.Join(root, "include", "lib.js")
			require.NoError(t, os.WriteFile(lib, []byte(composerProject["include/lib.js"]+"\n"), 0o644))
			ws.Changed()
		}
	}
	for range rounds * len(files) {
		r := <-done
		assert.Equal(t, want[r.name], unknownNames(t, root, r.found), r.name)
	}
}
