package runtime

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// globalConditions read the caller's globals as Composer code does: workflow
// variables, App_ variables (the requestid of a routing block), _data items
// and _data.system.context, plus the corners of how goja resolves a global.
var globalConditions = []string{
	"varInputValue == '1'", "varInputValue == 1", "varInputValue === '1'", "varInputValue",
	"varInputValue == '1' && _event.data.interactionid == system.InteractionID",
	"App_Target.requestid == _event.data.requestid", "_event.data.requestid==App_Target['requestid']",
	"_event.data.requestid == App_RouteToSales.requestid", "App_Target.requestid.toLowerCase() == 'r1'",
	"App_Target.targets[0]", "App_Target.targets.length", "App_Target.targets[_event.data.n]", "App_Target.nested.skill == 'billing'",
	"'requestid' in App_Target", "'x' in App_Target", "App_Target[_event.data.key]", "App_Target.toString", "App_Target.__proto__",
	"typeof App_Target", "typeof varMissing", "varMissing", "varMissing == undefined", "varMissing.x",
	"varNull == null", "varNull === undefined", "varNull.x", "varBool", "!varBool", "varBool == 1", "varNumber + 1",
	"varNumber > 3", "varNumber * 2 == 10", "varInt + 1", "varList[1]", "varList.length", "varTyped.k", "varBad == 'x'",
	"varCustomerTier == 'vip' && varVipNumbers.indexOf(system.ANI) >= 0",
	"(varCallerTime > '08:00:00') && (varCallerTime < '18:00:00')", "routeType.toLowerCase() === 'gns'",
	"Var1 == 1", "Var1 + Var2", "App_Target == App_Target", "App_Target === _data.App_Target", "App_Target == 'x'",
	"_data.start_workflow_onrouterequest == false", "_data.keepGVPSessionAlive==true",
	"typeof _data.cdpApiBaseURL == 'undefined'", "_data.varInputValue == '1'", "_data.App_Target.requestid == _event.data.requestid",
	"_data.missing", "_data.missing === undefined", "_data.missing.x", "_data.toString", "_data.In", "_data._event",
	"_data.undefined", "_data.system", "_data.system.context", "_data.system.other", "_data.system.context.InteractionID",
	"_event.data.interactionid == _data.system.context.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')",
	"system.Type == 'consult' && _event.data.frominteractionid == _data.system.context.InteractionID",
	"_data.system.context == system", "_data.system.context === system", "_data['varInputValue']", "_data[_event.data.key]",
	"varInputValue && undefined", "varInputValue && NaN", "Infinity > varNumber", "varInputValue && typeof undefined",
	"varInputValue && system.InteractionID", "varInputValue && _event.name", "varInputValue && In('s1')",
	"varInputValue && typeof In", "varInputValue && Math.max(1, 2)", "Math", "undefined", "NaN",
	"App_Target", "varList", "typeof varList", "varTyped", "__proto__", "hasOwnProperty", "toString", "_data.__proto__",
}

// composerGlobals are a session's workflow and App_ variables.
func composerGlobals() map[string]any {
	return map[string]any{
		"varInputValue": "1", "varNumber": 5.0, "varBool": true, "varNull": nil, "varInt": int64(3),
		"varCustomerTier": "vip", "varVipNumbers": "+15551234,+15559876", "varCallerTime": "09:30:00", "routeType": "GNS",
		"App_Target": map[string]any{
			"requestid": "R1", "targets": []any{"agent1", 2.0}, "nested": map[string]any{"skill": "billing"},
		},
		"App_RouteToSales": map[string]any{"requestid": "R2"}, "start_workflow_onrouterequest": false,
		"keepGVPSessionAlive": true, "varList": []any{"a", 1.0, nil}, "varTyped": map[string]string{"k": "v"},
		"varBad": "\xff", "Var1": 1.0, "Var2": "2", "Var3": true, "Var4": nil, "Var5": map[string]any{"x": 1.0},
	}
}

// shadowingGlobals are globals of every type whose names are also scope
// names or standard globals.
func shadowingGlobals() map[string]any {
	return map[string]any{
		"varInputValue": 1.0, "App_Target": "text", "varBool": false, "varNull": map[string]any{"x": "y"},
		"varNumber": "7", "varList": "abc", "Var1": []any{1.0}, "Var2": nil, "routeType": 3.0,
		"Var3": "", "Var4": 0.0,
		"undefined": 5.0, "NaN": "x", "Infinity": nil, "system": "S", "_event": "E", "In": "IN", "_data": "D", "Math": "M",
		"__proto__": "P", "hasOwnProperty": "H",
	}
}

// Where a caller's global meets a scope name or a standard global, the
// compiled path answers as goja does: the scope names always win; a
// standard global is hidden by a caller's global of its name only in a
// condition that reads a caller's global (goja's with block). A name not
// given is goja's to answer.
func TestGlobalsResolveAsGoja(t *testing.T) {
	env := Env{
		Event:   map[string]any{"name": "e", "data": map[string]any{"interactionid": "I1"}},
		System:  map[string]any{"InteractionID": "I1"},
		States:  []string{"s1"},
		Globals: map[string]any{"v": "1", "undefined": 5.0, "NaN": "x", "system": "S", "_event": "E", "In": "IN", "_data": "D"},
	}
	for _, tc := range []struct {
		src      string
		raw      any
		compiled bool // the compiled path answers
	}{
		{"v", "1", true},
		{"undefined", nil, true},
		{"NaN == NaN", false, true},
		{"v && undefined", int64(5), true},
		{"v && NaN", "x", true},
		{"v && Infinity", math.Inf(1), true},
		{"v && system.InteractionID", "I1", true},
		{"v && _event.data.interactionid", "I1", true},
		{"v && In('s1')", true, true},
		{"_data.In", "IN", true},
		{"_data._event", "E", true},
		{"_data.undefined", int64(5), true},
		{"_data.system.context.InteractionID", "I1", true},
		{"_data.missing", nil, true},
		{"missing", nil, false},
		{"typeof missing", "undefined", false},
	} {
		c, err := Compile(tc.src, testTimeout)
		require.NoError(t, err, tc.src)
		require.True(t, c.Compiled(), tc.src)
		want := c.evalGoja(context.Background(), &env)
		got, ok := c.fast.eval(&env)
		assert.Equal(t, tc.compiled, ok, "the compiled path answers %s", tc.src)
		if ok {
			assertSameResult(t, want, got, tc.src)
		}
		assert.Equal(t, tc.raw, want.Raw, tc.src)
	}
}

// textGlobals are the same names holding text, as workflow variables set
// from user data often do.
func textGlobals() map[string]any {
	g := map[string]any{}
	for k, v := range composerGlobals() {
		switch v := v.(type) {
		case string:
			g[k] = "x" + v
		case float64, int64, bool, nil:
			g[k] = fmt.Sprint(v)
		default:
			g[k] = map[string]any{"requestid": k, "targets": "t", "nested": []any{k}}
		}
	}
	return g
}

// suiteGlobals add the names the W3C and SCION suites' data models use.
func suiteGlobals(g map[string]any) map[string]any {
	g["a"], g["b"], g["c"], g["d"], g["i"], g["x"] = 1.0, "b", []any{1.0, "2"}, "", 0.0, map[string]any{"a": 1.0, "b": "x"}
	return g
}

// A condition that reads globals still decodes only the fields of the
// event and the system variables it reads, _data.system.context's included.
func TestGlobalsLeaveJSONDecodingNarrow(t *testing.T) {
	c := MustCompile("App_Target.requestid == _event.data.requestid && _data.system.context.InteractionID == _event.data.interactionid && 'x' in varX")
	event, err := decodeObject([]byte(`{"name":"e","data":{"requestid":"R1","interactionid":"I1","other":{"deep":[1]}}}`), c.fast.event)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"data": map[string]any{"requestid": "R1", "interactionid": "I1"}}, event)
	system, err := decodeObject([]byte(`{"InteractionID":"I1","Other":{"deep":[1,2]}}`), c.fast.system)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"InteractionID": "I1"}, system)
	r := c.Eval(context.Background(), Env{
		EventJSON: []byte(`{"name":"e","data":{"requestid":"R1","interactionid":"I1"}}`), SystemJSON: []byte(`{"InteractionID":"I1"}`),
		Globals: map[string]any{"App_Target": map[string]any{"requestid": "R1"}, "varX": map[string]any{"x": 1.0}},
	})
	require.NoError(t, r.Err)
	assert.True(t, r.Value)
}
