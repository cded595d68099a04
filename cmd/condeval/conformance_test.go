package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConformanceText(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "conformance")
	require.Equal(t, 0, code, out+errOut)
	m := regexp.MustCompile(`(?m)^(\d+) passed, 0 failed$`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	assert.GreaterOrEqual(t, len(strings.Split(strings.TrimSpace(out), "\n"))-1, 150)
	assert.Contains(t, out, "PASS  resultof/notcontrolled/revoking/own  [seed (Handling eServices Switchovers), corrected; docs/ors.md §1]")
	assert.Contains(t, out, "PASS  profile/8.1.400.19/switchover")
}

func TestConformanceMarkdown(t *testing.T) {
	code, out, _ := runWithInput(t, "", "conformance", "--format", "markdown", "--only", "profile/")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "# condeval conformance report\n"))
	assert.Contains(t, out, "## profiles.yaml")
	assert.Contains(t, out, "| result | case | source | observed |")
	assert.Contains(t, out, "| PASS | `profile/8.1.400.20/switchover` |")
	assert.Contains(t, out, "interaction.present → interaction re-queued; session active")
	assert.NotContains(t, out, "`resultof/")
}

func TestConformanceUnknownPrefix(t *testing.T) {
	code, _, errOut := runWithInput(t, "", "conformance", "--only", "zzz")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `no case id starts with "zzz"`)
}
