package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"gopkg.in/yaml.v3"
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

// configFile is the YAML form of a Config.
type configFile struct {
	Disable  []string          `yaml:"disable"`
	Enable   []string          `yaml:"enable"`
	Severity map[string]string `yaml:"severity"`
}

// ParseConfig reads a configuration file's contents. Unknown keys and
// unknown rules are errors, so a typo does not silently lint with the
// defaults.
func ParseConfig(name string, data []byte) (Config, error) {
	var cf configFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cf); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("%s: %w", name, err)
	}
	var c Config
	if errs := c.Apply(cf.Disable, cf.Enable, maps.All(cf.Severity)); len(errs) > 0 {
		return Config{}, fmt.Errorf("%s: %w", name, errs[0])
	}
	return c, nil
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
func (c *Configs) For(path string) (Config, error) {
	name := c.File
	if name == "" {
		name = FindConfig(filepath.Dir(path))
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
