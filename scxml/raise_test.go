package scxml

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTransitionRaises(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"raise", `<raise event="application.exit"/>`, []string{"application.exit"}},
		{"inside if and else", `<if cond="a"><raise event="x"/><else/><if cond="b"><raise event="y"/></if></if>`, []string{"x", "y"}},
		{"send with a name", `<send event="done.now"/>`, []string{"done.now"}},
		{"send with a string literal, as Composer writes it", `<send event="'application.start'" delay="'1s'"/>`, []string{"application.start"}},
		{"send with a double-quoted literal", `<send event='"a.b"'/>`, []string{"a.b"}},
		{"eventexpr literal", `<send eventexpr="'later'"/>`, []string{"later"}},
		{"eventexpr computed", `<send eventexpr="'ev.' + n"/>`, nil},
		{"send to itself", `<send event="me" target="#_internal"/>`, []string{"me"}},
		{"send elsewhere", `<send event="other" target="#_parent"/>`, nil},
		{"send to a computed target", `<send event="other" targetexpr="t"/>`, nil},
		{"send to its own session id", `<send event="me" targetexpr="'#_scxml_' + _sessionid"/>`, []string{"me"}},
		{"send to another session id", `<send event="other" targetexpr="'#_scxml_' + other"/>`, nil},
		{"send to a fixed session id", `<send event="other" target="#_scxml_foo"/>`, nil},
		{"foreign element", `<ixn:terminate xmlns:ixn="urn:ixn"><raise event="no"/></ixn:terminate>`, nil},
		{"nothing raised", `<log expr="'application.exit'"/>`, nil},
		{"blank raise", `<raise event=" "/>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition event="go">` + tt.body + `</transition></state></scxml>`
			d, err := Parse("t.scxml", []byte(src))
			require.NoError(t, err)
			require.Len(t, d.Transitions, 1)
			assert.Equal(t, tt.want, d.Transitions[0].Raises)
		})
	}
}

func TestExampleGeneratedIPDRaises(t *testing.T) {
	f, err := ReadFile(filepath.Join(examplesDir, "src-gen/IPD_default_defaultWorkflow.scxml"))
	require.NoError(t, err)
	h := f.Document.State("_composer_event_handler")
	require.NotNil(t, h)
	var got [][]string
	for _, tr := range h.Transitions {
		got = append(got, tr.Raises)
	}
	exit := []string{"application.exit"}
	assert.Equal(t, [][]string{
		nil, {"application.start"}, {"application.start"}, {"application.start"},
		nil, exit, exit, nil,
		exit, exit, nil, nil,
		exit,
	}, got)
}

func TestHandlerBodyRaises(t *testing.T) {
	p, err := ReadProcess("default.ixnprocess", []byte(testIPD))
	require.NoError(t, err)
	assert.Equal(t, []string{"application.exit"}, p.Handlers[0].Raises)
	assert.Empty(t, p.Handlers[1].Raises)
	assert.Empty(t, p.Handlers[2].Raises, "a body that is not well-formed raises nothing known")
}

// A Composer handler body that sends application.exit to the session
// raises it just as <raise> does.
func TestHandlerBodySendRaises(t *testing.T) {
	for _, body := range []string{
		`&lt;raise event=&quot;application.exit&quot;/&gt;`,
		`&lt;send event=&quot;application.exit&quot;/&gt;`,
		`&lt;send event=&quot;'application.exit'&quot; target=&quot;#_internal&quot;/&gt;`,
	} {
		src := `<?xml version="1.0" encoding="UTF-8"?>
<ixn:IpdDiagram xmlns:ixn="http://www.genesyslab.com/ixn" name="p">
  <events name="interaction released" event="interaction.notcontrolled" condition="" body="` + body + `"/>
</ixn:IpdDiagram>`
		p, err := ReadProcess("p.ixnprocess", []byte(src))
		require.NoError(t, err)
		require.Len(t, p.Handlers, 1)
		assert.Equal(t, []string{"application.exit"}, p.Handlers[0].Raises, body)
	}
}
