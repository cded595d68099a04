package lsp

import (
	"regexp"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// missingCloser reads the bracket of the front end's unclosed-bracket
// message ("missing ')' to close '(' opened at 3:114"), which is reported
// where the text ends and carries no fix.
var missingCloser = regexp.MustCompile(`^missing '([)\]}])' to close `)

// withCloserFix gives an unclosed-bracket finding at the end of its text
// the fix of inserting the bracket there, as the seed's filter needs: the
// end of a condition is inside its attribute, and a bracket needs no
// escaping in any XML layer.
func withCloserFix(f scxml.Finding) scxml.Finding {
	if f.Edit != nil || f.Code != cond.CodeUnclosed || f.Start != f.End {
		return f
	}
	m := missingCloser.FindStringSubmatch(f.Message)
	if m == nil {
		return f
	}
	f.Edit = &scxml.Edit{Start: f.Start, End: f.End, NewText: m[1]}
	return f
}
