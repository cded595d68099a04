package scxml

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func endsOf(hs []*ComposerHandler) []bool {
	out := make([]bool, len(hs))
	for i, h := range hs {
		out[i] = h.EndsSession
	}
	return out
}

// A Composer handler ends the session when its body raises application.exit
// or sends it to its own session, or raises an event a handler that ends
// the session takes; a disabled handler takes nothing.
func TestComposerHandlerEnds(t *testing.T) {
	const exit = `&lt;raise event=&quot;application.exit&quot;/&gt;`
	tests := []struct {
		name     string
		handlers string
		want     []bool
	}{
		{"raise", `<events name="a" event="x" body="` + exit + `"/>`, []bool{true}},
		{"send to itself", `<events name="a" event="x" body="&lt;send event=&quot;application.exit&quot;/&gt;"/>`, []bool{true}},
		{"send elsewhere", `<events name="a" event="x" body="&lt;send event=&quot;application.exit&quot; target=&quot;#_parent&quot;/&gt;"/>`, []bool{false}},
		{"through another handler", `<events name="a" event="x" body="&lt;raise event=&quot;bye&quot;/&gt;"/><events name="b" event="bye" body="` + exit + `"/>`, []bool{true, true}},
		{"the taker is disabled", `<events name="a" event="x" body="&lt;raise event=&quot;bye&quot;/&gt;"/><events name="b" event="bye" enabled="false" body="` + exit + `"/>`, []bool{false, true}},
		{"an earlier handler takes it", `<events name="a" event="x" body="&lt;raise event=&quot;bye&quot;/&gt;"/><events name="c" event="bye"/><events name="b" event="bye" body="` + exit + `"/>`, []bool{false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadProcess("p.ixnprocess", []byte(`<ixn:IpdDiagram xmlns:ixn="http://www.genesyslab.com/ixn" name="p">`+tt.handlers+`</ixn:IpdDiagram>`))
			require.NoError(t, err)
			assert.Equal(t, tt.want, endsOf(p.Handlers))
		})
	}
}

// A workflow's conditional exceptions are read the way an IPD's handlers are.
func TestWorkflowExceptionsEnds(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:StrategyDiagram xmi:id="_w" name="Main">
    <blocks xmi:type="ird:EntryBlock" xmi:id="_b0" name="Entry1">
      <conditionalExceptions xmi:type="datatypes:TransitionCommonItem" xmi:id="_x1" name="gone" event="interaction.deleted" condition="" body="&lt;send event=&quot;application.exit&quot;/&gt;"/>
      <conditionalExceptions xmi:type="datatypes:TransitionCommonItem" xmi:id="_x2" name="logged" event="error" condition="" body="&lt;log expr=&quot;'x'&quot;/&gt;"/>
    </blocks>
  </ird:StrategyDiagram>
</xmi:XMI>
`
	f, err := Read("flows/Main.workflow", []byte(src))
	require.NoError(t, err)
	require.NotNil(t, f.Workflow)
	assert.Equal(t, []bool{true, false}, endsOf(f.Workflow.Exceptions))
}
