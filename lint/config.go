package lint

import (
	"fmt"
	"iter"
	"strings"

	"github.com/condeval/condeval/cond"
)

// Config switches rules off and re-grades them. The zero Config runs every
// rule at its default severity. Keys are codes; the methods also accept a
// rule's name (or a front-end code's name) and resolve it.
type Config struct {
	Disabled map[string]bool          // code → off
	Severity map[string]cond.Severity // code → grade instead of the default
}

// Disable switches off a rule or front-end code, given by code or name.
func (c *Config) Disable(ref string) error { return c.setDisabled(ref, true) }

// Enable switches a rule back on (undoing a Disable from a config file).
func (c *Config) Enable(ref string) error { return c.setDisabled(ref, false) }

// setDisabled records off rather than deleting the key, so that an Enable
// on the command line overrides a Disable from a file in Merge.
func (c *Config) setDisabled(ref string, off bool) error {
	code, err := ResolveCode(ref)
	if err != nil {
		return err
	}
	if c.Disabled == nil {
		c.Disabled = map[string]bool{}
	}
	c.Disabled[code] = off
	return nil
}

// SetSeverity re-grades a rule. The level is "error", "warning", "info" or
// "off" (which disables it).
func (c *Config) SetSeverity(ref, level string) error {
	code, err := ResolveCode(ref)
	if err != nil {
		return err
	}
	if strings.EqualFold(strings.TrimSpace(level), "off") {
		return c.Disable(code)
	}
	s, err := ParseSeverity(level)
	if err != nil {
		return fmt.Errorf("%s: %w", ref, err)
	}
	if c.Severity == nil {
		c.Severity = map[string]cond.Severity{}
	}
	c.Severity[code] = s
	if c.Disabled[code] {
		c.Disabled[code] = false
	}
	return nil
}

// Apply applies the rule lists a user writes, as the lint command's flags,
// an editor's settings and a .condeval.yaml all spell them: rules to
// disable, rules to enable, then rule → level (see SetSeverity). Every
// entry that can apply does, so one typo does not drop the others; the
// entries that cannot come back in that order.
func (c *Config) Apply(disable, enable []string, severity iter.Seq2[string, string]) []*SettingError {
	var errs []*SettingError
	for _, r := range disable {
		if err := c.Disable(r); err != nil {
			errs = append(errs, &SettingError{List: "disable", Err: err})
		}
	}
	for _, r := range enable {
		if err := c.Enable(r); err != nil {
			errs = append(errs, &SettingError{List: "enable", Err: err})
		}
	}
	for r, level := range severity {
		if err := c.SetSeverity(r, level); err != nil {
			errs = append(errs, &SettingError{List: "severity", Err: err})
		}
	}
	return errs
}

// SettingError is an entry of a rule list that cannot apply. It keeps the
// list's name apart, so each front end can say it in its own words
// (--disable, a file's disable key).
type SettingError struct {
	List string // "disable", "enable" or "severity"
	Err  error  // what is wrong with the entry
}

func (e *SettingError) Error() string { return e.List + ": " + e.Err.Error() }
func (e *SettingError) Unwrap() error { return e.Err }

// Merge returns c with the settings of over taking precedence, as command
// line flags take precedence over a config file.
func (c Config) Merge(over Config) Config {
	out := Config{Disabled: map[string]bool{}, Severity: map[string]cond.Severity{}}
	for _, src := range []Config{c, over} {
		for k, v := range src.Disabled {
			out.Disabled[k] = v
		}
		for k, v := range src.Severity {
			out.Severity[k] = v
		}
	}
	return out
}

func (c Config) disabled(code string) bool { return c.Disabled[code] }

func (c Config) severity(code string, def cond.Severity) cond.Severity {
	if s, ok := c.Severity[code]; ok {
		return s
	}
	return def
}

// ParseSeverity reads "error", "warning" or "info" (any case).
func ParseSeverity(s string) (cond.Severity, error) {
	for sev := cond.SeverityError; sev <= cond.SeverityInfo; sev++ {
		if strings.EqualFold(strings.TrimSpace(s), sev.String()) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// ResolveCode turns a rule code, a rule name or a front-end code or name
// into the code, so configuration can use whichever reads better.
func ResolveCode(ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	for _, r := range Rules() {
		if strings.EqualFold(ref, r.Code) || strings.EqualFold(ref, r.Name) {
			return r.Code, nil
		}
	}
	if c, ok := cond.LookupCode(ref); ok {
		return c.Code, nil
	}
	if hint := didYouMean(ref, ruleNames()); hint != "" {
		return "", fmt.Errorf("unknown rule %q%s", ref, hint)
	}
	return "", fmt.Errorf("unknown rule %q (see docs/rules.md for the codes and names)", ref)
}

// ruleNames are the names a misspelt rule is compared with: the rules' and
// the front end's codes' names. Codes are not, as C204 and C205 are one
// letter apart and neither is a misspelling of the other.
func ruleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.Name)
	}
	for _, c := range cond.Codes() {
		names = append(names, c.Name)
	}
	return names
}
