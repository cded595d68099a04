package builtins

// AnyKey is the path segment for a computed member whose key is not a
// literal, as in _genesys.ixn.interactions[system.InteractionID].
const AnyKey = "[]"

// Resolve finds the declaration of a dotted path such as
// ["_event", "data", "resultof"] or ["_data", "system", "context", "InteractionID"].
// event is the handler's event attribute (one or more descriptors, or ""
// when unknown); it decides which fields _event.data declares. Literal
// bracket keys are plain segments; other computed keys are AnyKey.
func Resolve(path []string, event string) (Decl, bool) {
	d, n := ResolvePrefix(path, event)
	return d, n == len(path) && n > 0
}

// ResolvePrefix resolves as much of path as is declared: it returns the
// declaration of path[:n] and n. When n < len(path), path[n] is not
// declared in the returned declaration: a likely typo when its
// MembersClosed is true, or when Suggest finds a near miss among its MemberNames.
// n is 0 when path[0] is not a global.
func ResolvePrefix(path []string, event string) (Decl, int) {
	if len(path) == 0 {
		return Decl{}, 0
	}
	d, ok := LookupGlobal(path[0])
	if !ok {
		return Decl{}, 0
	}
	start := 1
	if path[0] == "_event" && len(path) > 1 && path[1] == "data" {
		// The handler's event decides what _event.data declares.
		d, start = EventData(event), 2
	}
	for i := start; i < len(path); i++ {
		next, ok := step(d, path[i])
		if !ok {
			return d, i
		}
		d = next
	}
	return d, len(path)
}

// step reads one member: a declared member, else, in a keyed collection,
// the element declaration.
func step(d Decl, seg string) (Decl, bool) {
	if seg != AnyKey {
		if m, ok := d.Member(seg); ok {
			return m, true
		}
	}
	return d.Elem()
}

func eventDescription(event string) string {
	if event == "" {
		return "the event"
	}
	return event
}
