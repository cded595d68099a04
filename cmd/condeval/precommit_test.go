package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The pre-commit hooks run condeval as pre-commit does — the entry, then
// the staged files it selects — and do what their names say.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []struct {
		ID, Entry, Language, Files string
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		assert.Equal(t, "golang", h.Language, h.ID)
		files := regexp.MustCompile(h.Files)
		for _, name := range []string{"a.scxml", "Interaction Processes/default.ixnprocess", "Workflows/Main.workflow", "list.cond"} {
			assert.True(t, files.MatchString(name), "%s selects %s", h.ID, name)
		}
		assert.False(t, files.MatchString("include/common.js"), h.ID)

		staged := filepath.Join(t.TempDir(), "list.cond")
		require.NoError(t, os.WriteFile(staged, []byte("(_event.data.resultof == 'deletion'\n"), 0o644))
		args, ok := strings.CutPrefix(h.Entry, "condeval ")
		require.True(t, ok, "%s runs condeval", h.ID)
		code, out, errOut := runCLI(append(strings.Fields(args), staged)...)
		switch h.ID {
		case "condeval-lint":
			assert.Equal(t, 1, code, "an error-level finding fails the commit")
			assert.Contains(t, out, "[C101]")
			assert.Equal(t, "(_event.data.resultof == 'deletion'\n", readFile(t, staged))
		case "condeval-fix":
			assert.Equal(t, 0, code, "fixed, nothing left: %s", errOut)
			assert.Equal(t, "(_event.data.resultof == 'deletion')\n", readFile(t, staged))
		}
	}
	assert.Equal(t, map[string]bool{"condeval-lint": true, "condeval-fix": true}, ids)
}
