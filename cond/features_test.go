package cond

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ORS runs scripts with SpiderMonkey, which accepts const: in a <script> it
// is a portability warning (C111), the script still parses (its names are
// declared, its other mistakes found), and ES2015 forms SpiderMonkey
// rejects stay errors (C110).
func TestConstInAScriptIsAWarning(t *testing.T) {
	tests := []struct {
		name, src string
		parses    bool
		declared  []string
		want      []string // line:col severity code
	}{
		{"const alone", "const MAX_RETRIES = 3;\nvar tries = 0;", true, []string{"MAX_RETRIES", "tries"},
			[]string{"1:1 warning C111"}},
		{"const in a function", "function f() {\n\tconst x = 1;\n\treturn x;\n}", true, []string{"f"},
			[]string{"2:2 warning C111"}},
		{"const in a for-in head", "for (const k in o) { n++; }", true, []string{"k"},
			[]string{"1:6 warning C111"}},
		{"a property named const", "o.const = 1;", true, nil, nil},
		{"const and an unclosed bracket", "const a = 1;\nvar b = (2;", false, nil,
			[]string{"1:1 warning C111", "2:12 error C101"}},
		{"const and a grammar error", "const a = 1;\nvar b = 2 +;", false, nil,
			[]string{"1:1 warning C111", "2:12 error C100"}},
		{"const and let", "const a = 1;\nlet b = 2;", false, nil,
			[]string{"1:1 warning C111", "2:1 error C110"}},
		{"arrow function", "var f = x => x;", false, nil, []string{"1:11 error C110"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prog, err := ParseProgram(tc.src)
			assert.Equal(t, tc.parses, prog != nil)
			if prog != nil {
				assert.Equal(t, tc.declared, prog.Declared())
			}
			var got []string
			if err != nil {
				var perr *Error
				require.ErrorAs(t, err, &perr)
				for _, d := range perr.Diagnostics {
					line, col := LineCol(tc.src, d.Span.Start)
					got = append(got, itoa(line)+":"+itoa(col)+" "+d.Severity.String()+" "+d.Code)
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
