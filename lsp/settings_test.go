package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// twoFindings has an unknown field (C202, warning) and an assignment (C204, error).
const twoFindings = "system.InteractionId == 'a'\nsystem.ANI = '1'\n"

func gradeByCode(p published) map[string]int {
	out := map[string]int{}
	for _, d := range p.Diagnostics {
		out[d.Code] = d.Severity
	}
	return out
}

func TestSettings(t *testing.T) {
	tests := []struct {
		name     string
		init     any // initializationOptions
		config   string
		changed  any // workspace/didChangeConfiguration settings, after opening
		want     map[string]int
		topWarns bool // a warning that the config file was not applied
	}{
		{"defaults", nil, "", nil, map[string]int{"C202": 2, "C204": 1}, false},
		{"initializationOptions disable by name", map[string]any{"condeval": map[string]any{"disable": []string{"unknown-field"}}}, "", nil,
			map[string]int{"C204": 1}, false},
		{"settings without the condeval key", map[string]any{"severity": map[string]string{"C202": "error", "C204": "info"}}, "", nil,
			map[string]int{"C202": 1, "C204": 3}, false},
		{"didChangeConfiguration re-lints the open documents", nil, "", map[string]any{"condeval": map[string]any{"severity": map[string]string{"side-effect": "off"}}},
			map[string]int{"C202": 2}, false},
		{".condeval.yaml above the file", nil, "disable: [C202]\n", nil, map[string]int{"C204": 1}, false},
		{"editor settings take precedence over .condeval.yaml", map[string]any{"condeval": map[string]any{"enable": []string{"C202"}}}, "disable: [C202]\nseverity: {C204: warning}\n", nil,
			map[string]int{"C202": 2, "C204": 2}, false},
		{"an invalid .condeval.yaml is reported, the defaults apply", nil, "disable: [no-such-rule]\n", nil, map[string]int{"C202": 2, "C204": 1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "src-gen", "deeper")
			require.NoError(t, os.MkdirAll(sub, 0o755))
			if tt.config != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, ".condeval.yaml"), []byte(tt.config), 0o644))
			}
			c := startServer(t, Options{}, tt.init)
			uri := "file://" + filepath.ToSlash(filepath.Join(sub, "list.cond"))
			got := c.open(uri, twoFindings)
			if tt.changed != nil {
				c.notify("workspace/didChangeConfiguration", map[string]any{"settings": tt.changed})
				got = c.diagnostics(uri, 0)
			}
			var warned bool
			for _, d := range got.Diagnostics {
				if d.Code == "" {
					warned = true
					assert.Equal(t, protocol.Range{}, d.Range)
					assert.Contains(t, d.Message, "configuration not applied: ")
					assert.Contains(t, d.Message, `unknown rule "no-such-rule"`)
				}
			}
			gotSev := gradeByCode(got)
			delete(gotSev, "")
			assert.Equal(t, tt.want, gotSev)
			assert.Equal(t, tt.topWarns, warned)
		})
	}
}

func TestUnknownRuleInSettingsIsShown(t *testing.T) {
	c := startServer(t, Options{}, map[string]any{"condeval": map[string]any{"disable": []string{"C202", "no-such-rule"}}})
	m := c.next("window/showMessage")
	var msg protocol.ShowMessageParams
	require.NoError(t, json.Unmarshal(m.Params, &msg))
	assert.Equal(t, protocol.MessageTypeWarning, msg.Type)
	assert.Contains(t, msg.Message, `unknown rule "no-such-rule"`)

	got := c.open(fileURI(t, "list.cond"), twoFindings)
	assert.Equal(t, []string{"C204"}, got.codes(), "the rules it knows still apply")
}

// A setting of the wrong JSON kind is named with the kind it got, never
// with a Go type.
func TestSettingOfTheWrongKind(t *testing.T) {
	_, err := parseSettings(map[string]any{"condeval": map[string]any{"disable": 1.0}})
	require.Error(t, err)
	assert.Equal(t, `settings: "disable" cannot be a JSON number`, err.Error())
}
