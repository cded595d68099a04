package lsp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/lint"
)

// A project in the shape Composer generates: the IPD under src-gen/ loads
// include/lib.js and pulls in the workflow's SCXML, which calls the
// script's function and misspells the IPD's <data>.
var project = map[string]string{
	"include/lib.js": "function routeTo(target) { return target; }\n",
	"src-gen/IPD_default_MainWorkflow.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude" initial="g">
	<script src="../include/lib.js"/>
	<state id="g"><datamodel><data id="vipThreshold" expr="3"/></datamodel>
		<state id="MainWorkflow"><xi:include href="Main.scxml" parse="xml" xpointer="_composer_entry"/></state>
	</state>
</scxml>
`,
	"src-gen/Main.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
	<state id="_composer_entry">
		<transition event="e" cond="routeTo('sales') == 'sales' &amp;&amp; system.ANI != '' &amp;&amp; vipTreshold > 1"/>
	</state>
</scxml>
`,
}

// The editor underlines in a document what condeval lint finds in it: the
// names the IPD above it loads are known there too, and only the misspelt
// one is underlined. When the include script changes on disk, the next
// lint of the document sees it.
func TestDiagnosticsSeeTheProject(t *testing.T) {
	root := t.TempDir()
	for name, text := range project {
		path := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	main := filepath.Join(root, "src-gen", "Main.scxml")
	cli, _, err := lint.Path(main, nil)
	require.NoError(t, err)
	var want []string
	for _, f := range cli {
		want = append(want, f.Code+" "+f.Message)
	}
	require.Equal(t, []string{"C201 'vipTreshold' is not declared"}, want, "condeval lint src-gen/Main.scxml")

	c := startServer(t, Options{}, nil)
	uri := "file://" + filepath.ToSlash(main)
	got := c.open(uri, project["src-gen/Main.scxml"])
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, "C201", got.Diagnostics[0].Code)
	assert.Equal(t, rangeOf(t, project["src-gen/Main.scxml"], "vipTreshold"), got.Diagnostics[0].Range)

	// The include script is edited and saved in another editor: the open
	// document is linted again, with no change of its own.
	lib := filepath.Join(root, "include", "lib.js")
	require.NoError(t, os.WriteFile(lib, []byte("function routeToQueue(target) { return target; }\n"), 0o644))
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": "file://" + filepath.ToSlash(lib)}})
	assert.Equal(t, []string{"C201", "C201"}, c.diagnostics(uri, 1).codes(), "routeTo is no longer declared")

	// Composer generates an IPD that declares it: the client reports the
	// new file.
	require.NoError(t, os.WriteFile(filepath.Join(root, "src-gen", "IPD_other.scxml"), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude" initial="m">
	<datamodel><data id="vipTreshold"/></datamodel>
	<script src="../include/lib.js"/>
	<script>function routeTo(t) { return t; }</script>
	<state id="m"><xi:include href="Main.scxml" parse="xml" xpointer="_composer_entry"/></state>
</scxml>
`), 0o644))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": "file://" + filepath.ToSlash(filepath.Join(root, "src-gen", "IPD_other.scxml")), "type": 1}}})
	assert.Empty(t, c.diagnostics(uri, 1).codes(), "the new IPD declares both names")
}
