package runtime

import "github.com/condeval/condeval/cond"

// needsOf finds what a compiled condition reads of _event and system, for
// decoding JSON text (jsontext.go): the paths its member chains spell, and
// the whole of an object it reads by a computed key or through an
// expression. A condition whose value turns out to be host data gets a full
// decode instead (see Condition.evalJSON), so a partly decoded object never
// reaches a caller.
func needsOf(root cond.Node) (event, system *need) {
	w := needWalker{roots: map[string]*need{"_event": {}, "system": {}}}
	w.walk(root)
	return w.roots["_event"], w.roots["system"]
}

type needWalker struct {
	roots map[string]*need
}

// chain returns the need at the end of a static member chain from _event or
// system (_data.system.context included), registering the path; ok is
// false for anything else. A chain from the caller's globals or _data gets
// a need of its own that nothing decodes: globals are Go values, not text.
func (w *needWalker) chain(n cond.Node) (*need, bool) {
	m, isMember := cond.Unparen(n).(*cond.Member)
	if !isMember {
		if id, ok := cond.Unparen(n).(*cond.Ident); ok {
			return w.rootOf(id.Name)
		}
		return nil, false
	}
	root, keys, ok := staticChain(m)
	if !ok {
		return nil, false
	}
	end := w.roots["_event"]
	switch root.k {
	case kSystem:
		end = w.roots["system"]
	case kGlobals, kData:
		return &need{}, true
	}
	for _, key := range keys {
		if end.whole {
			break
		}
		end = end.child(key)
	}
	return end, true
}

// rootOf is the need of a name read alone.
func (w *needWalker) rootOf(name string) (*need, bool) {
	if r, ok := w.roots[name]; ok {
		return r, true
	}
	if root, ok := chainRoot(name); ok && root.k == kGlobals {
		return &need{}, true
	}
	return nil, false
}

// readAll marks what n evaluates to as read whole: its chain's end, or, for
// any other expression that may yield host data, everything.
func (w *needWalker) readAll(n cond.Node) {
	if end, ok := w.chain(n); ok {
		end.whole = true
		return
	}
	switch cond.Unparen(n).(type) {
	case *cond.String, *cond.Number, *cond.Bool, *cond.Null, *cond.Call:
		return // primitives: a call of the subset returns one
	}
	for _, r := range w.roots {
		r.whole = true
	}
}

func (w *needWalker) walk(n cond.Node) {
	switch n := n.(type) {
	case *cond.Paren:
		w.walk(n.X)
	case *cond.Member:
		if _, ok := w.chain(n); ok {
			return
		}
		if _, static := memberKey(n); static {
			w.readAll(n.Object) // a property of something that is not a chain
		} else {
			w.readAll(n.Object)
			w.walk(n.Property)
		}
		w.walk(n.Object)
	case *cond.Unary:
		w.walk(n.X)
	case *cond.Binary:
		if n.Op == cond.OpIn {
			if key, ok := cond.Unparen(n.X).(*cond.String); ok {
				if end, isChain := w.chain(n.Y); isChain {
					if !end.whole {
						end.child(key.Value)
					}
					return
				}
			}
			w.readAll(n.Y)
		}
		w.walk(n.X)
		w.walk(n.Y)
	case *cond.Logical:
		w.walk(n.X)
		w.walk(n.Y)
	case *cond.Conditional:
		w.walk(n.Test)
		w.walk(n.Then)
		w.walk(n.Else)
	case *cond.Call:
		if m, ok := cond.Unparen(n.Callee).(*cond.Member); ok {
			w.walk(m.Object)
		}
		for _, a := range n.Args {
			w.walk(a)
		}
	}
}
