package scxml

import "strings"

// ComposerHandler is a Composer event handler: an entry of an IPD's Events
// dialog (<events> in an .ixnprocess) or a block's conditional exception
// (<conditionalExceptions> in a .workflow). Composer copies its event and
// condition verbatim into the generated SCXML <transition>, so both are
// XML-decoded twice; its body is SCXML executable content, escaped once.
// (A handler of a handler set, whatever its source, is statechart.Handler.)
type ComposerHandler struct {
	Name      string
	Event     Text // event descriptors, decoded twice
	Condition Text // decoded twice; empty means no condition
	Body      Text // the escaped executable content, decoded once
	BodyItems []Item
	BodyErr   *SyntaxError // the body is not well-formed XML; BodyItems is then empty
	Raises    []string     // the events the body raises or sends to its own session (see raisedEvents)
	// EndsSession says firing it ends the session: its body raises or
	// sends itself ComposerExitEvent, or an event another handler that
	// ends the session takes (see markComposerEnds).
	EndsSession bool
	Enabled     bool // false when the handler carries enabled="false"
	Description string
	Target      string
	Block       string // the workflow block holding a conditional exception
	Pos         Position
	End         int // file offset just past the element
}

// readHandler reads an <events>, <eventsBackup> or <conditionalExceptions>
// element. ctx carries the file and the block.
func readHandler(s *Source, n *node, ctx Item) *ComposerHandler {
	ev, _ := n.attr("event")
	cond, _ := n.attr("condition")
	body, _ := n.attr("body")
	h := &ComposerHandler{
		Name:        n.value("name"),
		Event:       decodeAgain(ev),
		Condition:   decodeAgain(cond),
		Body:        body,
		Enabled:     n.value("enabled") != "false",
		Description: n.value("description"),
		Target:      n.value("target"),
		Block:       ctx.Block,
		Pos:         s.Position(n.Offset),
		End:         n.End,
	}
	if strings.TrimSpace(body.Value) == "" {
		return h
	}
	ctx.Event, ctx.Handler = h.Event.Value, h.Name
	inner := NewSource(ctx.File, []byte(body.Value))
	x, err := parseXML(inner)
	if err != nil {
		se := err.(*SyntaxError)
		h.BodyErr = &SyntaxError{File: ctx.File, Pos: body.Pos(se.Pos.Offset), Msg: "handler body: " + se.Msg}
		return h
	}
	h.Raises = raisedEvents(x.Roots)
	for _, r := range x.Roots {
		r.walk(func(k *node) bool {
			if !isSCXML(k) {
				return false
			}
			ictx := ctx
			if k.Name.Local == "transition" {
				ictx.Event = k.value("event")
			}
			for _, it := range elementItems(k, ictx) {
				it.Text = it.Text.through(body)
				h.BodyItems = append(h.BodyItems, it)
			}
			return true
		})
	}
	return h
}

// items returns the handler's own items — event attribute and condition —
// followed by those of its body; none for a handler switched off
// (enabled="false"): Composer does not generate it, as it generates
// nothing of a workflow block switched off, so none of its code runs.
func (h *ComposerHandler) items(ctx Item, element string) []Item {
	if !h.Enabled {
		return nil
	}
	ctx.Element, ctx.Event, ctx.Handler = element, h.Event.Value, h.Name
	var out []Item
	if strings.TrimSpace(h.Event.Value) != "" {
		it := ctx
		it.Kind, it.Text, it.Attr = Descriptors, h.Event, "event"
		out = append(out, it)
	}
	if strings.TrimSpace(h.Condition.Value) != "" {
		it := ctx
		it.Kind, it.Text, it.Attr = Condition, h.Condition, "condition"
		out = append(out, it)
	}
	return append(out, h.BodyItems...)
}
