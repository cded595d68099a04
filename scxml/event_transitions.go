package scxml

import "strings"

// EventTransition is a <transition> with an event attribute, as the rules
// about a document's handlers see it.
type EventTransition struct {
	Event Text   // the event attribute
	Cond  string // the condition, decoded; "" when there is none
	// EndsSession is true when taking it ends the session: it raises or
	// sends application.exit, runs <exit>, or targets a <final> child of
	// the root.
	EndsSession bool
	// CondText is the cond attribute with its map into the file; its
	// Source is nil when the transition has none.
	CondText Text
	// Start and End are the file offsets of the element: its '<' and just
	// past its end. Parent is the Start of the element holding it.
	Start, End, Parent int
}

// EventTransitions lists the transitions with an event attribute in
// document order, and whether each ends the session.
func EventTransitions(d *Document) []EventTransition {
	x, err := parseXML(d.Source)
	if err != nil {
		return nil
	}
	finals := map[string]bool{}
	for _, s := range d.Root.Children {
		if s.Type == TypeFinal {
			finals[s.ID] = true
		}
	}
	var out []EventTransition
	for _, r := range x.Roots {
		r.walk(func(n *node) bool {
			if !isSCXML(n) {
				return false
			}
			if n.Name.Local == "initial" || n.Name.Local == "history" {
				return false
			}
			ev, ok := n.attr("event")
			if n.Name.Local != "transition" || !ok || ev.Value == "" {
				return true
			}
			c, _ := n.attr("cond")
			t := EventTransition{Event: ev, Cond: c.Value, EndsSession: endsSession(n, finals), CondText: c, Start: n.Offset, End: n.End, Parent: -1}
			if n.Parent != nil {
				t.Parent = n.Parent.Offset
			}
			out = append(out, t)
			return false
		})
	}
	return out
}

func endsSession(t *node, finals map[string]bool) bool {
	for _, id := range strings.Fields(t.value("target")) {
		if finals[id] {
			return true
		}
	}
	ends := false
	for _, k := range t.Kids {
		k.walk(func(n *node) bool {
			switch n.Name.Local {
			case "raise", "send":
				ends = ends || n.value("event") == "application.exit" || n.value("eventexpr") == "'application.exit'"
			case "exit":
				ends = true
			}
			return !ends
		})
	}
	return ends
}
