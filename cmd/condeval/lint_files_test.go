package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeProject writes files under a temporary directory and returns it.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

func TestLintFilesExitCodesAndConfig(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"a.cond":             "system.ANI = '1'\n_event.data.resultof == 'deleted'\n",
		"sub/b.cond":         "_event.data.resultOf == 'routing'\n",
		"sub/notes.txt":      "system.ANI = '1'",
		"sub/.condeval.yaml": "disable: [unknown-field]\n",
	})
	tests := []struct {
		args  []string
		code  int
		codes []string
	}{
		{[]string{dir}, 1, []string{"C204", "C203"}},
		{[]string{"--disable", "C204", dir}, 0, []string{"C203"}},
		{[]string{"--severity", "side-effect=warning", "--severity", "C203=error", dir}, 1, []string{"C204", "C203"}},
		{[]string{"--enable", "unknown-field", filepath.Join(dir, "sub")}, 0, []string{"C202"}},
		{[]string{filepath.Join(dir, "sub", "b.cond")}, 0, []string{}},
	}
	for _, tc := range tests {
		args := append([]string{"lint", "--format", "json"}, tc.args...)
		code, out, errOut := runCLI(args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errOut)
		var got []jsonDiagnostic
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		codes := []string{}
		for _, d := range got {
			codes = append(codes, d.Code)
		}
		assert.Equal(t, tc.codes, codes, tc.args)
	}

	for _, args := range [][]string{
		{"lint", "-e", "a", dir},
		{"lint", "--disable", "nope", dir},
		{"lint", "--severity", "C201", dir},
		{"lint", filepath.Join(dir, "absent")},
		{"lint", "--format", "xml", dir},
	} {
		code, _, errOut := runCLI(args...)
		assert.Equal(t, 2, code, args)
		assert.NotEmpty(t, errOut, args)
	}
}

// SARIF artifact locations are URI references: the space of Composer's
// "Interaction Processes" folder is percent-encoded.
func TestLintSARIFArtifactURIs(t *testing.T) {
	tests := []struct{ path, uri string }{
		{"Interaction Processes/default.ixnprocess", "Interaction%20Processes/default.ixnprocess"},
		{"src-gen/IPD_default_Main.scxml", "src-gen/IPD_default_Main.scxml"},
		{"Workflows/Survey #2.workflow", "Workflows/Survey%20%232.workflow"},
		{"a:b.scxml", "./a:b.scxml"},
		{"/abs/ü 1.scxml", "/abs/%C3%BC%201.scxml"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			uri := artifactURI(tc.path)
			assert.Equal(t, tc.uri, uri)
			u, err := url.Parse(uri)
			require.NoError(t, err)
			assert.Empty(t, u.Scheme)
			assert.Equal(t, tc.path, strings.TrimPrefix(u.Path, "./"))
		})
	}

	dir := writeProject(t, map[string]string{
		"Interaction Processes/default.ixnprocess": `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:InteractionProcessDiagram name="default">
    <events name="caller moved" event="interaction.partystate.changed" condition="" body="" target="false"/>
  </ird:InteractionProcessDiagram>
</xmi:XMI>
`,
	})
	_, out, errOut := runCLI("lint", "--format", "sarif", dir)
	assert.Contains(t, out, `"uri": "`+artifactURI(dir)+`/Interaction%20Processes/default.ixnprocess"`, errOut)
}

func TestLintSARIF(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"a.scxml": `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s">
<transition event="interaction.partystate.changed" cond="system.ANI = 'é1'"/>
</state></scxml>`,
	})
	code, out, errOut := runCLI("lint", "--format", "sarif", dir)
	require.Equal(t, 1, code, errOut)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion struct {
								StartLine, StartColumn, EndColumn int
							} `json:"deletedRegion"`
							InsertedContent struct {
								Text string `json:"text"`
							} `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	ids := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		ids[r.ID] = r.Help.Text
	}
	assert.Contains(t, ids["C204"], "Why:")
	assert.Contains(t, ids, "C100")
	require.Len(t, run.Results, 2)
	event, assign := run.Results[0], run.Results[1]
	assert.Equal(t, "C208", event.RuleID)
	assert.Equal(t, "warning", event.Level)
	assert.Equal(t, "C204", assign.RuleID)
	assert.Equal(t, "error", assign.Level)
	loc := assign.Locations[0].PhysicalLocation
	assert.Equal(t, filepath.ToSlash(filepath.Join(dir, "a.scxml")), loc.ArtifactLocation.URI)
	assert.Equal(t, 2, loc.Region.StartLine)
	assert.Equal(t, 69, loc.Region.StartColumn)
	assert.Equal(t, 70, loc.Region.EndColumn)
	require.Len(t, assign.Fixes, 1)
	rep := assign.Fixes[0].ArtifactChanges[0].Replacements[0]
	assert.Equal(t, "==", rep.InsertedContent.Text)
	assert.Equal(t, 69, rep.DeletedRegion.StartColumn)
}

// lint reads the handler files dispatch reads, each condition at its place
// in the file and linted for its handler's event; a byte order mark
// changes no column.
func TestLintHandlerFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "handlers.yaml")
	require.NoError(t, os.WriteFile(file, []byte("\uFEFFhandlers:\n"+
		"  - name: deleted\n    event: interaction.deleted\n    cond: \"_event.data.resultof == 'deleted'\"\n"+
		"  - {name: assigns, event: interaction.deleted, cond: system.ANI = '1'}\n"), 0o644))
	code, out, errOut := runCLI("lint", file)
	assert.Equal(t, 1, code)
	assert.Equal(t, "linted 1 file, 2 conditions\n", errOut)
	assert.Equal(t, file+":4:36: warning: 'deleted' is not a value of _event.data.resultof (detaching, deletion, routing, revoking) [C203]\n"+
		"    cond: \"_event.data.resultof == 'deleted'\"\n"+
		"                                   ^~~~~~~~~\n"+
		"  = help: did you mean 'deletion'?\n"+
		file+":5:66: error: '=' assigns to system.ANI; a condition should compare [C204]\n"+
		"  - {name: assigns, event: interaction.deleted, cond: system.ANI = '1'}\n"+
		"                                                                 ^\n"+
		"  = help: use '==' to compare\n", out)
}

// A handler file's events are checked as an interaction process's are, at
// their place whether written plain or quoted, in YAML or JSON.
func TestLintHandlerFileEvents(t *testing.T) {
	tests := []struct{ name, file, text, want string }{
		{"plain", "h.yaml", "handlers:\n  - name: party\n    event: interaction.partystate.changed\n",
			":3:12: warning: no event is called interaction.partystate.changed [C208]\n" +
				"    event: interaction.partystate.changed\n" +
				"           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n" +
				"  = help: did you mean interaction.partystatechanged?\n"},
		{"quoted, with a condition", "h.yaml", "handlers:\n  - event: \"interaction.deleteed\"\n    cond: \"true\"\n",
			":2:13: warning: no event is called interaction.deleteed [C208]\n" +
				"  - event: \"interaction.deleteed\"\n" +
				"            ^~~~~~~~~~~~~~~~~~~~\n" +
				"  = help: did you mean interaction.deleted?\n"},
		{"JSON", "h.json", `{"handlers": [{"name": "x", "event": "interaction.partystate.changed"}]}`,
			":1:39: warning: no event is called interaction.partystate.changed [C208]\n"},
		{"known events are quiet", "h.yaml", "handlers:\n  - event: interaction.deleted\n  - event: \"*\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), tt.file)
			require.NoError(t, os.WriteFile(file, []byte(tt.text), 0o644))
			code, out, _ := runCLI("lint", file)
			assert.Equal(t, 0, code, "a warning")
			if tt.want == "" {
				assert.Empty(t, out)
				return
			}
			assert.True(t, strings.HasPrefix(out, file+tt.want), out)
		})
	}
}

func TestFilesThatAreNotDiagrams(t *testing.T) {
	dir := t.TempDir()
	event := filepath.Join(dir, "e.json")
	require.NoError(t, os.WriteFile(event, []byte(`{"name":"x"}`), 0o600))
	tests := []struct {
		name string
		file string
		args []string
		code int
		want string
	}{
		{"lint of an interaction process that is not XML", "junk.ixnprocess", []string{"lint"}, exitFalse,
			"junk.ixnprocess:1:1: error: no XML element: want an interaction process diagram (<ipd:IpdDiagram>) [C200]"},
		{"lint of a workflow that is not XML", "junk.workflow", []string{"lint"}, exitFalse,
			"junk.workflow:1:1: error: no XML element: want a workflow diagram (<ird:StrategyDiagram>) [C200]"},
		{"dispatch with handlers that are not XML", "junk.ixnprocess", []string{"dispatch", "--event", event, "--handlers"}, exitUsage,
			"junk.ixnprocess:1:1: error: no XML element: want an interaction process diagram"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, []byte("not xml at all\n"), 0o600))
			code, out, errOut := runCLI(append(tt.args, path)...)
			assert.Equal(t, tt.code, code, errOut)
			assert.Contains(t, out+errOut, tt.want)
		})
	}
}
