package conformance

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
	"github.com/condeval/condeval/statechart"
)

// Lint and dispatch read the same facts from one place: which event a
// handler listens to (builtins' descriptor) and whether it ends the session
// (scxml). For each document, what dispatch does with an
// interaction.notcontrolled event must be what lint says about the handler.
func TestLintAndDispatchAgree(t *testing.T) {
	const ipd = `<ixn:IpdDiagram xmlns:ixn="http://www.genesyslab.com/ixn" name="p">
  <events name="released" event="%s" condition="_event.data.interactionid == system.InteractionID" body="%s"/>
</ixn:IpdDiagram>`
	tests := []struct {
		name, file, src string
		fires, ends     bool
		codes           []string // the codes lint reports
	}{
		{"raise application.exit", "p.ixnprocess", fmt.Sprintf(ipd, "interaction.notcontrolled", `&lt;raise event=&quot;application.exit&quot;/&gt;`),
			true, true, []string{"C209", "C207"}},
		{"send application.exit to itself", "p.ixnprocess", fmt.Sprintf(ipd, "interaction.notcontrolled", `&lt;send event=&quot;application.exit&quot;/&gt;`),
			true, true, []string{"C209", "C207"}},
		{"send application.exit to the parent", "p.ixnprocess", fmt.Sprintf(ipd, "interaction.notcontrolled", `&lt;send event=&quot;application.exit&quot; target=&quot;#_parent&quot;/&gt;`),
			true, false, []string{"C207"}},
		{"a '*' glued to the event", "p.ixnprocess", fmt.Sprintf(ipd, "interaction.notcontrolled*", `&lt;raise event=&quot;application.exit&quot;/&gt;`),
			false, true, []string{"C208"}},
		{"a '*' glued to the event in SCXML", "p.scxml", `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="s"><state id="s">
<transition event="interaction.notcontrolled*" cond="_event.data.interactionid == system.InteractionID" target="end"/>
</state><final id="end"/></scxml>`,
			false, true, []string{"C208"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := scxml.Read(tt.file, []byte(tt.src))
			require.NoError(t, err)
			codes := []string{}
			for _, fd := range lint.File(f, lint.Config{}) {
				codes = append(codes, fd.Code)
			}
			assert.Equal(t, tt.codes, codes)

			var set *statechart.HandlerSet
			if f.Process != nil {
				set = statechart.ProcessHandlers(f.Process)
			} else {
				set = statechart.DocumentHandlers(f.Document)
			}
			event := map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{"interactionid": "IX1", "resultof": "revoking"}}
			out, err := set.Dispatch(context.Background(), event, runtime.Env{System: map[string]any{"InteractionID": "IX1"}})
			require.NoError(t, err)
			assert.Equal(t, tt.fires, len(out.Fired) == 1, "fired: %v", out.Fired)
			assert.Equal(t, tt.ends, set.Handlers[0].EndsSession)
			assert.Equal(t, tt.fires && tt.ends, out.EndsSession())
			if !tt.fires {
				i := slices.IndexFunc(out.Skipped, func(s statechart.Skip) bool { return s.Handler == set.Handlers[0] })
				require.GreaterOrEqual(t, i, 0)
				assert.Equal(t, statechart.ReasonDescriptor, out.Skipped[i].Reason)
			}
		})
	}
}
