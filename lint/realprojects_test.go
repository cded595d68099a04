package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/scxml"
)

// Shapes seen in public Composer projects (docs/ors.md §11) that must
// lint clean. Each fixture is written for the test from the shape of the
// generated code, not copied; the comment names where the shape was seen.

// Every Entry block Composer 8.1.450 and later generates sets the OCS
// system variables from three functions of the stock include/RouteFeature.js.
// Shape of: rocklogu/IVRcodetesting b8248abb src-gen/default.scxml (Entry),
// genesyssandbox/routing f5e42310 src-gen/default.scxml (Entry1).
func TestEntryBlockOCSFunctionsAreKnown(t *testing.T) {
	const doc = `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="_composer_entry">
<state id="_composer_entry"><onentry><script>var system = _data.system.context;
system.OCS_RecordURI = getWorkflowRecordURI();
system.OCS_URI = getWorkflowOCSURI();
system.OCS_Record = getWorkflowOCSRecord();
</script></onentry>
<transition event="e" cond="getWorkflowOCSURI() != '' &amp;&amp; getWorkflowOCSRcord()"/>
</state></scxml>`
	assert.Equal(t, []string{"7:66-7:85 C201 getWorkflowOCSRcord"}, lintString(t, "Main.scxml", doc))
}

// A name a workflow does not declare is declared in its Entry block's
// variables (Composer's Variables dialog), not with <data> or a <script>:
// the help says so in a workflow. Shape of: scmcdev/CRD_GVP_WF 21293985
// Workflows/Survey.workflow, whose User Input block collects into a
// variable its Entry block lacks.
func TestUndeclaredNameHelpInAWorkflow(t *testing.T) {
	const workflow = `<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><ird:StrategyDiagram xmlns:ird="http://studio.genesyslab.com/ird/" name="Survey">
<blocks name="Entry1"><variables name="varScore" value="undefined" type="User"/></blocks>
<blocks name="Log1"><loggingDetails>'score ' + varScore + varDigits</loggingDetails></blocks>
</ird:StrategyDiagram></xmi:XMI>`
	const scxmlDoc = `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><onentry><log expr="varDigits"/></onentry></state></scxml>`
	help := func(name, src string) []string {
		f, err := scxml.Read(name, []byte(src))
		require.NoError(t, err)
		out := []string{}
		for _, fd := range File(f, Config{}) {
			out = append(out, fd.Message+": "+fd.Suggestion)
		}
		return out
	}
	assert.Equal(t, []string{"'varDigits' is not declared: add it to the Entry block's variables, or check the include files"}, help("Workflows/Survey.workflow", workflow))
	assert.Equal(t, []string{`'varDigits' is not declared: declare it with <data id="varDigits"> or var in a <script>, or check the include files`}, help("src-gen/Survey.scxml", scxmlDoc))
}
