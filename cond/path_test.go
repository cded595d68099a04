package cond

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathOf(t *testing.T) {
	tests := []struct {
		src      string
		ok       bool
		segments []string
		text     string
	}{
		{"system", true, []string{"system"}, "system"},
		{"system.InteractionID", true, []string{"system", "InteractionID"}, "system.InteractionID"},
		{"(_event.data)['resultof']", true, []string{"_event", "data", "resultof"}, "_event.data.resultof"},
		{"a[0].b", true, []string{"a", "0", "b"}, "a.0.b"},
		{"_genesys.ixn.interactions[id].voice", true, []string{"_genesys", "ixn", "interactions", AnyKey, "voice"}, "_genesys.ixn.interactions[…].voice"},
		{"f().x", false, nil, ""},
		{"'s'.length", false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := ParseExpression(tt.src)
			require.NoError(t, err)
			p, ok := PathOf(e.Root)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.segments, p.Segments)
			assert.Equal(t, tt.segments[0], p.Root.Name)
			assert.Equal(t, tt.text, p.String())
		})
	}
}

func TestBinaryOpIsEquality(t *testing.T) {
	for _, op := range []BinaryOp{OpEq, OpNe, OpStrictEq, OpStrictNe} {
		assert.True(t, op.IsEquality(), op.String())
	}
	for _, op := range []BinaryOp{OpLT, OpGE, OpIn, OpAdd, OpBitAnd} {
		assert.False(t, op.IsEquality(), op.String())
	}
}
