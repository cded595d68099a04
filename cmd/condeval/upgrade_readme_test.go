package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// upgradeStory is the seed's story as the README tells it, run from the
// repository's root after `cp -r cmd/condeval/testdata/upgrade old`: lint
// an IPD as Composer 8.1.400.19 left it, look at the upgrade, dispatch a
// switchover's revoking before and after, and a deletion after.
var upgradeStory = [][]string{
	{"lint", "old/Interaction Processes"},
	{"lint", "--fix", "--unsafe-fixes", "--diff", "old"},
	{"dispatch", "--handlers", "old/Interaction Processes/default.ixnprocess", "--event", "examples/events/notcontrolled-revoking.json", "--system", "examples/system.json"},
	{"lint", "--fix", "--unsafe-fixes", "old/Interaction Processes"},
	{"dispatch", "--handlers", "old/Interaction Processes/default.ixnprocess", "--event", "examples/events/notcontrolled-revoking.json", "--system", "examples/system.json"},
	{"dispatch", "--handlers", "old/Interaction Processes/default.ixnprocess", "--event", "examples/events/notcontrolled-deletion.json", "--system", "examples/system.json"},
}

// commandLine writes a command line as a user types it.
func commandLine(args []string) string {
	out := []string{"$ condeval"}
	for _, a := range args {
		if strings.ContainsAny(a, " '\"") {
			a = `"` + a + `"`
		}
		out = append(out, a)
	}
	return strings.Join(out, " ")
}

// The transcript is what the commands print (stdout, then stderr); -update
// rewrites the golden file.
func TestUpgradeStoryTranscript(t *testing.T) {
	goldenPath, err := filepath.Abs("testdata/upgrade-story.golden")
	require.NoError(t, err)
	examples, err := filepath.Abs("../../examples")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(dir, "old"), os.DirFS("testdata/upgrade")))
	require.NoError(t, os.Symlink(examples, filepath.Join(dir, "examples")))
	t.Chdir(dir)

	var b strings.Builder
	for _, args := range upgradeStory {
		_, out, errOut := runCLI(args...)
		b.WriteString(commandLine(args) + "\n" + out + errOut)
	}
	golden(t, goldenPath, b.String())
}

// The README tells the story as the golden file has it.
func TestReadmeUpgradeStoryIsTrue(t *testing.T) {
	want, err := os.ReadFile("testdata/upgrade-story.golden")
	require.NoError(t, err)
	assert.Equal(t, strings.TrimRight(string(want), "\n"), readmeBlock(t, "<!-- upgrade-story:", "```console\n"))
}
