package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README's REPL transcript is this session, run from the repository's
// root with the shipped examples; -update rewrites it.
func TestReplReadmeTranscript(t *testing.T) {
	script, err := os.ReadFile("testdata/repl/readme-session.txt")
	require.NoError(t, err)
	goldenPath, err := filepath.Abs("testdata/repl/readme-session.golden")
	require.NoError(t, err)
	t.Chdir("../..")

	code, out, stderr := runRepl(t, string(script), "--echo",
		"--event", "examples/events/notcontrolled-revoking.json", "--system", "examples/system.json")
	require.Equal(t, 0, code, stderr)
	golden(t, goldenPath, out)
}

// TestReadmeSessionIsTrue keeps the REPL transcript in the README identical to
// the golden output of the same script, so the README cannot drift from what
// condeval really prints.
func TestReadmeSessionIsTrue(t *testing.T) {
	want, err := os.ReadFile("testdata/repl/readme-session.golden")
	require.NoError(t, err)
	assert.Equal(t, strings.TrimRight(string(want), "\n"), readmeBlock(t, "<!-- repl-session:", "```\n"))
}
