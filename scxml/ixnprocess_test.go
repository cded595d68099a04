package scxml

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A synthetic IPD in the shape Composer writes (docs/ors.md §5, §7).
const testIPD = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ipd="http://studio.genesyslab.com/ipd/">
  <ipd:IpdDiagram xmi:id="_d1" name="default">
    <blocks xmi:type="ipd:WorkflowBlock" xmi:id="_b1" name="Main" resource="/Workflows/Main.workflow"/>
    <waitForEvent>interaction.present</waitForEvent>
    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="_e1" name="gone" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; (!_event.data.resultof || _event.data.resultof == 'deletion')" body="&lt;if cond=&quot;!isEventHandledByApplication()&#xA;&#x9;&amp;amp;&amp;amp; ok&quot;>&#xA;&#x9;&lt;raise event=&quot;application.exit&quot;/>&#xA;&lt;/if>" target="false" description="ends the session"/>
    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="_e2" name="off" event="interaction.onmerge" condition="x &amp;lt; 2" enabled="false" body="&lt;script>&lt;![CDATA[var stop = a &amp;&amp; b;]]>&lt;/script>&lt;if cond=&quot;stop&quot;/>"/>
    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="_e3" name="catch all" event="error" condition="" body="&lt;if cond=&quot;broken&quot;>"/>
    <eventsBackup xmi:type="datatypes:TransitionCommonItem" xmi:id="_k1" name="gone" event="interaction.deleted" condition="old"/>
  </ipd:IpdDiagram>
</xmi:XMI>
`

func TestReadProcess(t *testing.T) {
	p, err := ReadProcess("default.ixnprocess", []byte(testIPD))
	require.NoError(t, err)
	assert.Equal(t, "default", p.Name)
	assert.Equal(t, "interaction.present", p.WaitForEvent)
	assert.Equal(t, []string{"/Workflows/Main.workflow"}, p.Workflows)
	require.Len(t, p.Handlers, 3)
	require.Len(t, p.Backup, 1)
	assert.Equal(t, "old", p.Backup[0].Condition.Value)

	gone, off, all := p.Handlers[0], p.Handlers[1], p.Handlers[2]
	assert.Equal(t, "gone", gone.Name)
	assert.Equal(t, "interaction.deleted", gone.Event.Value)
	assert.Equal(t, "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')", gone.Condition.Value)
	assert.True(t, gone.Enabled)
	assert.Equal(t, "ends the session", gone.Description)
	assert.Equal(t, "false", gone.Target)
	assert.Equal(t, 6, gone.Pos.Line)
	assert.Equal(t, "x < 2", off.Condition.Value)
	assert.False(t, off.Enabled)
	assert.Empty(t, all.Condition.Value)
	require.NotNil(t, all.BodyErr)
	assert.Equal(t, []*SyntaxError{all.BodyErr}, p.Problems)
	assert.Equal(t, 8, all.BodyErr.Pos.Line)
	assert.Equal(t, "default.ixnprocess:8:118: handler body: element <if> is not closed", all.BodyErr.Error())
}

func TestProcessPositionsThroughTwoLayers(t *testing.T) {
	p, err := ReadProcess("default.ixnprocess", []byte(testIPD))
	require.NoError(t, err)
	src := string(p.Source.Data)
	tests := []struct {
		name     string
		text     Text
		sub      string
		wantSrc  string // the file text the decoded sub comes from
		wantLine int
	}{
		{"&& in a condition is 18 characters", p.Handlers[0].Condition, "&&", "&amp;amp;&amp;amp;", 6},
		{"one & is 9", p.Handlers[0].Condition, "&", "&amp;amp;", 6},
		{"< in a condition", p.Handlers[1].Condition, "<", "&amp;lt;", 7},
		{"identifier after the &&", p.Handlers[0].Condition, "(!_event", "(!_event", 6},
		{"&& in a body cond", bodyItem(t, p.Handlers[0], "if").Text, "&&", "&amp;amp;&amp;amp;", 6},
		{"a body cond's line break", bodyItem(t, p.Handlers[0], "if").Text, ")  ", ")&#xA;&#x9;", 6},
		{"CDATA in a body script", bodyItem(t, p.Handlers[1], "script").Text, "&&", "&amp;&amp;", 7},
		{"a quote-delimited body cond", bodyItem(t, p.Handlers[1], "if").Text, "stop", "stop", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text.Value, tt.sub)
			require.GreaterOrEqual(t, i, 0, "%q in %q", tt.sub, tt.text.Value)
			from, to := tt.text.FileSpan(i, i+len(tt.sub))
			assert.Equal(t, tt.wantSrc, src[from:to])
			assert.Equal(t, tt.wantLine, tt.text.Pos(i).Line)
		})
	}
}

func bodyItem(t *testing.T, h *ComposerHandler, element string) Item {
	t.Helper()
	for _, it := range h.BodyItems {
		if it.Element == element {
			return it
		}
	}
	t.Fatalf("no <%s> in the body of %q", element, h.Name)
	return Item{}
}

func TestProcessItems(t *testing.T) {
	p, err := ReadProcess("default.ixnprocess", []byte(testIPD))
	require.NoError(t, err)
	type row struct {
		Kind                          Kind
		Element, Attr, Event, Handler string
		MultiLine                     bool
		Value                         string
	}
	var got []row
	for _, it := range p.Items {
		got = append(got, row{it.Kind, it.Element, it.Attr, it.Event, it.Handler, it.Text.MultiLine(), it.Text.Value})
	}
	assert.Equal(t, []row{
		{Descriptors, "events", "event", "interaction.deleted", "gone", false, "interaction.deleted"},
		{Condition, "events", "condition", "interaction.deleted", "gone", false, p.Handlers[0].Condition.Value},
		{Condition, "if", "cond", "interaction.deleted", "gone", true, "!isEventHandledByApplication()  && ok"},
		// "off" is switched off: Composer does not generate its code
		{Descriptors, "events", "event", "error", "catch all", false, "error"},
	}, got)
}

const testWorkflow = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:StrategyDiagram xmi:id="_w" name="Main">
    <blocks xmi:type="ird:EntryBlock" xmi:id="_b0" name="Entry1">
      <variables xmi:type="datatypes:Variable" xmi:id="_v1" name="system.ANI" value="undefined" type="System"/>
      <variables xmi:type="datatypes:Variable" xmi:id="_v2" name="varVip" value="false" type="User"/>
      <conditionalExceptions xmi:type="datatypes:TransitionCommonItem" xmi:id="_x1" name="interaction.deleted" event="interaction.deleted" condition="a &amp;amp;&amp;amp; b"/>
    </blocks>
    <blocks xmi:type="ird:BranchingBlock" xmi:id="_b1" name="IsVip" category="Branching">
      <conditions xmi:type="datatypes:BranchItem" xmi:id="_c1" name="Vip" expression="varVip == true &amp;&amp; system.ANI != &quot;&quot;" postAction=""/>
      <conditions xmi:type="datatypes:BranchItem" xmi:id="_c2" name="Empty" expression=""/>
    </blocks>
  </ird:StrategyDiagram>
</xmi:XMI>
`

func TestReadWorkflow(t *testing.T) {
	f, err := Read("flows/Main.workflow", []byte(testWorkflow))
	require.NoError(t, err)
	w := f.Workflow
	assert.Equal(t, "Main", w.Name)
	assert.Equal(t, []string{"varVip"}, f.Variables)
	require.Len(t, w.Branches, 2)
	br := w.Branches[0]
	assert.Equal(t, "IsVip", br.Block)
	assert.Equal(t, "Vip", br.Name)
	assert.Equal(t, `varVip == true && system.ANI != ""`, br.Expression.Value)
	i := strings.Index(br.Expression.Value, "&&")
	from, to := br.Expression.FileSpan(i, i+2)
	assert.Equal(t, "&amp;&amp;", testWorkflow[from:to], "branch expressions are escaped once")
	require.Len(t, w.Exceptions, 1)
	assert.Equal(t, "a && b", w.Exceptions[0].Condition.Value, "exception conditions are escaped twice")
	assert.Equal(t, "Entry1", w.Exceptions[0].Block)

	var kinds []string
	for _, it := range f.Items {
		kinds = append(kinds, it.Kind.String()+" "+it.Block+"/"+it.Handler)
	}
	assert.Equal(t, []string{"descriptors Entry1/interaction.deleted", "condition Entry1/interaction.deleted", "condition IsVip/Vip"}, kinds)
}
