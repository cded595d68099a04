package repl

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestJSNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{101, "101"},
		{-2.5, "-2.5"},
		{0.30000000000000004, "0.30000000000000004"},
		{1e20, "100000000000000000000"},
		{1e21, "1e+21"},
		{1.5e300, "1.5e+300"},
		{0.000001, "0.000001"},
		{1e-7, "1e-7"},
		{-1.25e-10, "-1.25e-10"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, jsNumber(tt.in), "%v", tt.in)
	}
}

func TestDescribeValue(t *testing.T) {
	long := make([]any, 100)
	for i := range long {
		long[i] = "abc"
	}
	tests := []struct {
		typ  string
		raw  any
		want string
	}{
		{"string", "deletion", `string "deletion"`},
		{"string", "a\"b\n<c>", `string "a\"b\n<c>"`},
		{"number", int64(7), "number 7"},
		{"boolean", true, "boolean true"},
		{"undefined", nil, "undefined"},
		{"null", nil, "null"},
		{"function", func() {}, "function"},
		{"object", map[string]any{"b": 1.0, "a": "x"}, `object {"a":"x","b":1}`},
		{"object", time.Date(2024, 2, 3, 4, 5, 6, 7e6, time.UTC), "object 2024-02-03T04:05:06.007Z"},
		{"array", long, `array ["abc","abc",`},
	}
	for _, tt := range tests {
		got := describeValue(tt.typ, tt.raw)
		if tt.typ == "array" {
			assert.Equal(t, maxShown+len("array "), len([]rune(got)), "cut to maxShown characters")
			assert.Contains(t, got, tt.want)
			assert.Equal(t, "…", string([]rune(got)[len([]rune(got))-1:]))
			continue
		}
		assert.Equal(t, tt.want, got)
	}
}

func TestPalette(t *testing.T) {
	on, off := palette{on: true}, palette{}
	assert.Equal(t, "\x1b[32mtrue\x1b[0m ", on.outcome(true))
	assert.Equal(t, "\x1b[31mfalse\x1b[0m", on.outcome(false))
	assert.Equal(t, "true ", off.outcome(true))
	assert.Equal(t, "false", off.outcome(false))
}
