package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedExpr = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"

func writeJSON(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
	return p
}

func TestEvalCommand(t *testing.T) {
	dir := t.TempDir()
	system := writeJSON(t, dir, "system.json", `{"InteractionID": "0001"}`)
	event := func(resultof string) string {
		data := `{"interactionid": "0001"`
		if resultof != "" {
			data += `, "resultof": "` + resultof + `"`
		}
		return writeJSON(t, dir, "event-"+resultof+".json", `{"name": "interaction.notcontrolled", "data": `+data+`}}`)
	}
	bad := writeJSON(t, dir, "bad.json", `{"name": `)
	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		out, inErr string
	}{
		{"seed, absent", []string{"eval", "--event", event(""), "--system", system, seedExpr}, 0, "true\n", ""},
		{"seed, deletion", []string{"eval", "--event", event("deletion"), "--system", system, seedExpr}, 0, "true\n", ""},
		{"seed, revoking", []string{"eval", "--event", event("revoking"), "--system", system, seedExpr}, 1, "false\n", ""},
		{"state", []string{"eval", "--state", "s1", "--state", "s2", "In('s2')"}, 0, "true\n", ""},
		{"global", []string{"eval", "--global", `App_X={"requestid":"7"}`, "App_X.requestid == '7'"}, 0, "true\n", ""},
		{"type error", []string{"eval", "_event.data.a.b"}, 1, "false\n", "<expr>:1:13: error: TypeError: Cannot read property 'a' of undefined [error.execution]\n"},
		{"assignment, as in ORS", []string{"eval", `system.ANI = "5551234"`}, 0, "true\n", "note: the condition assigned to system.ANI"},
		{"syntax error, with its code", []string{"eval", "1 +"}, 1, "false\n", "<expr>:1:4: error: unexpected end of input: expected an expression [C100]\n1 +\n   ^\n"},
		{"caret under a tab-indented condition", []string{"eval", "\t_event.data.a.b"}, 1, "false\n", "\t_event.data.a.b\n\t            ^\n"},
		{"no expression", []string{"eval"}, 2, "", "give the condition"},
		{"bad event file", []string{"eval", "--event", bad, "true"}, 2, "", "bad.json"},
		{"missing file", []string{"eval", "--event", filepath.Join(dir, "nope.json"), "true"}, 2, "", "nope.json"},
		// A JSON value with commas is one value, not a list of flags.
		{"global object with commas", []string{"eval", "--global", `App_X={"a":1,"requestid":"7"}`, "App_X.requestid == '7'"}, 0, "true\n", ""},
		{"global array", []string{"eval", "--global", "xs=[1,2,3]", "xs.length == 3"}, 0, "true\n", ""},
		{"bad global", []string{"eval", "--global", "App_X", "true"}, 2, "", "NAME=JSON"},
		{"bad global JSON", []string{"eval", "--global", "App_X={", "true"}, 2, "", "App_X"},
		{"missing input, one condition", []string{"eval", "c.d"}, 1, "false\n", "warning: the condition reads c.d, but no --global c=JSON was given"},
		{"missing input named by its condition", []string{"eval", "-e", "a.b", "-e", "x == (", "c.d"}, 1, "false\nfalse\nfalse\n", "warning: <expr3> reads c.d, but no --global c=JSON was given"},
		{"assignment named by its condition", []string{"eval", "-e", "true", `system.ANI = "5"`}, 0, "true\ntrue\n", "note: <expr2> assigned to system.ANI"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runWithInput(t, "", tc.args...)
			assert.Equal(t, tc.code, code, errOut)
			assert.Equal(t, tc.out, out)
			assert.Contains(t, errOut, tc.inErr)
		})
	}
}

func TestEvalBatch(t *testing.T) {
	in := strings.Join([]string{
		`{"id": 1, "event": {"name": "interaction.notcontrolled", "data": {"interactionid": "A"}}, "system": {"InteractionID": "A"}}`,
		`{"id": "two", "event": {"data": {"interactionid": "A", "resultof": "revoking"}}, "system": {"InteractionID": "A"}}`,
		`not json`,
		``,
		`{"id": 4, "cond": "_event.data.x.y"}`,
		`{"id": 5, "cond": "In('s1')", "states": ["s1"]}`,
		`{"id": 6, "cond": "1 +"}`,
		`{"id": 7, "unknown": true}`,
		`{"id": 8, "cond": "App_X", "globals": {"App_X": 0}}`,
	}, "\n")
	code, out, _ := runWithInput(t, in, "eval", "--batch", "--cond", seedExpr)
	assert.Equal(t, 2, code, "a malformed line makes the exit code 2")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 9, "one result per input line")
	want := []string{
		`{"id":1,"result":true,"error":null}`,
		`{"id":"two","result":false,"error":null}`,
		`{"line":3,"result":false,"error":{"name":"error.input","message":"not a valid case: invalid character 'o' in literal null (expecting 'u')"}}`,
		`{"line":4,"result":false,"error":{"name":"error.input","message":"blank line: not a case"}}`,
		`{"id":4,"result":false,"error":{"name":"error.execution","type":"TypeError",`,
		`{"id":5,"result":true,"error":null}`,
		`{"id":6,"result":false,"error":{"name":"error.execution","type":"SyntaxError",`,
		`{"id":7,"result":false,"error":{"name":"error.execution","type":"TypeError",`,
		`{"id":8,"result":false,"error":null}`,
	}
	for i, w := range want {
		assert.True(t, strings.HasPrefix(lines[i], w), "line %d: %s", i+1, lines[i])
		assert.True(t, json.Valid([]byte(lines[i])), lines[i])
	}
	assert.True(t, strings.HasSuffix(lines[7], `,"warning":"unknown field \"unknown\" ignored (a case has id, cond, event, system, states, globals)"}`), lines[7])

	code, out, _ = runWithInput(t, `{"id":1,"cond":"true"}`+"\n", "eval", "--batch")
	assert.Equal(t, 0, code)
	assert.Equal(t, `{"id":1,"result":true,"error":null}`+"\n", out)

	code, out, _ = runWithInput(t, `{"id":1}`, "eval", "--batch")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `no condition`)

	// A line that is valid JSON keeps its id in its error.input record.
	code, out, _ = runWithInput(t, `{"id":"c1","cond":""}`+"\n"+`{"id":[1],"cond":1}`+"\n"+`[1]`+"\n", "eval", "--batch")
	assert.Equal(t, 2, code)
	lines = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3)
	for i, w := range []string{
		`{"id":"c1","line":1,"result":false,"error":{"name":"error.input","message":"no condition: give \"cond\" or -e"}}`,
		`{"id":[1],"line":2,"result":false,"error":{"name":"error.input","message":"not a valid case: `,
		`{"line":3,"result":false,"error":{"name":"error.input","message":"not a valid case: `,
	} {
		assert.True(t, strings.HasPrefix(lines[i], w), "line %d: %s", i+1, lines[i])
	}

	code, _, errOut := runWithInput(t, "", "eval", "--batch", "true")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--batch")
}

// FuzzBatch: whatever the input, one output line per input line,
// each valid JSON, and no panic.
func FuzzBatch(f *testing.F) {
	f.Add(`{"id":1,"cond":"true"}` + "\n" + `garbage` + "\n\n" + `{"id":2,"event":{"data":{"x":1}},"cond":"_event.data.x"}`)
	f.Add(`{"cond":"(function(){for(;;){}})()"}`)
	f.Add(`{"id":[1,{"a":null}],"cond":"In('a')","states":["a"],"globals":{"g":[1,2]}}` + "\r\n")
	f.Add("\x00\xff{}\n[]\n\"s\"\n{\"cond\":1}")
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		runBatch(strings.NewReader(in), &out, "")
		want := strings.Count(strings.TrimSuffix(in, "\n"), "\n") + 1
		if in == "" {
			want = 0
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			got = nil
		}
		if len(got) != want {
			t.Fatalf("%d input lines, %d output lines:\n%s", want, len(got), out.String())
		}
		for _, l := range got {
			if !json.Valid([]byte(l)) {
				t.Fatalf("output line is not JSON: %s", l)
			}
		}
	})
}
