package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const conformanceDir = "../../shared/conformance-data"

// trueSyntaxFindings are the conformance tests whose ECMAScript is wrong on
// purpose: each checks that a processor raises error.execution (W3C 5.9,
// B.2) for an expression that cannot be evaluated — `return` in a cond,
// expr or location (W3C 156, 277, 309, 312, 313, 314, 344, 487, 488, 528),
// or an object literal missing its '}' (SCION's assign_invalid and
// data_invalid). Linting must report them, as errors.
var trueSyntaxFindings = map[string]string{
	"test156.scxml": "C121", "test277.scxml": "C121", "test309.scxml": "C121", "test312.scxml": "C121",
	"test313.scxml": "C121", "test314.scxml": "C121", "test344.scxml": "C121", "test487.scxml": "C121",
	"test488.scxml": "C121", "test528.scxml": "C121",
	"assign_invalid.scxml": "C101", "data_invalid.scxml": "C101",
}

// Every condition, expression and script of the W3C and SCION tests parses,
// apart from the tests that are about a syntax error.
func TestLintConformanceDataHasNoFalseSyntaxError(t *testing.T) {
	if _, err := os.Stat(conformanceDir); err != nil {
		t.Skip("no conformance data at", conformanceDir)
	}
	fs, _, err := Path(conformanceDir, nil)
	require.NoError(t, err)
	files, err := lintableFiles(conformanceDir)
	require.NoError(t, err)
	require.Greater(t, len(files), 50, "the walk finds the .scxml tests")
	seen := map[string]bool{}
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "C1") && f.Code != "C200" {
			continue
		}
		base := filepath.Base(f.File)
		assert.Equal(t, trueSyntaxFindings[base], f.Code, "%s:%d:%d: %s [%s]", f.File, f.Start.Line, f.Start.Column, f.Message, f.Code)
		seen[base] = true
	}
	for base := range trueSyntaxFindings {
		assert.True(t, seen[base], "%s: the deliberate error is not reported", base)
	}
}
