package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/yamlerr"
)

// ConfigName is the file the linter looks for, from a linted file's
// directory up to the root of the file system. It reads
//
//	# .condeval.yaml
//	disable: [C206, unknown-identifier]   # codes or names
//	severity:
//	  enum-value: error                   # error, warning, info or off
//	  C201: info
const ConfigName = ".condeval.yaml"

// configSettings are the settings a configuration file may have, in the
// order they apply (Config.Apply's): a rule both disabled and re-graded
// ends re-graded, wherever the file writes each.
var configSettings = []string{"disable", "enable", "severity"}

// ParseConfig reads a configuration file's contents. Unknown settings and
// unknown rules are errors, so a typo does not silently lint with the
// defaults; each error names the file, line and column.
func ParseConfig(name string, data []byte) (Config, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, yamlerr.Syntax(name, data, err)
	}
	var c Config
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return c, fmt.Errorf("%s:%d:%d: want settings (%s)", name, root.Line, root.Column, strings.Join(configSettings, ", "))
	}
	lists := map[string][]setting{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var err error
		if v.Tag == "!!null" && slices.Contains(configSettings, k.Value) {
			continue // "severity:" with nothing under it
		}
		switch k.Value {
		case "disable", "enable":
			lists[k.Value], err = ruleList(v)
		case "severity":
			lists[k.Value], err = ruleLevels(v)
		default:
			err = fmt.Errorf("unknown setting %q%s", k.Value, didYouMean(k.Value, configSettings))
			v = k
		}
		if err != nil {
			return c, fmt.Errorf("%s:%d:%d: %w", name, v.Line, v.Column, err)
		}
	}
	// Applied in Apply's order, whatever the file's: disable, enable,
	// severity; a setting that cannot apply is an error at its place.
	for _, list := range configSettings {
		for _, e := range lists[list] {
			at, err := e.apply(&c, list)
			if err != nil {
				return Config{}, fmt.Errorf("%s:%d:%d: %s: %w", name, at.Line, at.Column, list, err)
			}
		}
	}
	return c, nil
}

// setting is one rule of a settings list, with its level in severity.
type setting struct{ rule, level *yaml.Node }

// apply applies the setting of list to c; at is the node an error is about:
// the rule, or the level of a known rule.
func (e setting) apply(c *Config, list string) (at *yaml.Node, err error) {
	switch list {
	case "disable":
		return e.rule, c.Disable(e.rule.Value)
	case "enable":
		return e.rule, c.Enable(e.rule.Value)
	}
	if _, err := ResolveCode(e.rule.Value); err != nil {
		return e.rule, err
	}
	return e.level, c.SetSeverity(e.rule.Value, e.level.Value)
}

// ruleList reads a list of rules, [C206, constant-condition]; one rule on
// its own is a list of one.
func ruleList(v *yaml.Node) ([]setting, error) {
	switch {
	case v.Kind == yaml.ScalarNode:
		return []setting{{rule: v}}, nil
	case v.Kind != yaml.SequenceNode:
		return nil, errors.New("want a list of rules, codes or names: [C206, constant-condition]")
	}
	out := make([]setting, 0, len(v.Content))
	for _, r := range v.Content {
		if r.Kind != yaml.ScalarNode {
			return nil, errors.New("want a rule, by code or name, in the list")
		}
		out = append(out, setting{rule: r})
	}
	return out, nil
}

// ruleLevels reads the severity mapping, rule: level.
func ruleLevels(v *yaml.Node) ([]setting, error) {
	if v.Kind != yaml.MappingNode {
		return nil, errors.New("want one 'rule: level' a line (levels: error, warning, info, off)")
	}
	var out []setting
	for i := 0; i+1 < len(v.Content); i += 2 {
		if v.Content[i].Kind != yaml.ScalarNode || v.Content[i+1].Kind != yaml.ScalarNode {
			return nil, errors.New("want one 'rule: level' a line (levels: error, warning, info, off)")
		}
		out = append(out, setting{rule: v.Content[i], level: v.Content[i+1]})
	}
	return out, nil
}

// didYouMean is ` (did you mean "x"?)` when name is close to one of
// names, else "": the one suggestion of the settings' and rules' errors.
func didYouMean(name string, names []string) string {
	if s, ok := builtins.Suggest(name, names); ok {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// FindConfig returns the path of the ConfigName file nearest to dir,
// walking up; "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Configs hands out the configuration of each linted file: its nearest
// config file's settings, with Override (the command line) on top. It reads
// each config file once and is safe for concurrent use.
type Configs struct {
	Override Config
	// File, when set, is used for every file instead of searching.
	File string

	mu    sync.Mutex
	cache map[string]Config
}

// For returns the configuration of the file at path.
func (c *Configs) For(path string) (Config, error) { return c.forDir(filepath.Dir(path)) }

// ForText returns the configuration of a condition given as text, on the
// command line or in the REPL: that of a file in the working directory, so
// that lint -e, eval --explain and the REPL's :lint judge a condition as
// lint judges the project's files around it.
func (c *Configs) ForText() (Config, error) { return c.forDir(".") }

// forDir returns the configuration of the files in dir.
func (c *Configs) forDir(dir string) (Config, error) {
	name := c.File
	if name == "" {
		name = FindConfig(dir)
	}
	if name == "" {
		return c.Override, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.cache[name]; ok {
		return cfg, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return Config{}, err
	}
	base, err := ParseConfig(name, data)
	if err != nil {
		return Config{}, err
	}
	cfg := base.Merge(c.Override)
	if c.cache == nil {
		c.cache = map[string]Config{}
	}
	c.cache[name] = cfg
	return cfg, nil
}
