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
	// Items are the ECMAScript of the diagram, in document order: block
	// condition guards, ECMAScript-block scripts, Assign values, logging
	// details, branch conditions and exception handlers.
	Items    []Item
	Problems []*SyntaxError
	Source   *Source
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
	s, x, err := readXML(name, src)
	if err != nil {
		return nil, err
	}
	root, err := x.diagram(s, "a workflow diagram (<ird:StrategyDiagram>)", func(local string) bool { return strings.HasSuffix(local, "Diagram") })
	if err != nil {
		return nil, err
	}
	w := &Workflow{File: name, Source: s}
	root.walk(func(n *node) bool {
		if strings.HasSuffix(n.Name.Local, "Diagram") && w.Name == "" {
			w.Name = n.value("name")
		}
		if n.Name.Local == "blocks" {
			if !blockDisabled(n) {
				w.readBlock(n)
			}
			return false
		}
		return true
	})
	markComposerEnds(w.Exceptions)
	return w, nil
}

// blockAttrItems are the block attributes that hold ECMAScript, with how
// each is read. Like Branching expressions, and unlike exception
// conditions, they are escaped once, by the XML alone: public workflows
// write an Assign value's > as is and an ECMAScript block's line breaks as
// &#xD;&#xA; [OBS, docs/ors.md §11]. An ECMAScript block's condition
// holds statements (a try/catch) in public workflows [OBS], so it is read
// as a script.
var blockAttrItems = []struct {
	attr              string
	kind, scriptBlock Kind
}{
	{"condition", Condition, Program}, // the guard every block may have
	{"script", Program, Program},      // the ECMAScript block's script
}

// blockKidItems are the child elements of a block that hold ECMAScript:
// an Assign block's values and a Log block's details ("" attr: the
// element's text), each an expression of the generated SCXML [OBS].
var blockKidItems = []struct {
	element, attr string
	kind          Kind
}{
	{"assignData", "Value", Expression},
	{"loggingDetails", "", Expression},
}

// blockDisabled reports whether b is switched off in the diagram
// (enableStatus="Disabled"). Composer generates a disabled block as a
// state that only logs that it is disabled and passes on: none of its
// ECMAScript, branches or exception handlers is in the generated SCXML,
// so ORS never runs them and none is read [OBS, docs/ors.md §11].
func blockDisabled(b *node) bool {
	return strings.EqualFold(b.value("enableStatus"), "Disabled")
}

// isScriptBlock reports whether b is an ECMAScript block.
func isScriptBlock(b *node) bool {
	for _, a := range []string{"xmi:type", "xsi:type"} {
		if strings.HasSuffix(b.value(a), ":EcmaScriptBlock") {
			return true
		}
	}
	return false
}

// addItem adds a non-empty text of the workflow as an item.
func (w *Workflow) addItem(ctx Item, kind Kind, element, attr string, text Text) {
	if strings.TrimSpace(text.Value) == "" {
		return // an empty condition is no condition, an empty value nothing to read
	}
	ctx.Kind, ctx.Text, ctx.Element, ctx.Attr = kind, text, element, attr
	w.Items = append(w.Items, ctx)
}

func (w *Workflow) readBlock(b *node) {
	ctx := Item{File: w.File, Block: b.value("name")}
	for _, a := range blockAttrItems {
		if text, ok := b.attr(a.attr); ok {
			kind := a.kind
			if isScriptBlock(b) {
				kind = a.scriptBlock
			}
			w.addItem(ctx, kind, "blocks", a.attr, text)
		}
	}
	for _, n := range b.Kids {
		for _, k := range blockKidItems {
			if n.Name.Local != k.element {
				continue
			}
			text := n.Text
			if k.attr != "" {
				text, _ = n.attr(k.attr)
			}
			w.addItem(ctx, k.kind, k.element, k.attr, text)
		}
		switch n.Name.Local {
		case "conditions":
			expr, _ := n.attr("expression")
			br := Branch{Block: ctx.Block, Name: n.value("name"), Expression: expr, PostAction: n.value("postAction"), Pos: w.Source.Position(n.Offset)}
			w.Branches = append(w.Branches, br)
			it := ctx
			it.Handler = br.Name
			w.addItem(it, Condition, "conditions", "expression", expr)
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
