package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
)

// A handler file named to Path is linted for each handler's event, every
// finding at its place; one in a value YAML escapes or folds is placed at
// its scalar and carries no fix, since nothing would escape the fix again.
func TestPathHandlerFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "h.yaml")
	text := "handlers:\n" +
		"  - event: interaction.deleted\n    cond: system.ANI = '1'\n" +
		"  - event: interaction.deleted\n    cond: \"system.ANI = \\\"1\\\"\"\n" +
		"  - event: interaction.deleted\n    cond: >\n      system.ANI = 2\n" +
		"  - event: interaction.deleteed\n"
	require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
	fs, sum, err := Path(file, nil)
	require.NoError(t, err)
	assert.Equal(t, Summary{Files: 1, Conditions: 3}, sum)
	assert.Equal(t, []string{
		"3:22-3:23 C204 =",
		`5:11-5:31 C204 "system.ANI = \"1\""`,
		"7:11-8:21 C204 >\n      system.ANI = 2",
		"9:12-9:32 C208 interaction.deleteed",
	}, render(fs, text))
	var fixed []bool
	for _, f := range fs {
		fixed = append(fixed, f.Repair != nil)
	}
	assert.Equal(t, []bool{true, false, false, true}, fixed)

	fx, err := FixFile(file, []byte(text), Config{}, cond.FixUnsafe)
	require.NoError(t, err)
	assert.Contains(t, string(fx.After), "cond: system.ANI == '1'\n", "the fix goes in where the value is written verbatim")
	assert.Contains(t, string(fx.After), `cond: "system.ANI = \"1\""`, "and nowhere else")
}

// A directory walk passes YAML and JSON by: a project holds many that are
// not handler files.
func TestPathSkipsHandlerFilesInDirectories(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "h.yaml"), []byte("handlers:\n  - cond: a = 1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.cond"), []byte("a == 1\n"), 0o644))
	fs, sum, err := Path(dir, nil)
	require.NoError(t, err)
	assert.Empty(t, fs)
	assert.Equal(t, Summary{Files: 1, Conditions: 1}, sum)
}

// A handler file that does not read is an error, not a finding.
func TestPathHandlerFileError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "h.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"handlers": [],}`), 0o644))
	_, _, err := Path(file, nil)
	assert.EqualError(t, err, file+":1:16: invalid JSON: a ',' cannot come before '}'")
}
