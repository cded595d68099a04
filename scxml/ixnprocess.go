package scxml

import "strings"

// Process is a Composer interaction process diagram (.ixnprocess): the IPD
// whose Events dialog lists the handlers Composer generates into the
// handler region of the IPD's SCXML.
type Process struct {
	Name         string // the diagram's name
	File         string
	WaitForEvent string             // the IPD "Wait For Event" property, e.g. interaction.present
	Handlers     []*ComposerHandler // <events>: the handlers in force, in document order
	// Backup is <eventsBackup>: the stock handlers Composer keeps for an
	// upgrade. They are not generated, so they are neither fired nor
	// linted (they are not in Items).
	Backup    []*ComposerHandler
	Workflows []string // the resource paths of the diagram's workflow blocks
	Items     []Item   // the items of Handlers, in document order
	// Problems are handler bodies that are not well-formed XML; the rest
	// of the file is still read.
	Problems []*SyntaxError
	Source   *Source
}

// ReadProcess reads an .ixnprocess file.
func ReadProcess(name string, src []byte) (*Process, error) {
	s, x, err := readXML(name, src)
	if err != nil {
		return nil, err
	}
	root, err := x.diagram(s, "an interaction process diagram (<ipd:IpdDiagram>)", func(local string) bool { return local == "IpdDiagram" })
	if err != nil {
		return nil, err
	}
	p := &Process{File: name, Source: s}
	ctx := Item{File: name}
	root.walk(func(n *node) bool {
		switch n.Name.Local {
		case "IpdDiagram":
			p.Name = n.value("name")
		case "waitForEvent":
			p.WaitForEvent = strings.TrimSpace(n.Text.Value)
		case "blocks":
			if res := n.value("resource"); res != "" && strings.HasSuffix(n.value("xmi:type"), "WorkflowBlock") {
				p.Workflows = append(p.Workflows, res)
			}
		case "events":
			h := readHandler(s, n, ctx)
			p.Handlers = append(p.Handlers, h)
			p.Items = append(p.Items, h.items(ctx, "events")...)
			if h.BodyErr != nil {
				p.Problems = append(p.Problems, h.BodyErr)
			}
			return false
		case "eventsBackup":
			p.Backup = append(p.Backup, readHandler(s, n, ctx))
			return false
		}
		return true
	})
	markComposerEnds(p.Handlers)
	return p, nil
}
