package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// readmePath is the README's path, fixed before any test changes directory.
var readmePath, _ = filepath.Abs("../../README.md")

// golden compares got with testdata/name (or name, when it is absolute),
// or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := name
	if !filepath.IsAbs(name) {
		path = filepath.Join("testdata", name)
	}
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), got, "the output changed; review it and run go test ./cmd/condeval -run %s -update", t.Name())
}

// readmeBlock returns the code block of the README that follows the HTML
// comment starting with marker, from just after its opening (the fence and
// whatever the caller expects first) to the closing fence: the README's
// transcripts are checked against what condeval prints.
func readmeBlock(t *testing.T, marker, opening string) string {
	t.Helper()
	readme, err := os.ReadFile(readmePath)
	require.NoError(t, err)
	_, rest, found := strings.Cut(string(readme), marker)
	require.True(t, found, "README has no %q marker", marker)
	_, rest, found = strings.Cut(rest, opening)
	require.True(t, found, "no %q after the marker %q", opening, marker)
	block, _, found := strings.Cut(rest, "\n```")
	require.True(t, found, "the code block after %q is not closed", marker)
	return block
}

// inRepo runs f with the repository root as working directory, so that the
// paths in the output are the relative ones a user sees.
func inRepo(t *testing.T, f func()) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	t.Chdir("../..")
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	f()
}

// The example project's lint output: every planted bug of
// examples/README.md, nothing else.
func TestLintExamplesGolden(t *testing.T) {
	var code int
	var out, errOut string
	inRepo(t, func() { code, out, errOut = runCLI("lint", "examples") })
	assert.Equal(t, 1, code, errOut)
	assert.Equal(t, "linted 6 files, 70 conditions\n", errOut, "the summary, on stderr")
	golden(t, "lint-examples.golden", out)
}

// The planted bugs, as examples/README.md lists them: file, line and code.
func TestLintExamplesFindsEveryPlantedBug(t *testing.T) {
	var out string
	inRepo(t, func() { _, out, _ = runCLI("lint", "--format", "json", "examples") })
	var got []jsonDiagnostic
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	found := map[string]bool{}
	for _, d := range got {
		found[filepath.ToSlash(d.File)+":"+itoa(d.Line)+" "+d.Code] = true
	}
	for _, want := range []string{
		"examples/ipd/default.ixnprocess:17 C207",
		"examples/ipd/default.ixnprocess:19 C208",
		"examples/ipd/default.ixnprocess:20 C101",
		"examples/src-gen/IPD_default_defaultWorkflow.scxml:173 C202",
		"examples/src-gen/IPD_default_defaultWorkflow.scxml:180 C211",
		"examples/src-gen/IPD_default_defaultWorkflow.scxml:185 C208",
		"examples/src-gen/IPD_default_defaultWorkflow.scxml:189 C101",
		"examples/workflows/Main.workflow:12 C203",
		"examples/workflows/Main.workflow:15 C204",
		"examples/workflows/Main.workflow:26 C101",
		"examples/conditions.cond:8 C101",
		"examples/conditions.cond:18 C203",
		"examples/conditions.cond:19 C205",
		"examples/conditions.cond:20 C205",
		"examples/conditions.cond:21 C204",
		"examples/conditions.cond:22 C202",
		"examples/conditions.cond:23 C202",
		"examples/conditions.cond:24 C110",
	} {
		assert.True(t, found[want], "missing %s", want)
	}
	assert.Len(t, got, 18, "one finding per planted bug")
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return strings.TrimSpace(string(b))
}
