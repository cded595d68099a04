package conformance

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReports(t *testing.T) {
	results := []Result{
		{Case: &Case{ID: "a/1", File: "a.yaml", Source: "seed"}, Pass: true, Detail: "true"},
		{Case: &Case{ID: "a/2", File: "a.yaml", Source: "W3C 1|2"}, Pass: false, Detail: "want true\ngot false"},
	}
	var text, md strings.Builder
	WriteText(&text, results)
	WriteMarkdown(&md, results)
	assert.Equal(t, "PASS  a/1  [seed]\nFAIL  a/2  [W3C 1|2]\n      want true\ngot false\n1 passed, 1 failed\n", text.String())
	assert.Contains(t, md.String(), "2 cases: 1 passed, 1 failed.\n\n## a.yaml\n")
	assert.Contains(t, md.String(), "| FAIL | `a/2` | W3C 1\\|2 | want true got false |\n")
	assert.Equal(t, 1, Failed(results))
}
