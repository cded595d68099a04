package builtins

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func path(s string) []string { return strings.Split(s, ".") }

// The member paths of Composer's nine default voice IPD conditions
// (docs/ors.md §5), the seed's condition, and the shapes of §10, each with
// the handler's event.
var conditionPaths = []struct {
	event string
	paths []string
	kind  Kind
}{
	{"interaction.added", []string{"system.SessionID"}, KindString},
	{"interaction.attach.done", []string{"_event.data.requestid", "system.RequestID"}, KindString},
	{"interaction.onrouterequest", []string{"system.SessionID"}, KindString},
	{"interaction.onmerge", []string{"system.Type", "_event.data.frominteractionid", "_data.system.context.InteractionID",
		"_event.data.tointeractionid", "_data.system.context.ParentInteractionID"}, KindString},
	{"interaction.deleted", []string{"_event.data.interactionid", "_data.system.context.InteractionID", "_event.data.resultof",
		"_data.system.context.InitialInteractionID", "_data.system.context.ParentInteractionID", "system.Type"}, KindString},
	{"interaction.partystatechanged", []string{"_event.data.interactionid", "_data.system.context.InteractionID", "_event.data.focusdeviceid"}, KindString},
	{"interaction.notcontrolled", []string{"_event.data.interactionid", "system.InteractionID", "_event.data.resultof"}, KindString},
	{"error.interaction.detach", []string{"_event.data.requestid", "_event.data.error"}, KindString},
	{"error", []string{"_event.data.error", "_event.data.description", "_event.name"}, KindString},
	{"queue.submit.done", []string{"_event.data.targetselected", "system.LastTargetSelected"}, KindString},
	{"error.notallowed", []string{"_data.keepGVPSessionAlive"}, KindBoolean},
	{"application.start", []string{"_data.start_workflow_onrouterequest"}, KindBoolean},
	{"interaction.udata.changed", []string{"_genesys.ixn.interactions.[].g_uid", "_genesys.ixn.interactions.[].parentid"}, KindString},
	{"", []string{"_event.name.toLowerCase", "isEventHandledByApplication", "parseInt", "In", "_genesys.session.dayInZone",
		"_event.toSource", "JSON.stringify", "Math.max"}, KindFunction},
	{"", []string{"system.TenantID", "system.TerminateIxnOnExit", "_event.name.length"}, KindNumber},
	{"", []string{"_sessionid", "_name", "_ioprocessors.scxml.location", "system.StartEvent.data.interactionid"}, KindString},
}

func TestResolveConditionPaths(t *testing.T) {
	for _, tc := range conditionPaths {
		for _, p := range tc.paths {
			t.Run(tc.event+" "+p, func(t *testing.T) {
				d, ok := Resolve(path(p), tc.event)
				require.True(t, ok)
				assert.Equal(t, tc.kind, d.Kind)
				assert.NotEmpty(t, d.Doc)
				assert.NotEmpty(t, d.Source)
			})
		}
	}
}

func TestResolveComputedMembers(t *testing.T) {
	tests := []struct {
		path []string
		kind Kind
		name string
	}{
		{[]string{"_genesys", "ixn", "interactions", AnyKey, "udata", AnyKey}, KindAny, "udata[key]"},
		{[]string{"_genesys", "ixn", "interactions", AnyKey, "udata", "CustomerSegment"}, KindAny, "udata[key]"},
		{[]string{"_genesys", "ixn", "interactions", "00A1B2C3", "chat", "state"}, KindString, "state"},
		{[]string{"_ioprocessors", "http://www.w3.org/TR/scxml/#SCXMLEventProcessor", "location"}, KindString, "location"},
		{[]string{"_genesys", "ixn", "interactions", "hasOwnProperty"}, KindFunction, "hasOwnProperty"},
	}
	for _, tc := range tests {
		d, ok := Resolve(tc.path, "")
		require.True(t, ok, tc.path)
		assert.Equal(t, tc.kind, d.Kind, tc.path)
		assert.Equal(t, tc.name, d.Name, tc.path)
	}
}

func TestSystemIsDataSystemContext(t *testing.T) {
	system, ok := Resolve([]string{"system"}, "")
	require.True(t, ok)
	context, ok := Resolve(path("_data.system.context"), "")
	require.True(t, ok)
	want := system
	want.Name = "context"
	assert.Equal(t, want, context, "the same declaration, reached under the key context")

	for _, f := range system.FieldNames() {
		a, okA := Resolve([]string{"system", f}, "")
		b, okB := Resolve([]string{"_data", "system", "context", f}, "")
		require.True(t, okA && okB, f)
		assert.Equal(t, a, b, f)
	}
}

func TestResolvePrefixFindsTheUnknownSegment(t *testing.T) {
	tests := []struct {
		path    string
		event   string
		n       int
		closed  bool
		suggest string // Suggest over the member names of the declaration where resolution stopped
	}{
		{"_event.data.resultOf", "interaction.deleted", 2, false, "resultof"},
		{"_event.data.resultOf", "", 2, false, "resultof"},
		{"_event.data.interactionId", "interaction.added", 2, false, "interactionid"},
		{"system.InteractionId", "", 1, true, "InteractionID"},
		{"_data.system.context.InteractionId", "", 3, true, "InteractionID"},
		{"system.Tipe", "", 1, true, "Type"},
		{"_event.nmae", "", 1, true, "name"},
		{"_event.data.resultof.lenght", "interaction.deleted", 3, true, "length"},
		{"Math.maximum", "", 1, true, ""},
		{"Object.assign", "", 1, true, ""},
		{"_data.cdpApiBaseURL", "", 1, false, ""},
		{"_genesys.FindConfigObject", "", 1, false, ""},
		{"App_TargetBySkill1.requestid", "", 0, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			p := path(tc.path)
			d, n := ResolvePrefix(p, tc.event)
			require.Equal(t, tc.n, n)
			_, ok := Resolve(p, tc.event)
			assert.False(t, ok)
			if n == 0 {
				return
			}
			assert.Equal(t, tc.closed, d.MembersClosed())
			got, _ := Suggest(p[n], d.MemberNames())
			assert.Equal(t, tc.suggest, got)
		})
	}
}

func TestResolveEventDataDependsOnTheEvent(t *testing.T) {
	_, ok := Resolve(path("_event.data.resultof"), "interaction.added")
	assert.False(t, ok, "interaction.added carries no resultof")
	_, ok = Resolve(path("_event.data.resultof"), "interaction.added interaction.deleted")
	assert.True(t, ok)
	_, ok = Resolve(path("_event.data.resultof"), "")
	assert.True(t, ok, "unknown event: the union of all events")

	data, ok := Resolve(path("_event.data"), "interaction.deleted")
	require.True(t, ok)
	assert.Contains(t, data.Doc, "interaction.deleted")
	assert.False(t, data.Closed)
}

func TestResolveEmptyAndUnknown(t *testing.T) {
	_, ok := Resolve(nil, "")
	assert.False(t, ok)
	_, n := ResolvePrefix(nil, "")
	assert.Equal(t, 0, n)
	_, ok = Resolve([]string{"nosuch"}, "")
	assert.False(t, ok)
	_, ok = Resolve([]string{"system", AnyKey}, "")
	assert.False(t, ok, "system is not a keyed collection")
}

// Fields that are no typo although the catalog cannot list them: _event.raw
// of the Basic HTTP Event I/O Processor (W3C §C.2), and the <donedata>
// fields a document gives done.state.* and done.invoke.* events (W3C §5.5,
// §6.4). Near misses of other fields stay unknown elsewhere.
func TestResolveEventFieldsTheDocumentDecides(t *testing.T) {
	tests := []struct {
		event, path string
		declared    bool
	}{
		{"test", "_event.raw", true},
		{"", "_event.raw.length", true},
		{"done.invoke.child", "_event.data.param", true},
		{"done.invoke", "_event.data.Var1", true},
		{"done.invoke.*", "_event.data.aParam", true},
		{"done.state.s1 error", "_event.data.reasons", true},
		{"done.invoke.child", "_event.data.params", true},
		{"error.interaction.terminate", "_event.data.param", false},
		{"", "_event.rawdata", false},
		{"*", "_event.data.aParam", false},
	}
	for _, tc := range tests {
		t.Run(tc.event+" "+tc.path, func(t *testing.T) {
			_, ok := Resolve(path(tc.path), tc.event)
			assert.Equal(t, tc.declared, ok)
		})
	}
	assert.Len(t, EventFields(), 7, "raw is not one of the fields every _event has")
}
