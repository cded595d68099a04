package repl

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/condeval/condeval/runtime"
)

func TestExplainCommand(t *testing.T) {
	env := runtime.Env{Event: map[string]any{"name": "interaction.notcontrolled", "data": map[string]any{"resultof": "revoking"}}}
	out, _ := runScript(t, env, lines("_event.data.resultof == 'deletion'", ":explain", ":explain _event.data.x.y || true"))
	assert.Equal(t, lines(
		"false (boolean false)",
		"false (boolean false)",
		"_event.data.resultof == 'deletion'",
		"|      |    |        |",
		`|      |    |        false`,
		`|      |    "revoking"`,
		`|      {"resultof":"revoking"}`,
		`{"data":{"resultof":"revoking"},"invoke…`,
		"no findings",
		"false (error.execution TypeError)",
		"<stdin>:3:15: error: TypeError: Cannot read property 'y' of undefined [error.execution]",
		"_event.data.x.y || true",
		"              ^",
		"_event.data.x.y || true",
		"|      |    | |    |",
		"|      |    | |    not evaluated",
		"|      |    | threw TypeError",
		"|      |    undefined",
		`|      {"resultof":"revoking"}`,
		`{"data":{"resultof":"revoking"},"invoke…`,
		"<expr>:1:1: warning: this interaction.notcontrolled handler does not test _event.data.resultof: it also fires for 'routing' (the strategy's own routing) and 'revoking' (a switchover) [C207]",
		"_event.data.x.y || true",
		"^~~~~~~~~~~~~~~~~~~~~~~",
		"  = help: add the resultof filter: … && (!_event.data.resultof || _event.data.resultof == 'deletion')",
	), out)
}
