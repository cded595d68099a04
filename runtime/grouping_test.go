package runtime

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A chain of relational operators is grouped from the left, as ECMAScript
// and ORS group it, on goja as on the compiled path.
func TestRelationalChainsGroupFromTheLeft(t *testing.T) {
	env := Env{Event: map[string]any{"name": "e", "data": map[string]any{"n": 5.0}}}
	tests := []struct {
		src  string
		want bool
	}{
		{"1 < 2 < 3", true},
		{"3 > 2 > 1", false},
		{"1 < 2 > 0", true},
		{"5 > 4 < 3", true},
		{"0 < _event.data.n < 3", true}, // the boolean, not the range
		{"0 < _event.data.n < 3 < 2", true},
		{"'a' in {a: 1} in {'true': 1}", true},
		{"(1 < 2) < 3", true},
		{"1 < (2 < 3)", false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			for _, opts := range [][]Option{nil, {Interpreted()}} {
				c, err := Compile(tt.src, append(opts, testTimeout)...)
				require.NoError(t, err)
				res := c.Eval(context.Background(), env)
				require.NoError(t, res.Err)
				assert.Equal(t, tt.want, res.Value, "compiled: %v", c.Compiled())
			}
		})
	}
}

// An error after a grouped chain is placed in the condition's own text.
func TestErrorPositionAfterAGroupedChain(t *testing.T) {
	env := Env{Event: map[string]any{"name": "e", "data": map[string]any{}}}
	at := func(src string) ExecError {
		c, err := Compile(src, Interpreted(), testTimeout)
		require.NoError(t, err)
		res := c.Eval(context.Background(), env)
		require.Error(t, res.Err)
		return *Execution(res.Err)
	}
	chained := at("1 < 2 < 3 && _event.data.x.y")
	written := at("(1 < 2) < 3 && _event.data.x.y") // two characters more, before the error
	assert.Equal(t, written.Column-2, chained.Column)
	assert.Equal(t, written.Span.Start-2, chained.Span.Start)
	assert.Equal(t, "TypeError", chained.Type)
}
