package conformance

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Case is one conformance case. Which fields it sets decides its kind:
//
//   - descriptor: an event attribute matched against EventName;
//   - cond: a condition evaluated against Event, System, States, Globals;
//   - handlers or scxml: a handler set that Steps dispatch events to.
type Case struct {
	ID     string `yaml:"id"`
	Source string `yaml:"source"` // where the expectation comes from: the seed, a W3C test, a docs/ors.md section
	Note   string `yaml:"note"`   // why the expectation holds, for readers of the report

	// Descriptor matching.
	Descriptor *string `yaml:"descriptor"`
	EventName  string  `yaml:"eventname"`

	// Evaluation.
	Cond      *string        `yaml:"cond"`
	Event     map[string]any `yaml:"event"`
	System    map[string]any `yaml:"system"`
	States    []string       `yaml:"states"`
	Globals   map[string]any `yaml:"globals"`
	SessionID string         `yaml:"sessionid"`
	DocName   string         `yaml:"docname"` // _name
	Expect    *bool          `yaml:"expect"`
	Error     string         `yaml:"error"` // the JavaScript error class the evaluation must raise

	// Dispatch.
	Handlers string `yaml:"handlers"` // a handler file under handlers/
	SCXML    string `yaml:"scxml"`    // an inline SCXML document
	Steps    []Step `yaml:"steps"`
	Outcome  string `yaml:"outcome"` // "ended" or "active" after the steps

	File string `yaml:"-"` // the case file it came from
}

// Step dispatches one event. A step without an event takes the eventless
// transitions instead.
type Step struct {
	Event   map[string]any    `yaml:"event"`
	States  []string          `yaml:"states"`  // the configuration; the case's States, else the set's default
	Fired   *[]string         `yaml:"fired"`   // exactly these handlers fire, in this order
	Targets *[]string         `yaml:"targets"` // the fired handlers' targets, in order
	Skipped map[string]string `yaml:"skipped"` // handler → reason it did not fire
}

// Kind says how a case is run.
type Kind string

// Case kinds.
const (
	KindDescriptor Kind = "descriptor"
	KindEval       Kind = "eval"
	KindDispatch   Kind = "dispatch"
)

// Kind tells the case's kind from its fields.
func (c *Case) Kind() Kind {
	switch {
	case c.Descriptor != nil:
		return KindDescriptor
	case c.Cond != nil:
		return KindEval
	default:
		return KindDispatch
	}
}

// file is one YAML file of cases. A case's fields are laid over Defaults:
// the top-level keys of event merge, so a case can give only the event data
// that differs; every other field, system and globals included, replaces.
type file struct {
	Suite       string      `yaml:"suite"`
	Description string      `yaml:"description"`
	Defaults    yaml.Node   `yaml:"defaults"`
	Cases       []yaml.Node `yaml:"cases"`
}

// Load reads every cases/*.yaml file of fsys, in name order, and checks
// that each case is complete and its id unique.
func Load(fsys fs.FS) ([]*Case, error) {
	names, err := fs.Glob(fsys, "cases/*.yaml")
	if err != nil {
		return nil, err
	}
	var all []*Case
	ids := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		cases, err := parseFile(name, data)
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			if prev, dup := ids[c.ID]; dup {
				return nil, fmt.Errorf("%s: case %q is also in %s", name, c.ID, prev)
			}
			ids[c.ID] = name
			if err := c.check(fsys); err != nil {
				return nil, fmt.Errorf("%s: case %q: %w", name, c.ID, err)
			}
		}
		all = append(all, cases...)
	}
	return all, nil
}

// parseFile decodes one case file, applying its defaults to every case.
func parseFile(name string, data []byte) ([]*Case, error) {
	var f file
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []*Case
	for i := range f.Cases {
		c := &Case{File: path.Base(name)}
		if f.Defaults.Kind != 0 {
			if err := decodeStrict(&f.Defaults, c); err != nil {
				return nil, fmt.Errorf("%s: defaults: %w", name, err)
			}
		}
		if err := decodeStrict(&f.Cases[i], c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, f.Cases[i].Line, err)
		}
		// system and globals replace the defaults' whole, so a case can
		// take a key away; event merges key by key.
		var own Case
		if err := f.Cases[i].Decode(&own); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, f.Cases[i].Line, err)
		}
		if own.System != nil {
			c.System = own.System
		}
		if own.Globals != nil {
			c.Globals = own.Globals
		}
		out = append(out, c)
	}
	return out, nil
}

// decodeStrict decodes a node into v, refusing keys v does not have.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if k != "<<" && !slices.Contains(caseKeys, k) {
				return fmt.Errorf("line %d: unknown case key %q", n.Content[i].Line, k)
			}
		}
	}
	return n.Decode(v)
}

// caseKeys are the YAML keys of Case.
var caseKeys = []string{
	"id", "source", "note", "descriptor", "eventname", "cond", "event", "system", "states",
	"globals", "sessionid", "docname", "expect", "error", "handlers", "scxml", "steps", "outcome",
}

var reasons = []string{"disabled", "descriptor", "inactive", "error", "condition", "preempted"}

// check reports a case that cannot be run as written.
func (c *Case) check(fsys fs.FS) error {
	if c.ID == "" {
		return fmt.Errorf("no id")
	}
	if c.Source == "" {
		return fmt.Errorf("no source")
	}
	switch c.Kind() {
	case KindDescriptor, KindEval:
		if c.Expect == nil {
			return fmt.Errorf("no expect")
		}
		if c.Error != "" && *c.Expect {
			return fmt.Errorf("a condition that raises an error is false: expect must be false")
		}
	case KindDispatch:
		if (c.Handlers == "") == (c.SCXML == "") {
			return fmt.Errorf("a dispatch case needs exactly one of handlers and scxml")
		}
		if c.Handlers != "" {
			if _, err := fs.Stat(fsys, "handlers/"+c.Handlers); err != nil {
				return fmt.Errorf("handlers: %w", err)
			}
		}
		if len(c.Steps) == 0 {
			return fmt.Errorf("no steps")
		}
		for i, s := range c.Steps {
			for h, r := range s.Skipped {
				if !slices.Contains(reasons, r) {
					return fmt.Errorf("step %d: handler %q: reason %q is none of %v", i+1, h, r, reasons)
				}
			}
		}
		if c.Outcome != "" && c.Outcome != "ended" && c.Outcome != "active" {
			return fmt.Errorf("outcome %q: want ended or active", c.Outcome)
		}
	}
	return nil
}
