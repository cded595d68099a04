package cond

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLookupCode(t *testing.T) {
	tests := []struct {
		ref, code string
		ok        bool
	}{
		{"C100", CodeSyntax, true},
		{"c110", CodeES2015, true},
		{"es2015-syntax", CodeES2015, true},
		{"Invalid-Regexp", CodeInvalidRegexp, true},
		{"C201", "", false}, // a lint rule, not a front-end code
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			c, ok := LookupCode(tt.ref)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.code, c.Code)
		})
	}
}

// Every front-end code is an error by default but C111, the Mozilla
// extension ORS runs.
func TestCodeDefaultSeverity(t *testing.T) {
	for _, c := range Codes() {
		want := SeverityError
		if c.Code == CodeMozilla {
			want = SeverityWarning
		}
		assert.Equal(t, want, c.Severity, c.Code)
	}
}
