package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
