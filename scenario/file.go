// Package scenario runs condeval's scenario files (*.scenario.yaml): a
// strategy, the events it gets, the answers ORS would send to its effects,
// and what each step must end with. It is what "condeval test" runs, for
// CI jobs that pin a strategy's behaviour.
package scenario

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/yamlerr"
)

// keys are the top-level keys of a scenario file.
var keys = []string{"document", "system", "globals", "genesys", "answers", "start", "steps"}

// Scenario is a *.scenario.yaml file.
type Scenario struct {
	Document string             `yaml:"document"` // relative to the scenario file
	System   string             `yaml:"system"`   // a JSON file, relative to the scenario file
	Globals  map[string]any     `yaml:"globals"`
	Genesys  map[string]any     `yaml:"genesys"`
	Answers  map[string][]Event `yaml:"answers"` // effect action → the events ORS sends back
	Start    *Expectation       `yaml:"start"`
	Steps    []Step             `yaml:"steps"`
}

// Step is one event (or a move of the clock) and its expectation.
type Step struct {
	Event   *Event             `yaml:"event"`
	After   int64              `yaml:"after"`
	Answers map[string][]Event `yaml:"answers"`
	Expect  *Expectation       `yaml:"expect"`
}

// Event is an event the scenario sends.
type Event struct {
	Name string         `yaml:"name"`
	Data map[string]any `yaml:"data"`
}

// Expectation is what a step must end with; each field is checked only
// when given.
type Expectation struct {
	Configuration []string         `yaml:"configuration"` // the active atomic states, in any order
	Active        []string         `yaml:"active"`        // states that must be active (any level)
	Effects       []EffectExpected `yaml:"effects"`       // exactly these effects, in order; attrs listed must match
	Logs          []string         `yaml:"logs"`          // each is part of some log message
	Errors        *[]string        `yaml:"errors"`        // exactly these error event names
	Done          *bool            `yaml:"done"`
	Final         string           `yaml:"final"`
}

// EffectExpected is an effect a step must have, with the attributes listed.
type EffectExpected struct {
	Action string         `yaml:"action"`
	Attrs  map[string]any `yaml:"attrs"`
}

// Files lists the scenario files among paths: files as given, and every
// *.scenario.yaml under a directory.
func Files(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".scenario.yaml") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// Read reads a scenario file; an unknown top-level key is an error with
// its position.
func Read(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlerr.Syntax(path, data, err)
	}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		for i := 0; i+1 < len(doc.Content[0].Content); i += 2 {
			if k := doc.Content[0].Content[i]; !slices.Contains(keys, k.Value) {
				return nil, fmt.Errorf("%s:%d:%d: unknown key %q (want %s)", path, k.Line, k.Column, k.Value, strings.Join(keys, ", "))
			}
		}
	}
	var sc Scenario
	if err := doc.Decode(&sc); err != nil {
		return nil, userError(path, err)
	}
	if sc.Document == "" {
		return nil, fmt.Errorf("%s: no document: name the SCXML document to run", path)
	}
	return &sc, nil
}
