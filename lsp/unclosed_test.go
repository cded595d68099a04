package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

func TestWithCloserFix(t *testing.T) {
	at := scxml.Position{Offset: 40, Line: 3, Column: 12, Column16: 12}
	after := scxml.Position{Offset: 41, Line: 3, Column: 13, Column16: 13}
	finding := func(code, msg string, start, end scxml.Position, edit *scxml.Edit) scxml.Finding {
		return scxml.Finding{Finding: cond.Finding{Diagnostic: cond.Diagnostic{Code: code, Message: msg}}, Start: start, End: end, Edit: edit}
	}
	own := &scxml.Edit{Start: at, End: at, NewText: "x"}
	tests := []struct {
		name string
		in   scxml.Finding
		want *scxml.Edit
	}{
		{"a missing ')' at the end", finding(cond.CodeUnclosed, "missing ')' to close '(' opened at 3:2", at, at, nil), &scxml.Edit{Start: at, End: at, NewText: ")"}},
		{"a missing '}'", finding(cond.CodeUnclosed, "missing '}' to close '{' opened at 1:1", at, at, nil), &scxml.Edit{Start: at, End: at, NewText: "}"}},
		{"near miss: not an empty range", finding(cond.CodeUnclosed, "missing ')' to close '(' opened at 3:2", at, after, nil), nil},
		{"near miss: a mismatched bracket", finding(cond.CodeMismatched, "unexpected ']': expected ')' to close '(' opened at 3:2", at, at, nil), nil},
		{"near miss: a finding with its own fix", finding(cond.CodeUnclosed, "missing ')' to close '(' opened at 3:2", at, at, own), own},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, withCloserFix(tt.in).Edit)
		})
	}
}
