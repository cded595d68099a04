package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
)

// file writes text to name in a new directory and returns its path.
func file(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	return path
}

// document is an SCXML document whose one transition has cond.
func document(cond string) string {
	return `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
  <state id="s">
    <transition event="e" cond="` + cond + `" target="s"/>
  </state>
</scxml>
`
}

func TestFinding(t *testing.T) {
	doc := file(t, "d.scxml", document("_event.data.resultof == 'deleted'"))
	findings, _, err := lint.Path(doc, func(string) (lint.Config, error) { return lint.Config{}, nil })
	require.NoError(t, err)
	var c203 []render.Report
	for _, f := range findings {
		if f.Code == "C203" {
			c203 = append(c203, render.Finding(f))
		}
	}
	require.Len(t, c203, 1)
	out := written(t, c203...)
	header, rest, _ := strings.Cut(out, "\n")
	assert.Regexp(t, `^`+regexp.QuoteMeta(doc)+`:3:57: warning: .* \[C203\]$`, header)
	assert.True(t, strings.HasPrefix(rest, lines(
		`    <transition event="e" cond="_event.data.resultof == 'deleted'" target="s"/>`,
		`                                                        ^~~~~~~~~`,
	)), rest)
}

// loadError is the error loading path as a handler set gives, or its
// first problem.
func loadError(t *testing.T, path string) error {
	t.Helper()
	set, err := statechart.LoadHandlers(path)
	if err != nil {
		return err
	}
	require.NotEmpty(t, set.Problems)
	return set.Problems[0]
}

func TestLocatedAndError(t *testing.T) {
	broken := file(t, "broken.scxml", "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\">\n  <state id=\"s\">\n</scxml>\n")
	unclosed := file(t, "unclosed.scxml", document("a == (1"))
	xpath := file(t, "xpath.scxml", "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" datamodel=\"xpath\">\n</scxml>\n")
	missing := filepath.Join(t.TempDir(), "e.json")
	_, notThere := os.Open(missing)
	tests := []struct {
		name string
		err  func(t *testing.T) error
		want string // "" when the error names no place
		line string // what Error writes
	}{
		{
			name: "XML that is not well-formed reads as lint reports it",
			err:  func(t *testing.T) error { return loadError(t, broken) },
			want: lines(
				broken+":3:1: error: element <state> closed by </scxml> [C200]",
				"</scxml>",
				"^",
			),
		},
		{
			name: "a handler whose condition does not compile never fires",
			err:  func(t *testing.T) error { return loadError(t, unclosed) },
			want: lines(
				unclosed+":3:40: error: missing ')' to close '(' opened at 3:38 [C101]",
				`    <transition event="e" cond="a == (1" target="s"/>`,
				`                                       ^`,
				`  = note: handler "s#1" never fires`,
			),
		},
		{
			name: "a document that does not load, at its place",
			err: func(t *testing.T) error {
				_, err := statechart.Load(xpath, statechart.LoadOptions{})
				return err
			},
			want: lines(
				xpath+`:1:1: error: the "xpath" data model is not supported; only ecmascript is`,
				`<scxml xmlns="http://www.w3.org/2005/07/scxml" datamodel="xpath">`,
				`^`,
			),
		},
		{
			name: "a file that cannot be read has no place and is said in words",
			err:  func(*testing.T) error { return fmt.Errorf("--event: %w", notThere) },
			line: "condeval: cannot read --event " + missing + ": no such file or directory\n",
		},
		{
			name: "any other error keeps its text",
			err:  func(*testing.T) error { return errors.New("the handler set is empty") },
			line: "condeval: the handler set is empty\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err(t)
			r, ok := render.Located(err)
			var b bytes.Buffer
			render.Error(&b, err)
			if tt.want == "" {
				assert.False(t, ok)
				assert.Equal(t, tt.line, b.String())
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, written(t, r))
			assert.Equal(t, tt.want, b.String(), "Error writes the report")
		})
	}
}

func TestHandlerExec(t *testing.T) {
	env := runtime.Env{Event: map[string]any{"name": "e", "data": map[string]any{}}}
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{
			name: "at its place in the file, when the condition is written as the engine reads it",
			file: "h.yaml",
			text: "handlers:\n  - {name: reads-data, event: e, cond: _event.data.x.y}\n",
			want: []string{
				":2:54: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
				"  - {name: reads-data, event: e, cond: _event.data.x.y}",
				"                                                     ^",
			},
		},
		{
			name: "at the condition's start when an escape comes before the error",
			file: "d.scxml",
			text: document("true &amp;&amp; _event.data.x.y"),
			want: []string{
				":3:33: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
				`    <transition event="e" cond="true &amp;&amp; _event.data.x.y" target="s"/>`,
				"                                ^",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := file(t, tt.file, tt.text)
			set, err := statechart.LoadHandlers(path)
			require.NoError(t, err)
			require.Len(t, set.Handlers, 1)
			h := set.Handlers[0]
			assert.Equal(t, lines(append([]string{path + tt.want[0]}, tt.want[1:]...)...),
				written(t, render.HandlerExec(h, raised(t, h.Cond, env))))
		})
	}
}

func TestStepError(t *testing.T) {
	doc := file(t, "d.scxml", document("_event.data.x.y"))
	var e statechart.Error
	e.Name, e.Type, e.Message = "error.execution", "TypeError", "Cannot read property 'y' of undefined"
	e.At.File, e.At.Line, e.At.Column = doc, 3, 33
	var b bytes.Buffer
	render.StepError(&b, e)
	assert.Equal(t, lines(
		"  "+doc+":3:33: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
		`      <transition event="e" cond="_event.data.x.y" target="s"/>`,
		"                                  ^",
	), b.String(), "indented under the step, at the place the step names")

	e.Name, e.Type, e.Message = "error.communication", "", "no such target"
	e.At.File = filepath.Join(t.TempDir(), "gone.scxml")
	b.Reset()
	render.StepError(&b, e)
	assert.Equal(t, "  "+e.At.File+":3:33: error: no such target [error.communication]\n", b.String(),
		"without its class when it has none, and without the line when the file cannot be read")
}

func TestIndent(t *testing.T) {
	var b bytes.Buffer
	w := render.Indent(&b, "> ")
	for _, part := range []string{"one", " line\ntwo\n", "\n", "three\n"} {
		n, err := w.Write([]byte(part))
		require.NoError(t, err)
		assert.Equal(t, len(part), n)
	}
	assert.Equal(t, "> one line\n> two\n> \n> three\n", b.String())
}
