package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/condeval/condeval/lint"
)

// userSettings is what an editor sends as initializationOptions or in
// workspace/didChangeConfiguration, under a "condeval" key or bare:
//
//	{"condeval": {"disable": ["C206"], "enable": [], "severity": {"enum-value": "error"}, "config": "/path/.condeval.yaml"}}
//
// The keys mean what the lint command's --disable, --enable, --severity and
// --config flags mean, and like them they take precedence over the
// .condeval.yaml found above each file.
type userSettings struct {
	Disable  []string          `json:"disable"`
	Enable   []string          `json:"enable"`
	Severity map[string]string `json:"severity"`
	Config   string            `json:"config"`
}

// settings are the user settings, resolved.
type settings struct {
	override lint.Config
	config   string // a config file to use instead of searching; "" to search
}

// parseSettings reads user settings. A rule it does not know is reported
// and skipped; the others still apply.
func parseSettings(raw any) (settings, error) {
	data, err := json.Marshal(raw)
	if err != nil {
		return settings{}, err
	}
	var wrapped struct {
		Condeval *json.RawMessage `json:"condeval"`
	}
	if err := json.Unmarshal(data, &wrapped); err == nil && wrapped.Condeval != nil {
		data = *wrapped.Condeval
	}
	var u userSettings
	if err := json.Unmarshal(data, &u); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			// In the user's words: the setting and the JSON it got.
			return settings{}, fmt.Errorf("settings: %q cannot be a JSON %s", te.Field, te.Value)
		}
		return settings{}, fmt.Errorf("settings: %w", err)
	}
	s := settings{config: u.Config}
	var errs []error
	for _, e := range s.override.Apply(u.Disable, u.Enable, maps.All(u.Severity)) {
		errs = append(errs, e.Err)
	}
	if err := errors.Join(errs...); err != nil {
		return s, fmt.Errorf("settings: %w", err)
	}
	return s, nil
}

// configFor returns the configuration for a file: the nearest
// .condeval.yaml (or the configured file) with the editor's settings on
// top. The file is read on every lint, so editing it takes effect on the
// next change. An unreadable or invalid file is an error; the editor's
// settings alone then apply.
func (s settings) configFor(path string) (lint.Config, error) {
	// A fresh Configs caches nothing beyond this one call.
	cfg, err := (&lint.Configs{Override: s.override, File: s.config}).For(path)
	if err != nil {
		return s.override, err
	}
	return cfg, nil
}

// isConfigFile reports whether a path names a configuration file, whose
// change calls for linting the open documents again.
func isConfigFile(path string) bool {
	return strings.EqualFold(filepath.Base(path), lint.ConfigName)
}
