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
