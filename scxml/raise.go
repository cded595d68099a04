package scxml

import (
	"strings"

	"github.com/condeval/condeval/cond"
)

// raisedEvents lists, in document order, the events that the executable
// content in nodes (and below them) puts on the session's own queues:
//   - <raise event="NAME">;
//   - <send> to the session itself (no target, target="#_internal", or
//     targetexpr="'#_scxml_' + _sessionid") with an event attribute — a
//     name, or a string literal as Composer writes it
//     (event="'application.start'") — or an eventexpr that is a string
//     literal.
//
// An event whose name is computed at run time is left out, as is a <send>
// to another session or I/O processor. It is the one reading of what a
// handler sends itself: package statechart decides from it whether firing
// a transition or handler ends the session.
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
		if !sendsToItself(n) {
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

// sendsToItself reports whether a <send> targets its own session: it names
// no target, the internal queue, or #_scxml_ followed by the session's own
// id, which only an expression can name.
func sendsToItself(send *node) bool {
	if expr := send.value("targetexpr"); expr != "" {
		return ownSessionTarget(expr)
	}
	t := send.value("target")
	return t == "" || t == "#_internal"
}

// ownSessionTarget reports whether a targetexpr is '#_scxml_' + _sessionid.
func ownSessionTarget(src string) bool {
	e, err := cond.ParseExpression(src)
	if err != nil {
		return false
	}
	b, ok := e.Root.(*cond.Binary)
	if !ok || b.Op != cond.OpAdd {
		return false
	}
	prefix, ok := b.X.(*cond.String)
	id, ok2 := b.Y.(*cond.Ident)
	return ok && ok2 && prefix.Value == "#_scxml_" && id.Name == "_sessionid"
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
