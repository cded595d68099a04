package scxml

import (
	"strings"

	"github.com/condeval/condeval/cond"
)

// raisedEvents lists, in document order, the events that the executable
// content in nodes (and below them) puts on the session's own queues:
//   - <raise event="NAME">;
//   - <send> to the session itself (no target, or target="#_internal") with
//     an event attribute — a name, or a string literal as Composer writes
//     it (event="'application.start'") — or an eventexpr that is a string
//     literal.
//
// An event whose name is computed at run time is left out, as is a <send>
// to another session or I/O processor. Callers use the list to follow what
// firing a transition leads to, e.g. whether it raises the event a
// document exits on.
func raisedEvents(nodes []*node) []string {
	var out []string
	for _, n := range nodes {
		n.walk(func(k *node) bool {
			if !isSCXML(k) {
				return false
			}
			if name, ok := raised(k); ok {
				out = append(out, name)
			}
			return true
		})
	}
	return out
}

// raised returns the event one <raise> or <send> element sends to its own
// session, when its name is known without running anything.
func raised(n *node) (string, bool) {
	switch n.Name.Local {
	case "raise":
		name := strings.TrimSpace(n.value("event"))
		return name, name != ""
	case "send":
		if t := n.value("target"); t != "" && t != "#_internal" || n.value("targetexpr") != "" {
			return "", false
		}
		if ev, ok := n.attr("event"); ok {
			name := strings.TrimSpace(ev.Value)
			if lit, ok := stringLiteral(name); ok {
				name = lit
			}
			return name, name != ""
		}
		return stringLiteral(n.value("eventexpr"))
	}
	return "", false
}

// stringLiteral returns the value of src when it is one ECMAScript string
// literal.
func stringLiteral(src string) (string, bool) {
	src = strings.TrimSpace(src)
	if src == "" || src[0] != '\'' && src[0] != '"' {
		return "", false
	}
	e, err := cond.ParseExpression(src)
	if err != nil {
		return "", false
	}
	s, ok := e.Root.(*cond.String)
	if !ok {
		return "", false
	}
	return s.Value, true
}
