package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/repl"
	"github.com/condeval/condeval/statechart"
)

// TestCmd runs scenario files: a strategy, the events it gets, and what it
// must do.
type TestCmd struct {
	Paths     []string `arg:"" optional:"" placeholder:"PATH" help:"Scenario files (*.scenario.yaml) or directories to search (default .)."`
	AllowRead []string `placeholder:"DIR" help:"Let documents read files under DIR too (repeatable)."`
	Format    string   `enum:"text,junit" default:"text" help:"Output format: text, or junit (XML for CI)."`
}

// scenarioKeys are the top-level keys of a scenario file.
var scenarioKeys = []string{"document", "system", "globals", "genesys", "answers", "start", "steps"}

// scenario is a *.scenario.yaml file.
type scenario struct {
	Document string                     `yaml:"document"` // relative to the scenario file
	System   string                     `yaml:"system"`   // a JSON file, relative to the scenario file
	Globals  map[string]any             `yaml:"globals"`
	Genesys  map[string]any             `yaml:"genesys"`
	Answers  map[string][]scenarioEvent `yaml:"answers"` // effect action → the events ORS sends back
	Start    *expectation               `yaml:"start"`
	Steps    []scenarioStep             `yaml:"steps"`
}

// scenarioStep is one event (or a move of the clock) and its expectation.
type scenarioStep struct {
	Event   *scenarioEvent             `yaml:"event"`
	After   int64                      `yaml:"after"`
	Answers map[string][]scenarioEvent `yaml:"answers"`
	Expect  *expectation               `yaml:"expect"`
}

type scenarioEvent struct {
	Name string         `yaml:"name"`
	Data map[string]any `yaml:"data"`
}

// expectation is what a step must end with; each field is checked only
// when given.
type expectation struct {
	Configuration []string         `yaml:"configuration"` // the active atomic states, in any order
	Active        []string         `yaml:"active"`        // states that must be active (any level)
	Effects       []effectExpected `yaml:"effects"`       // exactly these effects, in order; attrs listed must match
	Logs          []string         `yaml:"logs"`          // each is part of some log message
	Errors        *[]string        `yaml:"errors"`        // exactly these error event names
	Done          *bool            `yaml:"done"`
	Final         string           `yaml:"final"`
}

type effectExpected struct {
	Action string         `yaml:"action"`
	Attrs  map[string]any `yaml:"attrs"`
}

// scenarioResult is one file's outcome.
type scenarioResult struct {
	path     string
	failures []string
	err      error // the scenario could not run
}

// Run finds the scenarios, runs each and reports them.
func (c *TestCmd) Run(env *Env) error {
	paths := c.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, err := scenarioFiles(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.scenario.yaml file under %s", strings.Join(paths, ", "))
	}
	var results []scenarioResult
	for _, f := range files {
		results = append(results, c.runFile(f))
	}
	if c.Format == "junit" {
		writeJUnit(env.Stdout, results)
	} else {
		writeResults(env.Stdout, results)
	}
	for _, r := range results {
		switch {
		case r.err != nil:
			env.Code = exitUsage
		case len(r.failures) > 0 && env.Code == exitOK:
			env.Code = exitFalse
		}
	}
	return nil
}

func scenarioFiles(paths []string) ([]string, error) {
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

func (c *TestCmd) runFile(path string) scenarioResult {
	r := scenarioResult{path: path}
	sc, err := readScenario(path)
	if err != nil {
		r.err = err
		return r
	}
	dir := filepath.Dir(path)
	opts := statechart.Options{Globals: sc.Globals, Genesys: sc.Genesys}
	if sc.System != "" {
		if opts.System, err = repl.ReadObjectFile(filepath.Join(dir, sc.System)); err != nil {
			r.err = err
			return r
		}
	}
	m, err := statechart.Load(filepath.Join(dir, sc.Document), statechart.LoadOptions{AllowRead: c.AllowRead})
	if err != nil {
		r.err = err
		return r
	}
	s, st, err := m.Start(opts)
	if err != nil {
		r.err = err
		return r
	}
	st = answer(s, st, sc.Answers)
	r.failures = append(r.failures, check("start-up", sc.Start, s, st)...)
	for i, step := range sc.Steps {
		label := fmt.Sprintf("step %d", i+1)
		if step.Event != nil {
			label += " (" + step.Event.Name + ")"
			st = s.SendAfter(statechart.Event{Name: step.Event.Name, Data: step.Event.Data}, step.After)
		} else {
			st = s.Advance(step.After)
		}
		answers := sc.Answers
		if step.Answers != nil {
			answers = step.Answers
		}
		st = answer(s, st, answers)
		r.failures = append(r.failures, check(label, step.Expect, s, st)...)
	}
	return r
}

func readScenario(path string) (*scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		for i := 0; i+1 < len(doc.Content[0].Content); i += 2 {
			if k := doc.Content[0].Content[i]; !slices.Contains(scenarioKeys, k.Value) {
				return nil, fmt.Errorf("%s:%d:%d: unknown key %q (want %s)", path, k.Line, k.Column, k.Value, strings.Join(scenarioKeys, ", "))
			}
		}
	}
	var sc scenario
	if err := doc.Decode(&sc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if sc.Document == "" {
		return nil, fmt.Errorf("%s: no document: name the SCXML document to run", path)
	}
	return &sc, nil
}

// maxAnswerRounds bounds answers that cause effects that are answered…
const maxAnswerRounds = 100

// answer sends the events the scenario declares for the effects of st, as
// ORS would, and folds what they do into st. A string "$name" in an
// answer's data is the effect's attribute name (e.g. "$requestid").
// Answers to the effects answers cause are sent too, a bounded number of
// rounds. Without an answer the session waits, as it would in ORS.
func answer(s *statechart.Session, st *statechart.Step, answers map[string][]scenarioEvent) *statechart.Step {
	pending := st.Effects
	for round := 0; round < maxAnswerRounds && len(pending) > 0; round++ {
		var next []statechart.Effect
		for _, e := range pending {
			for _, a := range answers[e.Action] {
				data, _ := substitute(a.Data, e.Attrs).(map[string]any)
				more := s.Send(statechart.Event{Name: a.Name, Data: data})
				merge(st, more)
				next = append(next, more.Effects...)
			}
		}
		pending = next
	}
	return st
}

func substitute(v any, attrs map[string]any) any {
	switch x := v.(type) {
	case string:
		if name, ok := strings.CutPrefix(x, "$"); ok {
			if val, ok := attrs[name]; ok {
				return val
			}
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = substitute(e, attrs)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = substitute(e, attrs)
		}
		return out
	}
	return v
}

// merge folds a later step into st.
func merge(st, more *statechart.Step) {
	st.Transitions = append(st.Transitions, more.Transitions...)
	st.Exited = append(st.Exited, more.Exited...)
	st.Entered = append(st.Entered, more.Entered...)
	st.Logs = append(st.Logs, more.Logs...)
	st.Effects = append(st.Effects, more.Effects...)
	st.Errors = append(st.Errors, more.Errors...)
	st.Time, st.Configuration, st.Done, st.Final = more.Time, more.Configuration, more.Done, more.Final
}

// check compares a step with its expectation.
func check(label string, want *expectation, s *statechart.Session, st *statechart.Step) []string {
	if want == nil {
		return nil
	}
	var out []string
	fail := func(what string, w, g any) {
		out = append(out, fmt.Sprintf("%s: %s\n    want: %v\n    got:  %v", label, what, w, g))
	}
	if want.Configuration != nil && !sameSet(want.Configuration, st.Configuration) {
		fail("configuration", want.Configuration, st.Configuration)
	}
	for _, id := range want.Active {
		if !slices.Contains(s.Active(), id) && !slices.Contains(st.Configuration, id) {
			fail("active state "+id, "active", st.Configuration)
		}
	}
	if want.Effects != nil && !effectsMatch(want.Effects, st.Effects) {
		fail("effects", want.Effects, st.Effects)
	}
	for _, l := range want.Logs {
		if !slices.ContainsFunc(st.Logs, func(g statechart.Log) bool { return strings.Contains(g.Message, l) }) {
			fail("log", l, logMessages(st.Logs))
		}
	}
	if want.Errors != nil {
		var got []string
		for _, e := range st.Errors {
			got = append(got, e.Name)
		}
		if !slices.Equal(*want.Errors, got) {
			fail("errors", *want.Errors, st.Errors)
		}
	}
	if want.Done != nil && *want.Done != st.Done {
		fail("done", *want.Done, st.Done)
	}
	if want.Final != "" && want.Final != st.Final {
		fail("final", want.Final, st.Final)
	}
	return out
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func effectsMatch(want []effectExpected, got []statechart.Effect) bool {
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		if w.Action != got[i].Action {
			return false
		}
		for k, v := range w.Attrs {
			if !reflect.DeepEqual(normalise(v), normalise(got[i].Attrs[k])) {
				return false
			}
		}
	}
	return true
}

// normalise makes YAML's and JSON's numbers comparable.
func normalise(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	}
	return v
}

func logMessages(logs []statechart.Log) []string {
	var out []string
	for _, l := range logs {
		out = append(out, l.Message)
	}
	return out
}

func writeResults(w io.Writer, results []scenarioResult) {
	var failed int
	for _, r := range results {
		switch {
		case r.err != nil:
			failed++
			fmt.Fprintf(w, "ERROR %s\n", r.path)
			if rep, ok := errorReport(r.err); ok {
				var b strings.Builder
				rep.write(&b)
				io.WriteString(w, indent(b.String(), "  "))
			} else {
				fmt.Fprintf(w, "  %v\n", r.err)
			}
		case len(r.failures) > 0:
			failed++
			fmt.Fprintf(w, "FAIL  %s\n", r.path)
			for _, f := range r.failures {
				fmt.Fprintf(w, "  %s\n", f)
			}
		default:
			fmt.Fprintf(w, "ok    %s\n", r.path)
		}
	}
	fmt.Fprintf(w, "%d scenarios, %d failed\n", len(results), failed)
}

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suite   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name    string        `xml:"name,attr"`
	Failure *junitMessage `xml:"failure,omitempty"`
	Error   *junitMessage `xml:"error,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, results []scenarioResult) {
	suite := junitSuite{Name: "condeval test", Tests: len(results)}
	for _, r := range results {
		c := junitCase{Name: r.path}
		switch {
		case r.err != nil:
			suite.Errors++
			c.Error = &junitMessage{Message: r.err.Error(), Text: r.err.Error()}
		case len(r.failures) > 0:
			suite.Failures++
			c.Failure = &junitMessage{Message: strings.SplitN(r.failures[0], "\n", 2)[0], Text: strings.Join(r.failures, "\n")}
		}
		suite.Cases = append(suite.Cases, c)
	}
	b, _ := xml.MarshalIndent(junitSuites{Suite: []junitSuite{suite}}, "", "  ")
	fmt.Fprintf(w, "%s%s\n", xml.Header, b)
}

func (*TestCmd) manual() manual {
	return manual{
		examples: []example{
			{"Run the example scenarios: the seed's switchover story.", `condeval test examples/`},
			{"For CI: a JUnit report.", `condeval test --format junit examples/scenarios/`},
		},
		exits: []exitCode{
			{exitOK, "every expectation held"},
			{exitFalse, "an expectation failed (the report shows what was wanted and what happened)"},
			{exitUsage, "usage error, or a scenario or document that cannot be read"},
		},
	}
}
