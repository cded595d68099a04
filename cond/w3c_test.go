package cond_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// conformanceDir holds the W3C and SCION SCXML tests; the repository is
// checked out beside shared/, in CI as on a workstation.
const conformanceDir = "../../shared/conformance-data"

// TestW3CConditionsParse parses every condition and expression of the
// conformance tests with ParseExpression and every <script> body with
// ParseProgram, as the documents are read (every encoding, XML decoded).
// Some are wrong on purpose, to check that a processor raises
// error.execution: `return` (W3C's stand-in for "not an expression") must be
// rejected with a message that names it, and SCION's *_invalid tests must
// be rejected too.
func TestW3CConditionsParse(t *testing.T) {
	if _, err := os.Stat(conformanceDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: the repository is not checked out beside shared/", conformanceDir)
	}
	var found, conds, scripts, deliberate int
	err := filepath.WalkDir(conformanceDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".scxml" {
			return err
		}
		f, err := scxml.ReadFile(path)
		require.NoError(t, err, path)
		invalid := strings.HasSuffix(path, "_invalid.scxml")
		for _, it := range f.Items {
			x := it.Text.Value
			if it.Kind == scxml.Descriptors || strings.TrimSpace(x) == "" {
				continue
			}
			found++
			where := it.Text.Pos(0)
			at := func() string { return path + ":" + strconv.Itoa(where.Line) + ": " + it.Attr + "=" + x }
			switch {
			case it.Kind == scxml.Program:
				scripts++
				_, err := cond.ParseProgram(x)
				assert.NoError(t, err, at())
			case x == "return":
				deliberate++
				_, err := cond.ParseExpression(x)
				var cerr *cond.Error
				if assert.ErrorAs(t, err, &cerr, "%s must be rejected", at()) && assert.NotEmpty(t, cerr.Diagnostics) {
					assert.Contains(t, cerr.Diagnostics[0].Message, "return", at())
				}
			case strings.HasSuffix(strings.TrimSpace(x), ";"):
				// test452's expr="new testobject();" is an expression statement,
				// semicolon included: a program, not an expression.
				_, err := cond.ParseExpression(x)
				assert.Error(t, err, "%s is not a single expression", at())
				_, err = cond.ParseProgram(x)
				assert.NoError(t, err, "%s as a program", at())
			default:
				if it.Kind == scxml.Condition {
					conds++
				}
				_, err := cond.ParseExpression(x)
				if invalid && err != nil {
					deliberate++
					continue
				}
				assert.NoError(t, err, at())
			}
		}
		return nil
	})
	require.NoError(t, err)
	// Guard against a walk that silently finds nothing.
	assert.GreaterOrEqual(t, found, 1000, "expressions found")
	assert.GreaterOrEqual(t, conds, 300, "conditions found")
	assert.GreaterOrEqual(t, scripts, 10, "scripts found")
	assert.GreaterOrEqual(t, deliberate, 12, "deliberate errors found")
	t.Logf("%d expressions and scripts checked: %d conditions, %d scripts, %d deliberate errors", found, conds, scripts, deliberate)
}
