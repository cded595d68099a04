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
	golden, err := filepath.Abs("testdata/repl/readme-session.golden")
	require.NoError(t, err)
	t.Chdir("../..")

	code, out, stderr := runRepl(t, string(script), "--echo",
		"--event", "examples/events/notcontrolled-revoking.json", "--system", "examples/system.json")
	require.Equal(t, 0, code, stderr)
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), out)
}

// TestReadmeSessionIsTrue keeps the REPL transcript in the README identical to
// the golden output of the same script, so the README cannot drift from what
// condeval really prints.
func TestReadmeSessionIsTrue(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	golden, err := os.ReadFile("testdata/repl/readme-session.golden")
	require.NoError(t, err)

	const marker = "<!-- repl-session:"
	_, rest, found := strings.Cut(string(readme), marker)
	require.True(t, found, "README has no %q marker", marker)
	_, rest, found = strings.Cut(rest, "```\n")
	require.True(t, found, "no code block after the marker")
	block, _, found := strings.Cut(rest, "\n```")
	require.True(t, found, "the code block after the marker is not closed")

	require.Equal(t, strings.TrimRight(string(golden), "\n"), block)
}
