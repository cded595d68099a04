package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

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
