package cond

import "strings"

// AnyKey is the path segment of a computed member whose key is not a
// literal (x[i]). It is the value AnyKey has, so that a Path's
// segments can be resolved against the declarations as they are.
const AnyKey = "[]"

// Path is a property path rooted at a name: system.InteractionID,
// _event.data['resultof'], _genesys.ixn.interactions[id].voice. The lint
// rules and the language server read paths alike, so a field the linter
// knows is the field a hover documents.
type Path struct {
	Root       *Ident   // the name the path starts from
	Segments   []string // the root's name, then one key per property; AnyKey for a computed key
	Properties []Node   // the property node of Segments[i+1]
	Node       Node     // the whole member expression
}

// PathOf reads the property path n spells (parentheses allowed), if it is
// one: ok is false when the chain starts at anything but a name.
func PathOf(n Node) (Path, bool) {
	switch m := Unparen(n).(type) {
	case *Ident:
		return Path{Root: m, Segments: []string{m.Name}, Node: n}, true
	case *Member:
		p, ok := PathOf(m.Object)
		if !ok {
			return p, false
		}
		p.Segments = append(p.Segments, propertyKey(m))
		p.Properties = append(p.Properties, m.Property)
		p.Node = n
		return p, true
	}
	return Path{}, false
}

// propertyKey is the name a member reads: the identifier after '.', a
// literal bracket key, or AnyKey for any other computed key.
func propertyKey(m *Member) string {
	switch k := m.Property.(type) {
	case *Name:
		return k.Name
	case *String:
		return k.Value
	case *Number:
		return k.Raw
	}
	return AnyKey
}

// String writes the path as a condition would, with […] for a computed key.
func (p Path) String() string {
	var b strings.Builder
	b.WriteString(p.Segments[0])
	for _, s := range p.Segments[1:] {
		if s == AnyKey {
			b.WriteString("[…]")
			continue
		}
		b.WriteString(".")
		b.WriteString(s)
	}
	return b.String()
}

// Reads lists the property paths the condition starts from names it does
// not declare, each as long as it is written (system.InteractionID, not
// system), in source order; a path written inside a computed key
// (system[_event.data.key]) is listed after the path holding it. A host
// reads from it what the condition needs: the inputs a caller must give.
func (e *Expr) Reads() []Path {
	global := make(map[*Ident]bool, len(e.refs))
	for _, id := range e.refs {
		global[id] = true
	}
	var out []Path
	var visit func(Node) bool
	visit = func(n Node) bool {
		p, ok := PathOf(n)
		if !ok || !global[p.Root] {
			return true
		}
		out = append(out, p)
		for _, k := range p.Properties {
			if _, named := k.(*Name); !named {
				Inspect(k, visit)
			}
		}
		return false
	}
	Inspect(e.Root, visit)
	return out
}
