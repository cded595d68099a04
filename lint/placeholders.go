package lint

import (
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// placeholder is a marker Composer writes into a diagram or generated code
// and replaces before ORS sees it.
type placeholder struct {
	text string
	// stand is what the parser reads instead: a name of the same length,
	// so spans stay put and App_{block} lints as one identifier.
	stand string
	// expanded reports whether the marker is still replaced later where
	// the text comes from, so finding it there is no bug.
	expanded func(*Context) bool
	where    string // where it is replaced, for the message
}

var placeholders = [...]placeholder{
	{"{block}", "_block_", func(c *Context) bool { return c.Diagram },
		"Composer replaces it by the block's name when it generates code from a workflow"},
	{scxml.PrefixPlaceholder, "", func(c *Context) bool { return c.Diagram || c.Generated || c.Template },
		"Composer prefixes a generated workflow's state ids with it and replaces it when the IPD includes the workflow"},
}

// expandPlaceholders returns src with every placeholder that is not an
// identifier replaced by a same-length identifier the parser accepts.
func expandPlaceholders(src string) string {
	for _, p := range placeholders {
		if p.stand != "" && strings.Contains(src, p.text) {
			src = strings.ReplaceAll(src, p.text, p.stand)
		}
	}
	return src
}

// spans returns where the marker occurs in src.
func (p *placeholder) spans(src string) []cond.Span {
	var out []cond.Span
	for i := 0; ; {
		j := strings.Index(src[i:], p.text)
		if j < 0 {
			return out
		}
		at := cond.Span{Start: i + j, End: i + j + len(p.text)}
		out = append(out, at)
		i = at.End
	}
}

// inPlaceholder reports whether span of src overlaps a placeholder.
func inPlaceholder(src string, s cond.Span) bool {
	for i := range placeholders {
		for _, at := range placeholders[i].spans(src) {
			if at.Start < s.End && at.End > s.Start {
				return true
			}
		}
	}
	return false
}

// callerSupplied are the names a Composer subroutine template reads
// without declaring them: the workflow that calls the subroutine supplies
// them.
var callerSupplied = [...]string{"args_"}

// subroutineTemplate reports whether a file is one of Composer's stock
// subroutine templates (src/subRoutines/*.scxml): hand-written SCXML whose
// state ids or targets Composer prefixes with scxml.PrefixPlaceholder when it
// copies the template into a workflow.
func subroutineTemplate(f *scxml.File) bool {
	d := f.Document
	if d == nil || d.Generated {
		return false
	}
	for _, st := range d.States {
		if strings.Contains(st.ID, scxml.PrefixPlaceholder) {
			return true
		}
	}
	for _, t := range d.Transitions {
		for _, target := range t.Targets {
			if strings.Contains(target, scxml.PrefixPlaceholder) {
				return true
			}
		}
	}
	return false
}
