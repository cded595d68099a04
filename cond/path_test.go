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

func TestBinaryOpIsRelational(t *testing.T) {
	for _, op := range []BinaryOp{OpLT, OpGT, OpLE, OpGE, OpInstanceof, OpIn} {
		assert.True(t, op.IsRelational(), op.String())
	}
	for _, op := range []BinaryOp{OpEq, OpShl, OpAdd, OpBitAnd} {
		assert.False(t, op.IsRelational(), op.String())
	}
}

// Reads lists each path from a global once per place, as long as written,
// and nothing the condition declares.
func TestReads(t *testing.T) {
	tests := []struct {
		src   string
		reads []string
	}{
		{"_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')",
			[]string{"_event.data.interactionid", "system.InteractionID", "_event.data.resultof", "_event.data.resultof"}},
		{"system[_event.data.key] == App_x", []string{"system[…]", "_event.data.key", "App_x"}},
		{"system.ANI.toLowerCase() == 'x'", []string{"system.ANI.toLowerCase"}},
		{"(function (a) { return a.b + c })(1)", []string{"c"}},
		{"In('s1') && f().x", []string{"In", "f"}},
		{"'s'.length", nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := ParseExpression(tt.src)
			require.NoError(t, err)
			var got []string
			for _, p := range e.Reads() {
				got = append(got, p.String())
			}
			assert.Equal(t, tt.reads, got)
		})
	}
}
