package runtime

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
)

const seedCond = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"

func notControlled(ixn string, resultof any) Env {
	data := map[string]any{"interactionid": ixn}
	if resultof != nil {
		data["resultof"] = resultof
	}
	return Env{
		Event:  map[string]any{"name": "interaction.notcontrolled", "data": data},
		System: map[string]any{"InteractionID": "0001"},
	}
}

func TestSeedMatrix(t *testing.T) {
	c, err := Compile(seedCond, testTimeout)
	require.NoError(t, err)
	for _, tc := range []struct {
		resultof any
		want     bool
	}{
		{nil, true}, {"deletion", true}, {"detaching", false}, {"routing", false}, {"revoking", false},
	} {
		same := c.Eval(context.Background(), notControlled("0001", tc.resultof))
		require.Nil(t, same.Err, "resultof %v", tc.resultof)
		assert.Equal(t, tc.want, same.Value, "same interaction, resultof %v", tc.resultof)
		other := c.Eval(context.Background(), notControlled("0002", tc.resultof))
		require.Nil(t, other.Err)
		assert.False(t, other.Value, "other interaction, resultof %v", tc.resultof)
	}
}

func TestSeedAsPublishedIsASyntaxError(t *testing.T) {
	_, err := Compile("_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion'")
	require.Error(t, err)
	e := CompileError(err)
	assert.Equal(t, "error.execution", e.Name)
	assert.Equal(t, "SyntaxError", e.Type)
}

func eval(t *testing.T, src string, env Env, opts ...Option) Result {
	t.Helper()
	c, err := Compile(src, append([]Option{testTimeout}, opts...)...)
	require.NoError(t, err, src)
	return c.Eval(context.Background(), env)
}

func TestScope(t *testing.T) {
	env := Env{
		Event: map[string]any{
			"name": "interaction.deleted",
			"data": map[string]any{"interactionid": "1", "list": []any{"a", 2.0}, "n": 3},
		},
		System:    map[string]any{"InteractionID": "1", "LastErrorEvent": "undefined"},
		States:    []string{"s1", "s2"},
		Globals:   map[string]any{"App_Target": map[string]any{"requestid": "r1"}, "keepGVPSessionAlive": true, "_event": "shadowed"},
		SessionID: "sess-1",
		Name:      "Main",
	}
	for _, tc := range []struct {
		src  string
		want any
		typ  string
	}{
		{"'sendid' in _event && 'origin' in _event && 'invokeid' in _event && 'origintype' in _event", true, "boolean"},
		{"_event.sendid === undefined", true, "boolean"},
		{"_event.type", "external", "string"},
		{"_event.name", "interaction.deleted", "string"},
		{"_event.data.resultof", nil, "undefined"},
		{"_event.data === _event.data", true, "boolean"},
		{"_event.data.list.length", int64(2), "number"},
		{"_event.data.list[1] + _event.data.n", int64(5), "number"},
		{"system === _data.system.context", true, "boolean"},
		{"system.LastErrorEvent", "undefined", "string"},
		{"typeof system.SessionID", "undefined", "string"},
		{"In('s2') && !In('s3')", true, "boolean"},
		{"_sessionid + '/' + _name", "sess-1/Main", "string"},
		{"_ioprocessors.scxml.location", "#_scxml_sess-1", "string"},
		{"_ioprocessors['http://www.w3.org/TR/scxml/#SCXMLEventProcessor'].location", "#_scxml_sess-1", "string"},
		{"_event.data.requestid == App_Target['requestid']", false, "boolean"},
		{"App_Target.requestid", "r1", "string"},
		{"_data.keepGVPSessionAlive == true && keepGVPSessionAlive", true, "boolean"},
		{"typeof _data.cdpApiBaseURL == 'undefined'", true, "boolean"},
		{"typeof _event", "object", "string"},
		{"Object.keys(_event).slice(0, 7).join()", "name,type,sendid,origin,origintype,invokeid,data", "string"},
		{"JSON.stringify(_event.data.list)", `["a",2]`, "string"},
		{"_event.data.list", []any{"a", 2.0}, "array"},
		{"parseInt('42', 10) + Math.max(1, 2)", int64(44), "number"},
		{"'abc'.toUpperCase().indexOf('B')", int64(1), "number"},
		{"(function(){ return _event.name })()", "interaction.deleted", "string"},
		{"[0].map(function(){ return In('s1') && _name })[0]", "Main", "string"},
		{"(function(_event){ return _event })(1) + _sessionid", "1sess-1", "string"},
		{"App_Target.requestid + _name + _event.name", "r1Maininteraction.deleted", "string"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			r := eval(t, tc.src, env)
			require.Nil(t, r.Err)
			assert.Equal(t, tc.want, r.Raw)
			assert.Equal(t, tc.typ, r.Type)
		})
	}
}

func TestToBoolean(t *testing.T) {
	for src, want := range map[string]bool{
		"undefined": false, "null": false, "0": false, "-0": false, "NaN": false, "''": false,
		"'0'": true, "'false'": true, "({})": true, "[]": true, "1": true, "_event": true,
	} {
		r := eval(t, src, Env{})
		require.Nil(t, r.Err, src)
		assert.Equal(t, want, r.Value, src)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		src, typ  string
		line, col int
	}{
		{"_event.data.foo.bar", "TypeError", 1, 1},
		{"undeclared == 1", "ReferenceError", 1, 1},
		{"true &&\n  nope", "ReferenceError", 2, 3},
		{"true &&\r  nope", "ReferenceError", 2, 3},
		{"true &&\r\n  nope", "ReferenceError", 2, 3},
		{"true &&\u2028  nope", "ReferenceError", 2, 3},
		{"(function(){ throw new RangeError('r') })()", "RangeError", 1, 14},
		{"(function(){ throw 'plain' })()", "Error", 1, 14},
	} {
		t.Run(tc.src, func(t *testing.T) {
			r := eval(t, tc.src, Env{Event: map[string]any{"data": map[string]any{}}})
			require.NotNil(t, r.Err)
			assert.False(t, r.Value)
			assert.Equal(t, "error.execution", execErr(r).Name)
			assert.Equal(t, tc.typ, execErr(r).Type)
			assert.Equal(t, tc.line, execErr(r).Line, "line")
			assert.GreaterOrEqual(t, execErr(r).Column, tc.col, "column")
			assert.NotEmpty(t, execErr(r).Message)
		})
	}
}

// A condition valid in ES5.1 that goja refuses: Compile says the engine
// refused it, with no diagnostic code of the front end's, and evaluating it
// is a SyntaxError at its start.
func TestEngineRefusalIsAnEngineError(t *testing.T) {
	_, err := Compile("(function(){ for (var a = 1 in b) ; })")
	var engine *EngineError
	require.ErrorAs(t, err, &engine)
	assert.Contains(t, engine.Message, "may not have an initializer")
	var ce *cond.Error
	assert.False(t, errors.As(err, &ce), "not a front-end diagnostic")
	e := CompileError(err)
	assert.Equal(t, "SyntaxError", e.Type)
	assert.Equal(t, [2]int{1, 1}, [2]int{e.Line, e.Column})
}
