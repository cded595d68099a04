package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonTexts are events as JSON text, with what JSON.parse makes of them.
var jsonTexts = []string{
	`{"name":"interaction.notcontrolled","data":{"interactionid":"000PaG8U4SYB001N","resultof":"deletion","n":5,"s":"5"}}`,
	`{"name":"e","data":{"interactionid":"A","resultof":"x","resultof":"deletion"}}`,
	`{"data":{"name":"Zo\u00eb \ud83d\ude00","emoji":"😀x","upper":"\u00c9COLE","routetype":"GNS","list":["a",1,null,{"x":1}]}}`,
	`{"data":{"n":1e400,"f":-0.0,"big":9007199254740993,"s":"-0","nul":null,"b":true,"list":[]}}`,
	`{"data":null,"type":"internal"}`,
	`{"data":{"udata":{"customer":{"segment":"gold","language":"en-US"}},"key":"n","n":"07"}}`,
	`  {"data" : { "a\"b" : "c\\d" , "resultof" : "" } }  `,
	`{"data":[1,2]}`,
	`{"data":"text","name":1}`,
	`{"name":"interaction.routing.done","data":{"requestid":"R1","interactionid":"000PaG8U4SYB001N","n":"1"}}`,
	`null`,
	`{}`,
}

// The decoder reads JSON as encoding/json does, numbers out of range aside
// (JSON.parse reads them as Infinity); invalid text is an error for both.
func TestDecodeObjectReadsJSONAsJSONParse(t *testing.T) {
	for _, text := range jsonTexts {
		got, err := decodeObject([]byte(text), everything)
		require.NoError(t, err, text)
		var want map[string]any
		if json.Unmarshal([]byte(text), &want) == nil {
			assert.Equal(t, want, got, text)
		}
	}
	got, err := decodeObject([]byte(`{"n":1e400,"m":-1e400}`), everything)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"n": math.Inf(1), "m": math.Inf(-1)}, got)
	for _, bad := range []string{`{`, `{"a":}`, `{"a":1,}`, `[1]`, `"x"`, `{"a":01}`, `{"a":"\x01"}`, `{"a":"\q"}`,
		`{"a":tru}`, `{"a":1} x`, `{"a":-}`, `{"a":1.}`, `{"a":1e}`, `{a:1}`, `{"a":"\u12"}`, `{"a":[1 2]}`} {
		_, err := decodeObject([]byte(bad), everything)
		assert.Error(t, err, bad)
		_, err = decodeObject([]byte(bad), &need{})
		assert.Error(t, err, "a partial read checks the whole text too: %s", bad)
	}
}

// Only what a condition reads is decoded.
func TestDecodeObjectReadsOnlyWhatIsNeeded(t *testing.T) {
	c := MustCompile(seedCond)
	got, err := decodeObject([]byte(jsonTexts[0]), c.fast.event)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"data": map[string]any{"interactionid": "000PaG8U4SYB001N", "resultof": "deletion"}}, got)
}

// Every condition of the corpus gives the same result from JSON text as
// from the maps the text decodes to, whichever path it takes; invalid text
// is a SyntaxError.
func TestEvalFromJSONAgreesWithDecodedMaps(t *testing.T) {
	system := []byte(`{"InteractionID":"000PaG8U4SYB001N","TenantID":101,"Type":"Inbound"}`)
	var systemMap map[string]any
	require.NoError(t, json.Unmarshal(system, &systemMap))
	compiled := 0
	for _, src := range corpus(t) {
		c, err := Compile(src, testTimeout)
		if err != nil {
			continue
		}
		if c.Compiled() {
			compiled++
		} else if compiled%7 != 0 {
			continue // a sample of the goja-only conditions is enough
		}
		for _, text := range jsonTexts {
			event, err := decodeObject([]byte(text), everything)
			require.NoError(t, err)
			for _, globals := range []map[string]any{nil, composerGlobals(), shadowingGlobals()} {
				want := c.Eval(context.Background(), Env{Event: event, System: systemMap, States: []string{"s1"}, Globals: globals})
				got := c.Eval(context.Background(), Env{EventJSON: []byte(text), SystemJSON: system, States: []string{"s1"}, Globals: globals})
				assertSameResult(t, want, got, "%s on %s", src, text)
			}
		}
	}
	r := MustCompile(seedCond).Eval(context.Background(), Env{EventJSON: []byte(`{"data":`)})
	require.NotNil(t, r.Err)
	assert.Equal(t, "SyntaxError", execErr(r).Type)
	assert.Contains(t, execErr(r).Message, "the event is not valid JSON")
}

// Evaluating the seed condition from JSON text allocates only the few
// values it decodes: three maps and three strings.
func TestEvalFromJSONDecodesLittle(t *testing.T) {
	c := MustCompile(seedCond)
	env := Env{EventJSON: []byte(jsonTexts[0]), SystemJSON: []byte(`{"InteractionID":"000PaG8U4SYB001N","Other":{"deep":[1,2,3]}}`)}
	allocs := testing.AllocsPerRun(100, func() { c.Eval(context.Background(), env) })
	assert.LessOrEqual(t, allocs, 12.0)
}

// FuzzDecodeObject: the decoder accepts exactly the JSON objects
// encoding/json accepts and reads them alike.
func FuzzDecodeObject(f *testing.F) {
	for _, text := range jsonTexts {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		got, err := decodeObject(text, everything)
		var want any
		wantErr := json.Unmarshal(text, &want)
		trimmed := bytes.TrimSpace(text)
		isObject := len(trimmed) > 0 && (trimmed[0] == '{' || bytes.Equal(trimmed, []byte("null")))
		if wantErr == nil && isObject {
			require.NoError(t, err)
			if w, ok := want.(map[string]any); ok || want == nil {
				assert.Equal(t, w, got)
			}
			return
		}
		if len(trimmed) == 0 {
			return
		}
		if err == nil {
			// encoding/json refuses numbers out of range; JSON.parse does not.
			var syntax *json.SyntaxError
			require.False(t, errorsAs(wantErr, &syntax) || !isObject, "accepted %q: %v", text, wantErr)
		}
	})
}

func errorsAs(err error, target any) bool { return err != nil && errors.As(err, target) }

func TestObjectMembersSplitsWithoutDecoding(t *testing.T) {
	var keys, values []string
	err := ObjectMembers([]byte(` {"id":7, "e\u0076ent" : {"a":[1,{"b":"}"}]} ,"s":"x"} `), func(k string, v []byte) error {
		keys, values = append(keys, k), append(values, string(v))
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"id", "event", "s"}, keys)
	assert.Equal(t, []string{"7", `{"a":[1,{"b":"}"}]}`, `"x"`}, values)
	for _, bad := range []string{`[1]`, `{"a":1`, `{"a":1} {}`, `{"a":{"b":}}`, `{"a" 1}`, ``} {
		assert.Error(t, ObjectMembers([]byte(bad), func(string, []byte) error { return nil }), bad)
	}
	stop := errors.New("stop")
	assert.ErrorIs(t, ObjectMembers([]byte(`{"a":1,"b":2}`), func(string, []byte) error { return stop }), stop)
}
