package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nvimReport is what testdata/lsp/init.lua writes: the diagnostics Neovim
// received for an example file, as the protocol carried them and as the
// editor holds them, then the quick fix it applied and what followed.
type nvimReport struct {
	Error     *string `json:"error"`
	Published struct {
		URI         string `json:"uri"`
		Diagnostics []struct {
			Code  string `json:"code"`
			Range struct {
				Start struct{ Line, Character int } `json:"start"`
				End   struct{ Line, Character int } `json:"end"`
			} `json:"range"`
		} `json:"diagnostics"`
	} `json:"published"`
	Diagnostics []struct {
		Lnum     int    `json:"lnum"`
		Col      int    `json:"col"`
		EndLnum  int    `json:"end_lnum"`
		EndCol   int    `json:"end_col"`
		Severity int    `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
	Action struct {
		Title string `json:"title"`
	} `json:"action"`
	FixedLine      string `json:"fixed_line"`
	FixedPublished struct {
		Diagnostics []struct {
			Code string `json:"code"`
		} `json:"diagnostics"`
	} `json:"fixed_published"`
}

// nvimDiagnostic is one diagnostic as Neovim holds it: 0-based lines and
// byte columns (the example lines are ASCII, so bytes are UTF-16 units).
type nvimDiagnostic struct {
	Code                       string
	Lnum, Col, EndLnum, EndCol int
	Severity                   int
}

// TestNeovimEndToEnd starts Debian's Neovim headless with a minimal
// configuration that attaches `condeval lsp` (built here) to .scxml files
// through the shipped editors/nvim/condeval.lua, with a setting; opens the
// example IPD; and checks the diagnostics the editor received and a quick
// fix applied through it.
func TestNeovimEndToEnd(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not on PATH (apt-get install -y neovim): skipping the editor end-to-end test of condeval lsp")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "condeval")
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	// A copy of the example project, so that nothing can change the original.
	project := filepath.Join(tmp, "examples")
	require.NoError(t, os.CopyFS(project, os.DirFS(filepath.Join("..", "..", "examples"))))
	initLua, err := filepath.Abs(filepath.Join("testdata", "lsp", "init.lua"))
	require.NoError(t, err)
	editors, err := filepath.Abs(filepath.Join("..", "..", "editors", "nvim"))
	require.NoError(t, err)
	reportPath := filepath.Join(tmp, "report.json")

	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "--noplugin", "-u", initLua,
		filepath.Join("src-gen", "IPD_default_defaultWorkflow.scxml"))
	cmd.Dir = project
	cmd.Env = append(os.Environ(),
		"CONDEVAL_BIN="+bin, "CONDEVAL_OUT="+reportPath, "CONDEVAL_EDITORS="+editors,
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"))
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "nvim: %s", out)

	data, err := os.ReadFile(reportPath)
	require.NoError(t, err, "nvim wrote no report: %s", out)
	var r nvimReport
	require.NoError(t, json.Unmarshal(data, &r), "%s", data)
	require.Nil(t, r.Error, "init.lua: %s", data)

	// examples/README.md: the planted bugs of this file (1-based lines
	// 173, 180–181, 185 and 189).
	assert.Equal(t, []nvimDiagnostic{
		{"C202", 172, 129, 172, 137, 2}, // _event.data.resultOf
		{"C211", 179, 100, 180, 54, 1},  // a // comment in a multi-line attribute
		{"C208", 184, 23, 184, 53, 1},   // interaction.partystate.changed, an error by the settings
		{"C101", 188, 177, 188, 177, 1}, // the seed's missing ')'
	}, editorDiagnostics(r))
	require.Len(t, r.Published.Diagnostics, 4)
	assert.Equal(t, 172, r.Published.Diagnostics[0].Range.Start.Line)
	assert.Equal(t, 129, r.Published.Diagnostics[0].Range.Start.Character)

	assert.Equal(t, "Did you mean 'resultof'? (C202)", r.Action.Title)
	assert.Contains(t, r.FixedLine, `cond="_event.data.interactionid == system.InteractionID &amp;&amp; _event.data.resultof != 'revoking'"`)
	var fixedCodes []string
	for _, d := range r.FixedPublished.Diagnostics {
		fixedCodes = append(fixedCodes, d.Code)
	}
	assert.Equal(t, []string{"C211", "C208", "C101"}, fixedCodes, "after the quick fix, C202 is gone")
}

func editorDiagnostics(r nvimReport) []nvimDiagnostic {
	var out []nvimDiagnostic
	for _, d := range r.Diagnostics {
		out = append(out, nvimDiagnostic{d.Code, d.Lnum, d.Col, d.EndLnum, d.EndCol, d.Severity})
	}
	return out
}
