package lint_test

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

func TestConfigApply(t *testing.T) {
	tests := []struct {
		name            string
		disable, enable []string
		severity        map[string]string
		disabled        map[string]bool
		graded          map[string]cond.Severity
		errs            []string
	}{
		{
			name:     "codes and names",
			disable:  []string{"C206", "side-effect"},
			severity: map[string]string{"enum-value": "error"},
			disabled: map[string]bool{"C206": true, "C204": true},
			graded:   map[string]cond.Severity{"C203": cond.SeverityError},
		},
		{
			name:     "enable after disable, off disables",
			disable:  []string{"C206"},
			enable:   []string{"C206"},
			severity: map[string]string{"C203": "off"},
			disabled: map[string]bool{"C206": false, "C203": true},
		},
		{
			name:     "wrong entries are skipped and listed in order",
			disable:  []string{"C999", "C206"},
			enable:   []string{"nope"},
			severity: map[string]string{"C201": "fatal"},
			disabled: map[string]bool{"C206": true},
			errs: []string{
				`disable: unknown rule "C999" (see docs/rules.md for the codes and names)`,
				`enable: unknown rule "nope" (see docs/rules.md for the codes and names)`,
				`severity: C201: unknown severity "fatal" (want error, warning, info or off)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c lint.Config
			errs := c.Apply(tt.disable, tt.enable, maps.All(tt.severity))
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tt.errs, msgs)
			assert.Equal(t, tt.disabled, c.Disabled)
			assert.Equal(t, tt.graded, c.Severity)
		})
	}
}

// A configuration file's mistakes are named in its own terms, at their
// place, with the setting that was meant.
func TestParseConfigErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"disabel: [C206]\n", `c.yaml:1:1: unknown setting "disabel" (did you mean "disable"?)`},
		{"disable: {a: 1}\n", "c.yaml:1:10: want a list of rules, codes or names: [C206, constant-condition]"},
		{"severity: [C201]\n", "c.yaml:1:11: want one 'rule: level' a line (levels: error, warning, info, off)"},
		{"- disable\n", "c.yaml:1:1: want settings (disable, enable, severity)"},
		{"disable: [C206, C207\n", "c.yaml:1:11: a [ ] list needs ',' between its items and ']' at its end"},
		{"disable: [C206]\n\tenable: [C207]\n", "c.yaml:2:1: a tab cannot indent YAML; indent with spaces"},
		{"disable: [C206, C999]\n", "c.yaml:1:17: disable: unknown rule \"C999\" (see docs/rules.md for the codes and names)"},
		{"severity:\n  C203: error\n  enum-valu: info\n", "c.yaml:3:3: severity: unknown rule \"enum-valu\" (did you mean \"enum-value\"?)"},
		{"severity:\n  C203: loud\n", "c.yaml:2:9: severity: C203: unknown severity \"loud\" (want error, warning, info or off)"},
		{"enable:\n  - C206\n  - nope\n", "c.yaml:3:5: enable: unknown rule \"nope\" (see docs/rules.md for the codes and names)"},
	}
	for _, tt := range tests {
		_, err := lint.ParseConfig("c.yaml", []byte(tt.yaml))
		if assert.Error(t, err, tt.yaml) {
			assert.Equal(t, tt.want, err.Error())
		}
	}
	for _, ok := range []string{"", "severity:\n", "disable: C206\n", "disable: [C206]\nseverity: {enum-value: error}\n"} {
		_, err := lint.ParseConfig("c.yaml", []byte(ok))
		assert.NoError(t, err, ok)
	}
}
