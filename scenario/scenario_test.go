package scenario

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const doc = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="idle">
  <state id="idle">
    <transition event="go" cond="_event.data.ok" target="done"/>
  </state>
  <final id="done"/>
</scxml>
`

func TestRun(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "doc.scxml"), []byte(doc), 0o600))
	tests := []struct {
		name     string
		scenario string
		failures []string
		err      string
	}{
		{"expectations hold", "document: doc.scxml\nstart: {configuration: [idle]}\nsteps:\n  - event: {name: go, data: {ok: true}}\n    expect: {done: true, final: done}\n", nil, ""},
		{"a condition that is false", "document: doc.scxml\nsteps:\n  - event: {name: go, data: {ok: false}}\n    expect: {configuration: [done]}\n",
			[]string{"step 1 (go): configuration\n    want: [done]\n    got:  [idle]"}, ""},
		{"an unknown key", "document: doc.scxml\nstep: []\n", nil, `:2:1: unknown key "step"`},
		{"no document", "steps: []\n", nil, "no document"},
		{"an absolute document", "document: DIR/doc.scxml\nstart: {configuration: [idle]}\n", nil, ""},
		{"an absolute system file", "document: doc.scxml\nsystem: DIR/none.json\n", nil, "DIR/none.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "x.scenario.yaml")
			require.NoError(t, os.WriteFile(path, []byte(strings.ReplaceAll(tt.scenario, "DIR", dir)), 0o600))
			r := Run(path, Options{})
			assert.Equal(t, tt.failures, r.Failures)
			if tt.err == "" {
				assert.NoError(t, r.Err)
			} else {
				assert.ErrorContains(t, r.Err, strings.ReplaceAll(tt.err, "DIR", dir))
			}
		})
	}
}

func TestFilesFindsTheExamples(t *testing.T) {
	files, err := Files([]string{"../examples"})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		r := Run(f, Options{})
		assert.NoError(t, r.Err, f)
		assert.Empty(t, r.Failures, f)
	}
}

func TestWriteJUnit(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, []Result{
		{Path: "a.scenario.yaml"},
		{Path: "b.scenario.yaml", Failures: []string{"step 1: done\n    want: true\n    got:  false"}},
		{Path: "c.scenario.yaml", Err: os.ErrNotExist},
	}))
	out := b.String()
	assert.Contains(t, out, `<testsuite name="condeval test" tests="3" failures="1" errors="1">`)
	assert.Contains(t, out, `<failure message="step 1: done">`)
	assert.Contains(t, out, `<error message="file does not exist">`)
}

// A value of the wrong kind is named as YAML has it, never as a Go type.
func TestReadPlacesSyntaxErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"document: a.scxml\nsteps: [{send: e}\n", ":2:17: a [ ] list needs ',' between its items and ']' at its end"},
		{"document: a.scxml\nsteps:\n  - send: e\n    expect: \"x\n", ":4:13: the file ends before this quoted text is closed"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), "x.scenario.yaml")
		require.NoError(t, os.WriteFile(p, []byte(tt.text), 0o644))
		_, err := Read(p)
		assert.EqualError(t, err, p+tt.want, tt.text)
	}
}

func TestReadSaysWhatWasWanted(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.scenario.yaml")
	require.NoError(t, os.WriteFile(p, []byte("document: a.scxml\nsteps: {a: 1}\nglobals: [1]\n"), 0o644))
	_, err := Read(p)
	require.Error(t, err)
	assert.Equal(t, p+":2: want a list, got a mapping\n"+p+":3: want a mapping, got a list", err.Error())
}
