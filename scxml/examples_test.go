package scxml

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const examplesDir = "../examples"

// Every example file the reader knows reads without an error or a problem.
func TestExamplesRead(t *testing.T) {
	var read int
	err := filepath.WalkDir(examplesDir, func(path string, e os.DirEntry, err error) error {
		require.NoError(t, err)
		if _, ok := FormatOf(path); !ok || e.IsDir() {
			return nil
		}
		f, err := ReadFile(path)
		require.NoError(t, err, path)
		assert.Empty(t, f.Problems, path)
		assert.NotEmpty(t, f.Items, path)
		for _, it := range f.Items {
			from, to := it.Text.FileSpan(0, len(it.Text.Value))
			assert.True(t, 0 <= from && from <= to && to <= len(f.Source.Data), "%s: %q", path, it.Text.Value)
		}
		read++
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 6, read)
}

// The nine default voice IPD conditions, exactly (docs/ors.md §5).
var defaultConditions = []string{
	"typeof system.SessionID == 'undefined'",
	"_event.data.requestid == system.RequestID",
	"typeof system.SessionID != 'undefined'",
	"system.Type == 'consult' && _event.data.frominteractionid == _data.system.context.InteractionID && _event.data.tointeractionid == _data.system.context.ParentInteractionID",
	"_event.data.interactionid == _data.system.context.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')",
	"_event.data.interactionid == _data.system.context.InitialInteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion') && system.Type != 'consult' ",
	"_event.data.interactionid == _data.system.context.ParentInteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion') && system.Type == 'consult'",
	"_event.data.interactionid == _data.system.context.InteractionID",
	"",
}

func TestExampleIPD(t *testing.T) {
	f, err := ReadFile(filepath.Join(examplesDir, "ipd/default.ixnprocess"))
	require.NoError(t, err)
	p := f.Process
	assert.Equal(t, "interaction.present", p.WaitForEvent)
	assert.Equal(t, []string{"/workflows/Main.workflow"}, p.Workflows)
	require.Len(t, p.Handlers, 13)
	assert.Len(t, p.Backup, 2)
	for i, want := range defaultConditions {
		h := p.Handlers[i]
		assert.Equal(t, want, h.Condition.Value, h.Name)
		assert.Equal(t, i != 6, h.Enabled, h.Name)
		if i := strings.Index(h.Condition.Value, "&&"); i >= 0 {
			from, to := h.Condition.FileSpan(i, i+2)
			assert.Equal(t, "&amp;amp;&amp;amp;", string(f.Source.Data[from:to]), h.Name)
		}
	}
	type custom struct{ Name, Event, Condition string }
	var got []custom
	for _, h := range p.Handlers[9:] {
		got = append(got, custom{h.Name, h.Event.Value, h.Condition.Value})
	}
	assert.Equal(t, []custom{
		{"interaction not controlled", "interaction.notcontrolled", "_event.data.interactionid == system.InteractionID"},
		{"interaction re-queued", "interaction.present", "_event.data.interactionid == system.InteractionID"},
		{"caller moved", "interaction.partystate.changed", "_event.data.interactionid == system.InteractionID"},
		{"interaction revoked", "interaction.notcontrolled", "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion'"},
	}, got)
	// The multi-line <if> of "interaction added" keeps its position through
	// both layers: its second line's && is on the handler's line 8.
	cond := bodyItem(t, p.Handlers[0], "if").Text
	assert.True(t, cond.MultiLine())
	assert.Equal(t, 8, cond.Pos(strings.Index(cond.Value, "&&")).Line)
}

func TestExampleGeneratedIPD(t *testing.T) {
	f, err := ReadFile(filepath.Join(examplesDir, "src-gen/IPD_default_defaultWorkflow.scxml"))
	require.NoError(t, err)
	d := f.Document
	assert.True(t, d.Generated)
	assert.Equal(t, "default.defaultWorkflow", d.Name)
	assert.Equal(t, []string{"system", "start_workflow_onrouterequest", "keepGVPSessionAlive", "vipThreshold", "businessHours"}, f.Data)
	require.Equal(t, []string{filepath.ToSlash(filepath.Join(examplesDir, "include/common.js"))}, f.ScriptPaths)
	_, err = os.Stat(f.ScriptPaths[0])
	assert.NoError(t, err, "the included script is shipped")

	h := d.State("_composer_event_handler")
	require.NotNil(t, h)
	var events []string
	for _, tr := range h.Transitions {
		events = append(events, tr.Event.Value)
	}
	assert.Equal(t, []string{
		"error.notallowed", "interaction.added", "interaction.attach.done", "interaction.onrouterequest",
		"interaction.onmerge", "interaction.deleted", "interaction.deleted", "interaction.partystatechanged",
		"error", "interaction.notcontrolled", "interaction.present", "interaction.partystate.changed",
		"interaction.notcontrolled",
	}, events, "the disabled handler is not generated")
	present := h.Transitions[10].Cond
	assert.True(t, present.MultiLine())
	assert.Contains(t, present.Value, "// the interaction we own")
	assert.Equal(t, "_event.data.interactionid == system.InteractionID && _event.data.resultOf != 'revoking'", h.Transitions[9].Cond.Value)

	app := d.State("_composer_application")
	require.Len(t, app.Transitions, 2)
	assert.Equal(t, []string{"*"}, app.Transitions[1].Descriptors())
}

func TestExampleWorkflow(t *testing.T) {
	f, err := ReadFile(filepath.Join(examplesDir, "workflows/Main.workflow"))
	require.NoError(t, err)
	w := f.Workflow
	assert.Equal(t, []string{"varCustomerTier", "varVipNumbers", "varCallerTime", "varCallerDay"}, f.Variables)
	var branches []string
	for _, b := range w.Branches {
		branches = append(branches, b.Block+"/"+b.Name+": "+b.Expression.Value)
	}
	assert.Equal(t, []string{
		`CheckCaller/KnownCaller: system.ANI = "5551234"`,
		"CheckCaller/Vip: varCustomerTier == 'vip' && varVipNumbers.indexOf(system.ANI) >= 0",
		"BusinessHours/Open: (varCallerTime > '08:00:00') && (varCallerTime < '18:00:00')",
		"BusinessHours/Weekend: (varCallerDay == _genesys.session.day.Saturday) || (varCallerDay == _genesys.session.day.Sunday)",
	}, branches)
	require.Len(t, w.Exceptions, 3)
	assert.Equal(t, "_event.data.interactionid == system.InteractionID && _event.data.resultof == 'deleted'", w.Exceptions[1].Condition.Value)
	assert.Equal(t, "RouteToSales", w.Exceptions[2].Block)
}

// The event payloads all concern the interaction system.json describes.
func TestExampleEvents(t *testing.T) {
	var system map[string]any
	raw, err := os.ReadFile(filepath.Join(examplesDir, "system.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &system))
	id := system["InteractionID"]
	require.NotEmpty(t, id)

	type event struct {
		Name string         `json:"name"`
		Data map[string]any `json:"data"`
	}
	resultof := map[string]any{}
	files, _ := filepath.Glob(filepath.Join(examplesDir, "events/*.json"))
	require.Len(t, files, 6)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var ev event
		require.NoError(t, json.Unmarshal(raw, &ev), f)
		assert.Equal(t, id, ev.Data["interactionid"], f)
		resultof[filepath.Base(f)] = ev.Data["resultof"]
	}
	assert.Equal(t, map[string]any{
		"deleted.json": "deletion", "present.json": nil,
		"notcontrolled-absent.json": nil, "notcontrolled-deletion.json": "deletion",
		"notcontrolled-revoking.json": "revoking", "notcontrolled-routing.json": "routing",
	}, resultof)

	in, err := os.Open(filepath.Join(examplesDir, "events/switchover.ndjson"))
	require.NoError(t, err)
	defer in.Close()
	var names []string
	for sc := bufio.NewScanner(in); sc.Scan(); {
		var ev event
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		assert.Equal(t, id, ev.Data["interactionid"])
		names = append(names, ev.Name)
	}
	assert.Equal(t, []string{"interaction.notcontrolled", "interaction.present"}, names)
}
