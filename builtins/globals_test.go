package builtins

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGlobalsDeclareTheScope(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		origin Origin
	}{
		{"_event", KindObject, FromSCXML},
		{"_sessionid", KindString, FromSCXML},
		{"_name", KindString, FromSCXML},
		{"_ioprocessors", KindObject, FromSCXML},
		{"In", KindFunction, FromSCXML},
		{"_data", KindObject, FromComposer},
		{"system", KindObject, FromComposer},
		{"_genesys", KindObject, FromORS},
		{"__Log", KindFunction, FromORS},
		{"__Raise", KindFunction, FromORS},
		{"_my_prefix", KindString, FromComposer},
		{"isEventHandledByApplication", KindFunction, FromIncludeFile},
		{"storeUnhandledEvent", KindFunction, FromIncludeFile},
		{"storeEvent", KindFunction, FromIncludeFile},
		{"storeException", KindFunction, FromIncludeFile},
		{"getuData", KindFunction, FromIncludeFile},
		{"getBaseURL", KindFunction, FromIncludeFile},
		{"getRelativePathURL", KindFunction, FromIncludeFile},
		{"getOPMParameters", KindFunction, FromIncludeFile},
		{"initializeRoutingSystemVariables", KindFunction, FromIncludeFile},
		{"setSystemVarsForEffectiveIxnId", KindFunction, FromIncludeFile},
		// Every generated Entry block calls these three (Composer 8.1.450+);
		// they come from the stock include/RouteFeature.js.
		{"getWorkflowRecordURI", KindFunction, FromIncludeFile},
		{"getWorkflowOCSURI", KindFunction, FromIncludeFile},
		{"getWorkflowOCSRecord", KindFunction, FromIncludeFile},
		{"uneval", KindFunction, FromSpiderMonkey},
		{"undefined", KindAny, FromECMAScript},
		{"NaN", KindNumber, FromECMAScript},
		{"Infinity", KindNumber, FromECMAScript},
		{"eval", KindFunction, FromECMAScript},
		{"Object", KindFunction, FromECMAScript},
		{"Function", KindFunction, FromECMAScript},
		{"Array", KindFunction, FromECMAScript},
		{"String", KindFunction, FromECMAScript},
		{"Number", KindFunction, FromECMAScript},
		{"Boolean", KindFunction, FromECMAScript},
		{"Date", KindFunction, FromECMAScript},
		{"RegExp", KindFunction, FromECMAScript},
		{"Error", KindFunction, FromECMAScript},
		{"EvalError", KindFunction, FromECMAScript},
		{"RangeError", KindFunction, FromECMAScript},
		{"ReferenceError", KindFunction, FromECMAScript},
		{"SyntaxError", KindFunction, FromECMAScript},
		{"TypeError", KindFunction, FromECMAScript},
		{"URIError", KindFunction, FromECMAScript},
		{"Math", KindObject, FromECMAScript},
		{"JSON", KindObject, FromECMAScript},
		{"parseInt", KindFunction, FromECMAScript},
		{"parseFloat", KindFunction, FromECMAScript},
		{"isNaN", KindFunction, FromECMAScript},
		{"isFinite", KindFunction, FromECMAScript},
		{"decodeURI", KindFunction, FromECMAScript},
		{"decodeURIComponent", KindFunction, FromECMAScript},
		{"encodeURI", KindFunction, FromECMAScript},
		{"encodeURIComponent", KindFunction, FromECMAScript},
		{"escape", KindFunction, FromECMAScript},
		{"unescape", KindFunction, FromECMAScript},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := LookupGlobal(tc.name)
			require.True(t, ok)
			assert.Equal(t, tc.name, d.Name)
			assert.Equal(t, tc.kind, d.Kind)
			assert.Equal(t, tc.origin, d.Origin)
			assert.NotEmpty(t, d.Doc)
			assert.NotEmpty(t, d.Source)
			if d.Kind == KindFunction {
				assert.Contains(t, d.Signature, tc.name+"(")
			}
		})
	}
	assert.Len(t, Globals(), len(GlobalNames()))
}

func TestGlobalNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range GlobalNames() {
		assert.False(t, seen[n], n)
		seen[n] = true
	}
}

func TestEveryDeclarationIsDocumented(t *testing.T) {
	var walk func(path string, d Decl)
	walk = func(path string, d Decl) {
		assert.NotEmpty(t, d.Doc, path)
		assert.NotEmpty(t, d.Source, path)
		for _, f := range d.Fields() {
			walk(path+"."+f.Name, f)
		}
		for _, v := range d.Enum() {
			assert.NotEmpty(t, v.Doc, path+" = "+v.Value)
		}
		if e, ok := d.Elem(); ok {
			walk(path+"[]", e)
		}
	}
	for _, d := range Globals() {
		walk(d.Name, d)
	}
	for _, k := range []Kind{KindObject, KindArray, KindString, KindNumber, KindBoolean, KindFunction} {
		for _, m := range prototypeMembers(k) {
			walk(k.String()+"#"+m.Name, m)
		}
	}
}

func TestEventHasTheSevenW3CFields(t *testing.T) {
	e, ok := LookupGlobal("_event")
	require.True(t, ok)
	assert.Equal(t, []string{"name", "type", "sendid", "origin", "origintype", "invokeid", "data", "raw"}, e.FieldNames(),
		"the seven W3C fields, then raw of the Basic HTTP Event I/O Processor")
	assert.True(t, e.Closed)
	for i, f := range EventFields() {
		assert.Equal(t, f.Name, e.Fields()[i].Name)
	}
}

func TestIOProcessors(t *testing.T) {
	for _, key := range []string{"scxml", "http://www.w3.org/TR/scxml/#SCXMLEventProcessor"} {
		d, ok := Resolve([]string{"_ioprocessors", key, "location"}, "")
		require.True(t, ok, key)
		assert.Equal(t, KindString, d.Kind)
	}
}

func TestDataIsOpenAndSystemClosed(t *testing.T) {
	data, _ := LookupGlobal("_data")
	assert.False(t, data.Closed, "documents add their own <data> ids")
	system, _ := LookupGlobal("system")
	assert.True(t, system.Closed)
	genesys, _ := LookupGlobal("_genesys")
	assert.False(t, genesys.Closed, "the vendor documentation is incomplete")

	// §4.1 and the runtime-only members of §4.2 item 7.
	for _, name := range []string{"InteractionID", "InitialInteractionID", "ParentInteractionID", "InteractionUID", "ThisDN",
		"StartEvent", "LastErrorEvent", "LastErrorEventName", "LastErrorDescription", "TenantID", "TenantName", "CallID",
		"DNIS", "ANI", "CurrentQueue", "SubmittedBy", "InteractionMediaType", "InteractionType", "InteractionSubType",
		"ExternalID", "OriginatingSession", "LastTargetComponentSelected", "LastTargetObjectSelected", "LastTargetSelected",
		"LastVirtualQueueSelected", "LastSubmitRequestId", "TerminateIxnOnExit", "WebServiceStubbing", "Language",
		"BaseURL", "RelativePathURL", "OPM", "OCS_Record", "OCS_RecordURI", "OCS_URI",
		"SessionID", "RequestID", "Type", "uncaughtApplicationEvents", "events", "errors", "currentBlock", "diagram"} {
		_, ok := system.Field(name)
		assert.True(t, ok, name)
	}
	assert.Len(t, system.Fields(), 43)
}

func TestDeprecatedGlobals(t *testing.T) {
	tests := []struct{ name, replacedBy string }{
		{"App_Name", ""},
		{"App_BaseURL", "system.BaseURL"},
		{"App_RelativePathURL", "system.RelativePathURL"},
		{"InteractionID", "system.InteractionID"},
		{"CallID", "system.CallID"},
		{"DNIS", "system.DNIS"},
		{"ThisDN", "system.ThisDN"},
		{"ANI", "system.ANI"},
		{"TenantID", "system.TenantID"},
		{"Tenant_Name", "system.TenantName"},
		{"App_Last_Error_Event", "system.LastErrorEvent"},
		{"App_Last_Error_Event_Name", "system.LastErrorEventName"},
		{"App_Last_Error_Description", "system.LastErrorDescription"},
		{"App_StartEvent", "system.StartEvent"},
	}
	for _, tc := range tests {
		d, ok := LookupGlobal(tc.name)
		require.True(t, ok, tc.name)
		assert.True(t, d.Deprecated, tc.name)
		assert.Equal(t, tc.replacedBy, d.ReplacedBy, tc.name)
		if tc.replacedBy != "" {
			_, ok := Resolve(path(tc.replacedBy), "")
			assert.True(t, ok, "replacement %s resolves", tc.replacedBy)
		}
	}
	system, _ := LookupGlobal("system")
	assert.False(t, system.Deprecated)
}

// ORS runs ES5: ES2015 library additions are not declared.
func TestNoES2015Library(t *testing.T) {
	for _, p := range []string{"Object.assign", "Array.from", "Number.isInteger", "_event.name.includes",
		"_event.name.startsWith", "Promise", "Symbol", "Map", "Math.trunc"} {
		_, ok := Resolve(path(p), "")
		assert.False(t, ok, p)
	}
	for _, p := range []string{"Object.keys", "Array.isArray", "Date.now", "_event.name.trim", "_event.name.substr"} {
		_, ok := Resolve(path(p), "")
		assert.True(t, ok, p)
	}
}

func TestGenesysTree(t *testing.T) {
	for _, p := range []string{
		"_genesys.ixn.interactions.[].g_uid", "_genesys.ixn.interactions.[].udata.[]", "_genesys.ixn.interactions.[].voice.dnis",
		"_genesys.ixn.interactions.[].msgbased.queue", "_genesys.ixn.interactions.[].chat.externalID",
		"_genesys.ixn.interactions.[].location.media_server", "_genesys.ixn.getMediaIntValue", "_genesys.ixn.getuData",
		"_genesys.session.server.name", "_genesys.session.server.cluster", "_genesys.session.tenant", "_genesys.session.day.Sunday",
		"_genesys.session.isSpecialDay", "_genesys.statistic.sData", "_genesys.queue.excludeAgents", "_genesys.queue.rType",
		"_genesys.resource.resourceType", "_genesys.voice.overwriteType", "_genesys.dialog", "_genesys.classification",
		"_genesys.elasticconnector", "_genesys.agent", "_genesys.ws",
	} {
		d, ok := Resolve(path(p), "")
		require.True(t, ok, p)
		assert.Equal(t, FromORS, d.Origin, p)
	}
	state, _ := Resolve(path("_genesys.ixn.interactions.[].chat.state"), "")
	assert.Equal(t, []string{"new", "queued", "abandoned", "processing", "complete", "unknown"}, state.EnumValues())
}

func TestDeclarationsAreImmutable(t *testing.T) {
	gs := Globals()
	gs[0] = Decl{Name: "changed"}
	system, _ := LookupGlobal("system")
	fs := system.Fields()
	fs[0].Name = "changed"
	fs[0].Doc = ""
	resultof, _ := Resolve(path("_event.data.resultof"), "interaction.deleted")
	resultof.Enum()[0].Value = "changed"
	resultof.Name = "changed"
	interactions, _ := Resolve(path("_genesys.ixn.interactions"), "")
	elem, _ := interactions.Elem()
	elem.Name = "changed"
	names := GlobalNames()
	names[0] = "changed"

	assert.Equal(t, "_event", Globals()[0].Name)
	system, _ = LookupGlobal("system")
	assert.Equal(t, "InteractionID", system.Fields()[0].Name)
	resultof, _ = Resolve(path("_event.data.resultof"), "interaction.deleted")
	assert.Equal(t, "detaching", resultof.Enum()[0].Value)
	interactions, _ = Resolve(path("_genesys.ixn.interactions"), "")
	elem, _ = interactions.Elem()
	assert.Equal(t, "interactions[id]", elem.Name)
	assert.Equal(t, "_event", GlobalNames()[0])
}

func TestKindAndOriginNames(t *testing.T) {
	assert.Equal(t, "string", KindString.String())
	assert.Equal(t, "any", KindAny.String())
	assert.Equal(t, "any", Kind(200).String())
	assert.Equal(t, "Composer include file", FromIncludeFile.String())
	assert.Equal(t, "unknown", Origin(200).String())
}

func TestMembers(t *testing.T) {
	name, _ := Resolve(path("_event.name"), "")
	assert.True(t, name.MembersClosed())
	assert.Contains(t, name.MemberNames(), "indexOf")
	assert.Contains(t, name.MemberNames(), "hasOwnProperty")
	assert.Empty(t, name.FieldNames())

	data, _ := LookupGlobal("_data")
	assert.False(t, data.MembersClosed())
	anyValue, _ := Resolve(path("system.OPM"), "")
	assert.Empty(t, anyValue.Members(), "nothing is known of a value of unknown kind")
	assert.False(t, anyValue.MembersClosed())
}
