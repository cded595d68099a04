package scxml

import "strings"

// Workflow is a Composer workflow diagram (.workflow).
type Workflow struct {
	Name     string // the diagram's name
	File     string
	Branches []Branch
	// Exceptions are the blocks' conditional exceptions (event handlers
	// such as interaction.deleted on the Entry block).
	Exceptions []*ComposerHandler
	Variables  []Variable
	Items      []Item // branch conditions and exception handlers, in document order
	Problems   []*SyntaxError
	Source     *Source
}

// Branch is one condition of a Branching block. Composer writes its
// expression escaped once (`&amp;&amp;`).
type Branch struct {
	Block      string // the Branching block's name
	Name       string // the condition's name, which is also its outgoing link's
	Expression Text
	PostAction string
	Pos        Position
}

// Variable is a workflow variable declared in the Entry block: its name is
// a global the workflow's conditions may read.
type Variable struct {
	Name  string
	Value string // the initial value expression
	Type  string // "System" or "User"
}

// ReadWorkflow reads a .workflow file.
func ReadWorkflow(name string, src []byte) (*Workflow, error) {
	s, err := NewFileSource(name, src)
	if err != nil {
		return nil, err
	}
	x, err := parseXML(s)
	if err != nil {
		return nil, err
	}
	w := &Workflow{File: name, Source: s}
	for _, r := range x.Roots {
		r.walk(func(n *node) bool {
			if strings.HasSuffix(n.Name.Local, "Diagram") && w.Name == "" {
				w.Name = n.value("name")
			}
			if n.Name.Local == "blocks" {
				w.readBlock(n)
				return false
			}
			return true
		})
	}
	return w, nil
}

func (w *Workflow) readBlock(b *node) {
	ctx := Item{File: w.File, Block: b.value("name")}
	for _, n := range b.Kids {
		switch n.Name.Local {
		case "conditions":
			expr, _ := n.attr("expression")
			br := Branch{Block: ctx.Block, Name: n.value("name"), Expression: expr, PostAction: n.value("postAction"), Pos: w.Source.Position(n.Offset)}
			w.Branches = append(w.Branches, br)
			if strings.TrimSpace(expr.Value) != "" {
				it := ctx
				it.Kind, it.Text, it.Element, it.Attr, it.Handler = Condition, expr, "conditions", "expression", br.Name
				w.Items = append(w.Items, it)
			}
		case "conditionalExceptions":
			h := readHandler(w.Source, n, ctx)
			w.Exceptions = append(w.Exceptions, h)
			w.Items = append(w.Items, h.items(ctx, "conditionalExceptions")...)
			if h.BodyErr != nil {
				w.Problems = append(w.Problems, h.BodyErr)
			}
		case "variables":
			w.Variables = append(w.Variables, Variable{Name: n.value("name"), Value: n.value("value"), Type: n.value("type")})
		}
	}
}
