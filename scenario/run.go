package scenario

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/statechart"
)

// Result is one file's outcome.
type Result struct {
	Path     string
	Failures []string // each expectation that did not hold: the step, what, wanted and got
	Err      error    // the scenario could not run
}

// Options are what a run takes from its surroundings.
type Options struct {
	AllowRead []string // directories documents may read besides their own
}

// Run runs the scenario file at path: it starts the document, answers its
// effects, sends each step's event and checks each expectation.
func Run(path string, opts Options) Result {
	r := Result{Path: path}
	sc, err := Read(path)
	if err != nil {
		r.Err = err
		return r
	}
	dir := filepath.Dir(path)
	start := statechart.Options{Globals: sc.Globals, Genesys: sc.Genesys}
	if sc.System != "" {
		if start.System, err = jsonin.ReadObjectFile(besides(dir, sc.System)); err != nil {
			r.Err = err
			return r
		}
	}
	m, err := statechart.Load(besides(dir, sc.Document), statechart.LoadOptions{AllowRead: opts.AllowRead})
	if err != nil {
		r.Err = err
		return r
	}
	s, st, err := m.Start(start)
	if err != nil {
		r.Err = err
		return r
	}
	defer s.Close() // gives back the port of a Basic HTTP processor it opened
	st = answer(s, st, sc.Answers)
	r.Failures = append(r.Failures, check("start-up", sc.Start, s, st)...)
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
		r.Failures = append(r.Failures, check(label, step.Expect, s, st)...)
	}
	return r
}

// besides resolves a path the scenario names: relative to the scenario
// file's directory, or as it is when absolute.
func besides(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// maxAnswerRounds bounds answers that cause effects that are answered…
const maxAnswerRounds = 100

// answer sends the events the scenario declares for the effects of st, as
// ORS would, and folds what they do into st. A string "$name" in an
// answer's data is the effect's attribute name (e.g. "$requestid").
// Answers to the effects answers cause are sent too, a bounded number of
// rounds. Without an answer the session waits, as it would in ORS.
func answer(s *statechart.Session, st *statechart.Step, answers map[string][]Event) *statechart.Step {
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
func check(label string, want *Expectation, s *statechart.Session, st *statechart.Step) []string {
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

func effectsMatch(want []EffectExpected, got []statechart.Effect) bool {
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
