package lint_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// Every file of the examples and of the conformance suites, fixed with
// every fix: nothing fixable is left, the file still reads, and fixing it
// again changes nothing.
func TestFixRoundTrip(t *testing.T) {
	var files []string
	for _, dir := range []string{"../examples", "../../shared/conformance-data"} {
		fs, err := lint.Files(dir)
		require.NoError(t, err, "%s must exist", dir)
		files = append(files, fs...)
	}
	require.Greater(t, len(files), 400)
	changed := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		_, readErr := scxml.Read(name, data)
		fx, err := lint.FixFile(name, data, lint.Config{}, cond.FixUnsafe)
		require.NoError(t, err, name)
		if fx.Changed() {
			changed++
		}
		for _, f := range fx.Findings {
			assert.False(t, f.Repair != nil && f.Repair.Kind != cond.FixNone, "%s:%d:%d: %s still has a fix after fixing", name, f.Start.Line, f.Start.Column, f.Code)
		}
		if readErr == nil {
			_, err := scxml.Read(name, fx.After)
			assert.NoError(t, err, "%s no longer reads", name)
		}
		again, err := lint.FixFile(name, fx.After, lint.Config{}, cond.FixUnsafe)
		require.NoError(t, err, name)
		assert.False(t, again.Changed(), "%s: a second fix changed it", name)
	}
	t.Logf("%d files, %d changed by fixing", len(files), changed)
	assert.Positive(t, changed, "the examples have findings to fix")
}
