package batch

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeSaysWhatIsWrong(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, "blank line: not a case"},
		{`[1]`, "not a valid case: want a JSON object, got an array"},
		{`"s"`, "not a valid case: want a JSON object, got a string"},
		{`{"cond": 1}`, `not a valid case: "cond" cannot be a number`},
		{`{"states": "s1"}`, `not a valid case: "states" cannot be a string`},
		{`{} {}`, "not a valid case: more than one JSON value on the line"},
		{`{"id": 1`, "not a valid case: unexpected EOF"},
	} {
		_, err := Decode([]byte(tc.in))
		require.Error(t, err, tc.in)
		assert.Equal(t, tc.want, err.Error(), tc.in)
	}
	c, err := Decode([]byte(`{"id": "a", "cond": "In('s')", "event": {"name": "e"}, "states": ["s"], "globals": {"g": 1}}`))
	require.NoError(t, err)
	assert.Equal(t, `"a"`, string(c.ID))
	assert.Equal(t, "In('s')", *c.Cond)
	assert.Equal(t, []string{"s"}, c.Env().States)
}

// A field a case does not have is no reason to lose the case: it is
// evaluated without it, and its result says what was ignored.
func TestDecodeKeepsCasesWithUnknownFields(t *testing.T) {
	c, err := Decode([]byte(`{"id": 1, "cond": "true", "sytem": {"ANI": "1"}, "x": [1, {"y": 2}]}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"sytem", "x"}, c.Unknown)
	r, _, err := NewConditions("").Eval(t.Context(), &c)
	require.NoError(t, err)
	assert.True(t, r.Result)
	assert.Equal(t, `unknown fields "sytem", "x" ignored (a case has id, cond, event, system, states, globals)`, r.Warning)

	c, err = Decode([]byte(`{"cond": "true"}`))
	require.NoError(t, err)
	assert.Empty(t, c.Warning())
}

func TestDecodeEvent(t *testing.T) {
	c, err := DecodeEvent([]byte(`{"name": "interaction.present", "data": {"interactionid": "A"}}`))
	require.NoError(t, err)
	assert.Equal(t, "interaction.present", c.Event["name"])
	for in, want := range map[string]string{
		`[]`:    "not a valid event: want a JSON object, got an array",
		`null`:  "not a valid event: want a JSON object",
		`{} 1`:  "not a valid event: more than one JSON value",
		`{"a":`: "not a valid event: unexpected EOF",
	} {
		_, err := DecodeEvent([]byte(in))
		assert.EqualError(t, err, want, in)
	}
}

// FuzzDecode: any bytes are a case or an error, never a panic, and an
// error never names a Go type.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"id":1,"cond":"true"}`, `[1]`, `{"cond":1}`, `{"event":{"data":[]}}`, "\x00", `{"id":}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, decode := range []func([]byte) (Case, error){Decode, DecodeEvent} {
			if _, err := decode(b); err != nil {
				assert.NotContains(t, err.Error(), "Go value")
				assert.NotContains(t, err.Error(), "batch.")
			}
		}
	})
}

// A line read as text gives the answer of the same line decoded, whatever
// the condition and the line; a line that is no plain case goes to Decode.
func TestLineAsTextAgreesWithDecode(t *testing.T) {
	lines := []string{
		`{"id":1,"event":{"name":"interaction.notcontrolled","data":{"interactionid":"A","resultof":"deletion"}},"system":{"InteractionID":"A"}}`,
		`{"id":"two","event":{"data":{"interactionid":"A","resultof":"x","resultof":"revoking"}},"system":{"InteractionID":"A"},"states":["s1"]}`,
		`{"id":3,"cond":"_event.data.x.y","event":{"data":{}}}`,
		`{"id":4,"cond":"_event.data","event":{"data":{"a":[1,{"b":"\u00e9"}]}}}`,
		`{"id":5,"cond":"App_X + system.n","globals":{"App_X":1},"system":{"n":1.5}}`,
		`{"id":6,"event":null,"system":null,"cond":"typeof _event.data"}`,
		`{"ID":7,"cond":"true"}`,
		`{"id":8,"event":[1]}`,
		`{"id":9,"cond":1}`,
	}
	seed := "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"
	for _, line := range lines {
		got, gotOK := NewConditions(seed).Line(context.Background(), []byte(line), 1)
		c, err := Decode([]byte(line))
		var want Result
		wantOK := err == nil
		if wantOK {
			want, _, err = NewConditions(seed).Eval(context.Background(), &c)
			wantOK = err == nil
		}
		if !wantOK {
			want = NewInputError(IDOf([]byte(line)), 1, err.Error())
		}
		assert.Equal(t, wantOK, gotOK, line)
		assert.Equal(t, want, got, line)
	}
	// Numbers read as JSON.parse reads them: out of range is Infinity,
	// where encoding/json refuses the line.
	got, ok := NewConditions("").Line(context.Background(), []byte(`{"id":1,"cond":"system.n === Infinity","system":{"n":1e400}}`), 1)
	assert.True(t, ok)
	assert.True(t, got.Result)
}
