package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eval --explain on the seed condition and the revoking step of a
// switchover shows the value of every part under it.
func TestEvalExplainSeed(t *testing.T) {
	dir := t.TempDir()
	event := writeJSON(t, dir, "event.json", `{"name": "interaction.notcontrolled", "data": {"interactionid": "0001", "resultof": "revoking"}}`)
	system := writeJSON(t, dir, "system.json", `{"InteractionID": "0001"}`)
	code, out, errOut := runWithInput(t, "", "eval", "--explain", "--event", event, "--system", system, seedExpr)
	require.Equal(t, 1, code, errOut)
	assert.Equal(t, strings.Join([]string{
		"false",
		seedExpr,
		`|      |    |             |  |      |             |   ||      |    |        |  |      |    |        |`,
		`|      |    |             |  |      |             |   ||      |    |        |  |      |    |        false`,
		`|      |    |             |  |      |             |   ||      |    |        |  |      |    "revoking"`,
		`|      |    |             |  |      |             |   ||      |    |        |  |      {"interactionid":"0001","resultof":"rev…`,
		`|      |    |             |  |      |             |   ||      |    |        |  {"data":{"interactionid":"0001","result…`,
		`|      |    |             |  |      |             |   ||      |    |        false`,
		`|      |    |             |  |      |             |   ||      |    "revoking"`,
		`|      |    |             |  |      |             |   ||      {"interactionid":"0001","resultof":"rev…`,
		`|      |    |             |  |      |             |   |{"data":{"interactionid":"0001","result…`,
		`|      |    |             |  |      |             |   false`,
		`|      |    |             |  |      "0001"        false`,
		`|      |    |             |  {"InteractionID":"0001"}`,
		`|      |    "0001"        true`,
		`|      {"interactionid":"0001","resultof":"rev…`,
		`{"data":{"interactionid":"0001","result…`,
		"",
	}, "\n"), out)
}

// The lint findings follow, for the event given; a part that threw says so.
func TestEvalExplainFindingsAndErrors(t *testing.T) {
	dir := t.TempDir()
	event := writeJSON(t, dir, "event.json", `{"name": "interaction.notcontrolled", "data": {"interactionid": "0001"}}`)
	code, out, errOut := runWithInput(t, "", "eval", "--explain", "--event", event, "_event.data.interactionid == system.InteractionID")
	require.Equal(t, 1, code, errOut)
	assert.Contains(t, out, "|      |    |             |  null   undefined\n", "system was not given")
	assert.Contains(t, out, "<expr>:1:1: warning: this interaction.notcontrolled handler does not test _event.data.resultof")

	code, out, _ = runWithInput(t, "", "eval", "--explain", "_event.data.a.b")
	require.Equal(t, 1, code)
	assert.Contains(t, out, "|      |    threw TypeError\n")
	assert.Contains(t, out, "|      undefined\n")
}

func TestEvalExplainJSON(t *testing.T) {
	dir := t.TempDir()
	event := writeJSON(t, dir, "event.json", `{"name": "interaction.notcontrolled", "data": {"interactionid": "0001", "resultof": "revoking"}}`)
	code, out, errOut := runWithInput(t, "", "eval", "--explain", "--format", "json", "--event", event, "_event.data.interactionid == system.InteractionID")
	require.Equal(t, 1, code, errOut)
	var got struct {
		Result      bool `json:"result"`
		Error       any  `json:"error"`
		Explanation struct {
			Source string `json:"source"`
			Root   struct {
				State string `json:"state"`
				Value any    `json:"value"`
				Parts []struct {
					Text  string `json:"text"`
					Type  string `json:"type"`
					Value any    `json:"value"`
				} `json:"parts"`
			} `json:"root"`
		} `json:"explanation"`
		Findings []jsonDiagnostic `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.False(t, got.Result)
	assert.Nil(t, got.Error)
	assert.Equal(t, "evaluated", got.Explanation.Root.State)
	require.Len(t, got.Explanation.Root.Parts, 2)
	assert.Equal(t, "0001", got.Explanation.Root.Parts[0].Value)
	assert.Equal(t, "undefined", got.Explanation.Root.Parts[1].Type)
	require.Len(t, got.Findings, 1)
	assert.Equal(t, "C207", got.Findings[0].Code)

	code, out, _ = runWithInput(t, "", "eval", "--format", "json", "_event.data.a.b")
	require.Equal(t, 1, code)
	assert.JSONEq(t, `{"result":false,"error":{"name":"error.execution","type":"TypeError","message":"Cannot read property 'a' of undefined","line":1,"column":13}}`, out)
}

// dispatch --explain shows the parts of every condition it evaluated: on
// the example without --system, that system.InteractionID is undefined.
func TestDispatchExplainShowsParts(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "dispatch", "--explain", "--handlers", "../../examples/ipd/default.ixnprocess",
		"--event", "../../examples/events/notcontrolled-revoking.json")
	require.Equal(t, 0, code, errOut)
	skipped := out[strings.Index(out, "skipped  interaction not controlled"):]
	assert.Contains(t, skipped, "           _event.data.interactionid == system.InteractionID\n")
	assert.Contains(t, skipped, "|  null   undefined\n")
	assert.Contains(t, skipped, "[C207]")

	code, out, errOut = runWithInput(t, "", "dispatch", "--explain", "--format", "json", "--handlers", "../../examples/ipd/default.ixnprocess",
		"--event", "../../examples/events/notcontrolled-revoking.json")
	require.Equal(t, 0, code, errOut)
	var got struct {
		Explanations []struct {
			Handler     string `json:"handler"`
			Explanation struct {
				Source string `json:"source"`
			} `json:"explanation"`
			Findings []jsonDiagnostic `json:"findings"`
		} `json:"explanations"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.Len(t, got.Explanations, 1)
	assert.Equal(t, "interaction not controlled", got.Explanations[0].Handler)
	assert.Equal(t, "_event.data.interactionid == system.InteractionID", got.Explanations[0].Explanation.Source)
}

// The README's eval --explain transcript is what condeval prints.
func TestReadmeEvalExplainIsTrue(t *testing.T) {
	command, block, _ := strings.Cut(readmeBlock(t, "<!-- eval-explain:", "```\n$ condeval "), "\n")

	const expr = `"_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"`
	require.Equal(t, "eval --explain --event examples/events/notcontrolled-revoking.json --system examples/system.json "+expr, command)
	_, out, _ := runWithInput(t, "", "eval", "--explain", "--event", "../../examples/events/notcontrolled-revoking.json",
		"--system", "../../examples/system.json", seedExpr)
	require.Equal(t, strings.TrimRight(out, "\n"), block)
}
