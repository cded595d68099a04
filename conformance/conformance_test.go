package conformance

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSuite runs every embedded case as a subtest.
func TestSuite(t *testing.T) {
	cases, err := Cases()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(cases), 150, "the suite must keep at least 150 cases")
	r := NewRunner(Files())
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			res := r.Run(context.Background(), c)
			assert.True(t, res.Pass, "%s (source: %s)", res.Detail, c.Source)
		})
	}
}

// TestRunnerCatchesWrongExpectations turns every kind of expectation
// around and checks that the runner reports it: a suite whose runner cannot
// fail proves nothing.
func TestRunnerCatchesWrongExpectations(t *testing.T) {
	fsys := fstest.MapFS{
		"handlers/h.yaml": {Data: []byte("handlers:\n  - {name: a, event: e, cond: '_event.data.ok', ends: true}\n  - {name: b, event: e}\n")},
		"cases/wrong.yaml": {Data: []byte(`suite: wrong
cases:
  - {id: descriptor, source: t, descriptor: foo, eventname: foobar, expect: true}
  - {id: value, source: t, cond: "1 == 2", expect: true}
  - {id: missing-error, source: t, cond: "_event.data.x.y", expect: false}
  - {id: wrong-error, source: t, cond: "_event.data.x.y", expect: false, error: ReferenceError}
  - {id: unexpected-pass, source: t, cond: "true", expect: false, error: TypeError}
  - id: fired
    source: t
    handlers: h.yaml
    steps: [{event: {name: e, data: {ok: false}}, fired: [a]}]
  - id: skipped
    source: t
    handlers: h.yaml
    steps: [{event: {name: e, data: {ok: true}}, skipped: {a: condition}}]
  - id: no-such-handler
    source: t
    handlers: h.yaml
    steps: [{event: {name: e, data: {ok: true}}, skipped: {zzz: condition}}]
  - id: outcome
    source: t
    handlers: h.yaml
    steps: [{event: {name: e, data: {ok: true}}}]
    outcome: active
  - id: after-end
    source: t
    handlers: h.yaml
    steps: [{event: {name: e, data: {ok: true}}}, {event: {name: e}, fired: []}]
  - id: targets
    source: t
    scxml: <scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0"><state id="a"><transition event="e" target="b"/></state><state id="b"/></scxml>
    steps: [{event: {name: e}, targets: [c]}]
  - id: unknown-state
    source: t
    handlers: h.yaml
    steps: [{event: {name: e}, states: [nowhere]}]
`)},
	}
	cases, err := Load(fsys)
	require.NoError(t, err)
	r := NewRunner(fsys)
	want := map[string]string{
		"descriptor":      `descriptor "foo" on event "foobar": got false, want true`,
		"value":           "got false, want true",
		"missing-error":   "raised error.execution: TypeError",
		"wrong-error":     `error "TypeError"), want false with error.execution ReferenceError`,
		"unexpected-pass": `got true (error ""), want false with error.execution TypeError`,
		"fired":           "fired [b], want [a]",
		"skipped":         `handler "a": fired, want skipped for condition`,
		"no-such-handler": `handler "zzz": no such handler`,
		"outcome":         "the session is ended after the steps, want active",
		"after-end":       "the session ended at step 1",
		"targets":         "with targets [b], want targets [c]",
		"unknown-state":   `no state "nowhere"`,
	}
	require.Len(t, cases, len(want))
	for _, c := range cases {
		res := r.Run(context.Background(), c)
		assert.False(t, res.Pass, c.ID)
		assert.Contains(t, res.Detail, want[c.ID], c.ID)
	}
}

func TestLoadRejectsBadCases(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown key", "cases:\n  - {id: a, source: s, cond: 'true', expect: true, expcet: 1}\n", `unknown case key "expcet"`},
		{"no id", "cases:\n  - {source: s, cond: 'true', expect: true}\n", "no id"},
		{"no source", "cases:\n  - {id: a, cond: 'true', expect: true}\n", "no source"},
		{"no expect", "cases:\n  - {id: a, source: s, cond: 'true'}\n", "no expect"},
		{"error but true", "cases:\n  - {id: a, source: s, cond: 'x', expect: true, error: TypeError}\n", "expect must be false"},
		{"duplicate", "cases:\n  - {id: a, source: s, cond: 'true', expect: true}\n  - {id: a, source: s, cond: 'true', expect: true}\n", `case "a" is also in`},
		{"both sets", "cases:\n  - {id: a, source: s, handlers: h.yaml, scxml: '<scxml/>', steps: [{}]}\n", "exactly one of handlers and scxml"},
		{"missing handler file", "cases:\n  - {id: a, source: s, handlers: none.yaml, steps: [{}]}\n", "handlers: "},
		{"bad reason", "cases:\n  - {id: a, source: s, scxml: '<scxml/>', steps: [{skipped: {x: because}}]}\n", `reason "because"`},
		{"bad outcome", "cases:\n  - {id: a, source: s, scxml: '<scxml/>', steps: [{}], outcome: over}\n", `outcome "over"`},
		{"unknown file key", "suite: x\ncasez: []\n", "casez"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"cases/c.yaml": {Data: []byte(tt.yaml)}})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestDefaultsMerge(t *testing.T) {
	cases, err := Load(fstest.MapFS{"cases/c.yaml": {Data: []byte(`
defaults:
  source: s
  cond: "true"
  event: {name: e, type: internal}
  system: {A: 1, B: 2}
cases:
  - {id: a, event: {data: {x: 1}}, expect: true}
  - {id: b, event: {name: f}, system: {}, expect: true}
`)}})
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, map[string]any{"name": "e", "type": "internal", "data": map[string]any{"x": 1}}, cases[0].Event)
	assert.Equal(t, map[string]any{"name": "f", "type": "internal"}, cases[1].Event)
	assert.Equal(t, "s", cases[1].Source)
	assert.Equal(t, map[string]any{"A": 1, "B": 2}, cases[0].System)
	assert.Equal(t, map[string]any{}, cases[1].System, "system replaces: a case can take keys away")
}
