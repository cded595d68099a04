package scxml

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A workflow in the shape Composer writes (written here, not copied): a
// block guard, an Assign block, an ECMAScript block whose script and
// condition are statements, and a Log block.
const blocksWorkflow = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:StrategyDiagram xmi:id="_w0" name="Clock">
    <blocks xmi:type="ird:AssignBlock" xmi:id="_w1" name="SetClock" condition="varOpen &amp;&amp; varDay &gt; 0" category="Assign">
      <assignData xmi:type="datatypes:KeyValuePairItem" xmi:id="_w2" Key="varDay" Value="_genesys.session.dayInZone('ECT'"/>
      <assignData xmi:type="datatypes:KeyValuePairItem" xmi:id="_w3" Key="varTarget" Value="'?:(skill > 0)@Stat.GA'"/>
      <assignData xmi:type="datatypes:KeyValuePairItem" xmi:id="_w4" Key="varEmpty" Value=""/>
    </blocks>
    <blocks xmi:type="ird:EcmaScriptBlock" xmi:id="_w5" name="Script1" condition="try {&#xD;&#xA;&#x9;varOk = 1;&#xD;&#xA;} catch (e) {}" category="ECMA Script" script="var n = 1;&#xD;&#xA;n = n &lt; 2 ? n : 2;"/>
    <blocks xmi:type="ird:LogBlock" xmi:id="_w6" name="Log1" condition="" category="Log">
      <loggingDetails>'day ' + varDay &amp;&amp; 1</loggingDetails>
    </blocks>
  </ird:StrategyDiagram>
</xmi:XMI>
`

func TestReadWorkflowBlockItems(t *testing.T) {
	f, err := Read("Workflows/Clock.workflow", []byte(blocksWorkflow))
	require.NoError(t, err)
	type row struct {
		Kind, Block, Element, Attr, Text string
	}
	var got []row
	for _, it := range f.Items {
		got = append(got, row{it.Kind.String(), it.Block, it.Element, it.Attr, it.Text.Value})
	}
	assert.Equal(t, []row{
		{"condition", "SetClock", "blocks", "condition", "varOpen && varDay > 0"},
		{"expression", "SetClock", "assignData", "Value", "_genesys.session.dayInZone('ECT'"},
		{"expression", "SetClock", "assignData", "Value", "'?:(skill > 0)@Stat.GA'"},
		{"program", "Script1", "blocks", "condition", "try {\r\n\tvarOk = 1;\r\n} catch (e) {}"},
		{"program", "Script1", "blocks", "script", "var n = 1;\r\nn = n < 2 ? n : 2;"},
		{"expression", "Log1", "loggingDetails", "", "'day ' + varDay && 1"},
	}, got)

	// Every position maps back to the file as written: the escaping is
	// the XML's alone.
	at := func(it Item, sub string) string {
		i := strings.Index(it.Text.Value, sub)
		require.GreaterOrEqual(t, i, 0, sub)
		from, to := it.Text.FileSpan(i, i+len(sub))
		return blocksWorkflow[from:to]
	}
	assert.Equal(t, "&amp;&amp;", at(f.Items[0], "&&"))
	assert.Equal(t, "&gt;", at(f.Items[0], ">"))
	end := f.Items[1].Text.Pos(len(f.Items[1].Text.Value))
	line5 := strings.Split(blocksWorkflow, "\n")[4]
	assert.Equal(t, 5, end.Line)
	assert.Equal(t, strings.Index(line5, `('ECT'"`)+len(`('ECT'`)+1, end.Column, "the end of the unclosed call, where ')' is missing")
	assert.Equal(t, "&lt;", at(f.Items[4], "<"))
	assert.Equal(t, "&#xD;&#xA;", at(f.Items[4], "\r\n"))
	assert.Equal(t, "&amp;&amp;", at(f.Items[5], "&&"))
}

// A block switched off in Composer (enableStatus="Disabled") is generated
// as a state that only logs that it is disabled, so nothing of it runs:
// its script, branches, logging details and exception handlers are not
// read. Shape of: scmcdev/CRD_GVP_WF 21293985 Workflows/Main.workflow
// (bchIsVIP, emsSetVipParam) and the "is currently disabled" states of its
// src-gen/Main.scxml.
func TestReadWorkflowSkipsDisabledBlocks(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:StrategyDiagram xmi:id="_d0" name="Tiers">
    <blocks xmi:type="ird:EcmaScriptBlock" xmi:id="_d1" name="emsOn" category="ECMA Script" script="varTier = lookupTier();"/>
    <blocks xmi:type="ird:EcmaScriptBlock" xmi:id="_d2" name="emsOff" category="ECMA Script" enableStatus="Disabled" script="var when = new date();">
      <loggingDetails>'tier ' + varTeir</loggingDetails>
      <conditionalExceptions xmi:type="datatypes:TransitionCommonItem" xmi:id="_d3" name="error" event="error" condition="varTeir"/>
    </blocks>
    <blocks xmi:type="ird:BranchingBlock" xmi:id="_d4" name="bchOff" category="Branching" enableStatus="Disabled">
      <conditions xmi:type="datatypes:BranchItem" xmi:id="_d5" name="Gold" expression="varTier.toLowerCase() == 'gold'"/>
    </blocks>
    <blocks xmi:type="ird:BranchingBlock" xmi:id="_d6" name="bchOn" category="Branching" enableStatus="Enabled">
      <conditions xmi:type="datatypes:BranchItem" xmi:id="_d7" name="Gold" expression="varTier == 'gold'"/>
    </blocks>
  </ird:StrategyDiagram>
</xmi:XMI>
`
	f, err := Read("Workflows/Tiers.workflow", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, it := range f.Items {
		got = append(got, it.Block+": "+it.Text.Value)
	}
	assert.Equal(t, []string{"emsOn: varTier = lookupTier();", "bchOn: varTier == 'gold'"}, got)
	assert.Len(t, f.Workflow.Branches, 1)
	assert.Empty(t, f.Workflow.Exceptions)
}
