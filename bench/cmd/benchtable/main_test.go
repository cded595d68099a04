package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{
			name: "median and ratio against the floor",
			in: `goos: linux
BenchmarkEval/seed/decoded/go-2         	 4258754	        80.00 ns/op	       0 B/op	       0 allocs/op
BenchmarkEval/seed/decoded/goja-2       	  161002	      1900 ns/op	    1053 B/op	      18 allocs/op
BenchmarkEval/seed/decoded/go-2         	 4258754	        100.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkEval/seed/decoded/goja-2       	  161002	      2000 ns/op	    1053 B/op	      18 allocs/op
BenchmarkEval/seed/decoded/go-2         	 4258754	        90.00 ns/op	       0 B/op	       0 allocs/op
BenchmarkEval/seed/decoded/goja-2       	  161002	      9999 ns/op	    1053 B/op	      18 allocs/op
PASS
`,
			want: "| Eval/seed/decoded | go | 90 | 0 | 1 (go) | 1 |\n" +
				"| Eval/seed/decoded | goja | 2000 | 18 | 22.22 | 23.75 |\n",
		},
		{
			name: "fastest runs",
			in: "BenchmarkEval/a/go-2 10 90 ns/op 0 allocs/op\nBenchmarkEval/a/cel-2 10 300 ns/op 4 allocs/op\n" +
				"BenchmarkEval/a/go-2 10 60 ns/op 0 allocs/op\nBenchmarkEval/a/cel-2 10 240 ns/op 4 allocs/op\n",
			want: "| Eval/a | go | 75 | 0 | 1 (go) | 1 |\n" +
				"| Eval/a | cel | 270 | 4 | 3.60 | 4.00 |\n",
		},
		{
			name: "compile times against condeval",
			in: "BenchmarkCompile/seed/condeval-2 100 20000 ns/op 10 allocs/op\n" +
				"BenchmarkCompile/seed/cel 100 50000 ns/op 990 allocs/op\n",
			want: "| Compile/seed | condeval | 20000 | 10 | 1 (condeval) | 1 |\n" +
				"| Compile/seed | cel | 50000 | 990 | 2.50 | 2.50 |\n",
		},
		{
			name: "no baseline in the group",
			in:   "BenchmarkParallel/x/expr-2 10 1.5 ns/op\n",
			want: "| Parallel/x | expr | 1.50 | 0 | — | — |\n",
		},
		{name: "no results", in: "PASS\n", err: "no benchmark results in input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(strings.NewReader(tt.in), &out)
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			lines := strings.SplitN(out.String(), "\n", 3)
			require.Len(t, lines, 3)
			assert.Equal(t, "| benchmark | engine | ns/op | allocs/op | × baseline | × baseline, fastest runs |", lines[0])
			assert.Equal(t, tt.want, lines[2])
		})
	}
}
