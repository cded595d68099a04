package statechart

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// start loads an inline document placed at dir/name and starts it.
func start(t *testing.T, dir, doc string, opts Options) (*Session, *Step) {
	t.Helper()
	m, err := LoadBytes(filepath.Join(dir, "doc.scxml"), []byte(doc), LoadOptions{Root: dir})
	require.NoError(t, err)
	s, st, err := m.Start(opts)
	require.NoError(t, err)
	return s, st
}

const scxmlHead = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"`

func TestEventlessLoopStops(t *testing.T) {
	s, st := start(t, t.TempDir(), scxmlHead+`>
		<state id="a"><transition target="b"/></state>
		<state id="b"><transition target="a"/></state>
	</scxml>`, Options{MaxMicrosteps: 50})
	assert.True(t, s.Done())
	require.Len(t, st.Errors, 1)
	assert.Equal(t, "error.limit", st.Errors[0].Name)
	assert.Contains(t, st.Errors[0].Message, "more than 50 microsteps")
}

// TestFailingEventlessConditionStops: a condition that throws raises
// error.execution each time it is evaluated, which nothing handles, which
// makes the condition evaluated again: the limit stops that too.
func TestFailingEventlessConditionStops(t *testing.T) {
	s, st := start(t, t.TempDir(), scxmlHead+`>
		<state id="a"><transition cond="undeclared == 2" target="b"/></state>
		<state id="b"/>
	</scxml>`, Options{MaxMicrosteps: 50})
	assert.True(t, s.Done())
	require.NotEmpty(t, st.Errors)
	last := st.Errors[len(st.Errors)-1]
	assert.Equal(t, "error.limit", last.Name)
	assert.Contains(t, last.Message, "more than 50 microsteps")
}

func TestConditionSharesTheDatamodel(t *testing.T) {
	// W3C test 444's point: a condition may change the datamodel.
	s, _ := start(t, t.TempDir(), scxmlHead+`>
		<datamodel><data id="n" expr="1"/></datamodel>
		<state id="a"><transition event="go" cond="++n == 2" target="b"/></state>
		<state id="b"/>
	</scxml>`, Options{})
	s.Send(Event{Name: "go"})
	assert.Equal(t, []string{"b"}, s.Configuration())
}

func TestCallerValuesAreCopied(t *testing.T) {
	system := map[string]any{"ANI": "5551234", "list": []any{1.0}}
	data := map[string]any{"interactionid": "X"}
	s, _ := start(t, t.TempDir(), scxmlHead+`>
		<state id="a"><transition event="go" target="b">
			<script>system.ANI = "1"; system.list.push(2); _event.data.interactionid = "Y";</script>
		</transition></state>
		<state id="b"/>
	</scxml>`, Options{System: system})
	st := s.Send(Event{Name: "go", Data: data})
	assert.Empty(t, st.Errors)
	assert.Equal(t, map[string]any{"ANI": "5551234", "list": []any{1.0}}, system)
	assert.Equal(t, map[string]any{"interactionid": "X"}, data)
}

func TestORSActionsAreEffects(t *testing.T) {
	s, st := start(t, t.TempDir(), scxmlHead+` xmlns:ixn="http://www.genesyslab.com/modules/interaction">
		<datamodel><data id="req"/></datamodel>
		<state id="a"><onentry>
			<ixn:attach requestid="req" interactionid="'X' + 1"/>
		</onentry>
		<transition event="interaction.attach.done" cond="_event.data.requestid == req" target="b"/></state>
		<state id="b"/>
	</scxml>`, Options{})
	require.Len(t, st.Effects, 1)
	e := st.Effects[0]
	assert.Equal(t, "ixn:attach", e.Action)
	assert.Equal(t, "X1", e.Attrs["interactionid"])
	assert.Equal(t, 4, e.At.Line)
	s.Send(Event{Name: "interaction.attach.done", Data: map[string]any{"requestid": e.Attrs["requestid"]}})
	assert.Equal(t, []string{"b"}, s.Configuration())
}

func TestGenesysFunctions(t *testing.T) {
	doc := scxmlHead + `>
		<datamodel><data id="t"/></datamodel>
		<state id="a"><onentry><assign location="t" expr="_genesys.session.timeInZone('UTC')"/></onentry>
		<transition cond="t == '10:00'" target="b"/></state>
		<state id="b"/>
	</scxml>`
	s, st := start(t, t.TempDir(), doc, Options{Genesys: map[string]any{"session.timeInZone()": "10:00"}})
	assert.Empty(t, st.Errors)
	assert.Equal(t, []string{"b"}, s.Configuration())

	s, st = start(t, t.TempDir(), doc, Options{})
	assert.Equal(t, []string{"a"}, s.Configuration())
	require.Len(t, st.Errors, 1)
	assert.Equal(t, "error.execution", st.Errors[0].Name)
	assert.Contains(t, st.Errors[0].Message, "_genesys.session is not declared")
}

func TestDelayedSendsUseVirtualTime(t *testing.T) {
	s, _ := start(t, t.TempDir(), scxmlHead+`>
		<state id="a"><onentry><send event="tick" delay="1h"/></onentry>
			<transition event="tick" target="b"/></state>
		<state id="b"/>
	</scxml>`, Options{})
	assert.Equal(t, []string{"a"}, s.Advance(3599999).Configuration)
	st := s.Advance(1)
	assert.Equal(t, []string{"b"}, st.Configuration)
	assert.Equal(t, int64(3600000), st.Time)
}

func TestContainment(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outside, "secret.js"), []byte("var secret = 1;"), 0o600))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.js"), filepath.Join(root, "link.js")))
	rel, err := filepath.Rel(root, filepath.Join(outside, "secret.js"))
	require.NoError(t, err)
	for name, ref := range map[string]string{
		"absolute": filepath.Join(outside, "secret.js"),
		"dotdot":   rel,
		"url":      "http://127.0.0.1:9/secret.js",
		"file url": "file:///etc/passwd",
		"symlink":  "link.js",
	} {
		t.Run(name, func(t *testing.T) {
			for _, doc := range []string{
				scxmlHead + `><script src="` + ref + `"/><state id="a"/></scxml>`,
				scxmlHead + ` xmlns:xi="http://www.w3.org/2001/XInclude"><state id="a"><xi:include href="` + ref + `" parse="xml"/></state></scxml>`,
			} {
				_, err := LoadBytes(filepath.Join(root, "doc.scxml"), []byte(doc), LoadOptions{Root: root})
				require.Error(t, err)
				assert.Regexp(t, `doc\.scxml:1:\d+: .*(URL|absolute path|outside the project root)`, err.Error())
			}
			// Read at run time: an error event, not a read.
			s, st := start(t, root, scxmlHead+`><datamodel><data id="d" src="`+ref+`"/></datamodel><state id="a"/></scxml>`, Options{})
			require.NotEmpty(t, st.Errors)
			assert.Equal(t, "error.execution", st.Errors[0].Name)
			assert.False(t, s.Done())
		})
	}
	t.Run("allowed", func(t *testing.T) {
		doc := scxmlHead + `><script src="` + rel + `"/><state id="a"/></scxml>`
		_, err := LoadBytes(filepath.Join(root, "doc.scxml"), []byte(doc), LoadOptions{Root: root, AllowRead: []string{outside}})
		assert.NoError(t, err)
	})
}

func TestLoadErrorsHavePositions(t *testing.T) {
	for doc, want := range map[string]string{
		scxmlHead + `><state id="a"><transition target="nowhere"/></state></scxml>`: `doc.scxml:1:\d+: no state has the id "nowhere"`,
		scxmlHead + `><state id="a">`: `doc.scxml:1:\d+: element <state> is not closed`,
		`<html/>`:                     `doc.scxml:1:1: the root element is <html>, not <scxml>`,
		scxmlHead + `><state id="a"/><state id="a"/></scxml>`: `doc.scxml:1:\d+: a second state with id "a"`,
	} {
		_, err := LoadBytes("doc.scxml", []byte(doc), LoadOptions{Root: "."})
		require.Error(t, err)
		assert.Regexp(t, want, err.Error())
	}
}
