package builtins

import (
	"slices"

	"github.com/dop251/goja"
)

// Env is the input of one evaluation: everything a condition can read besides
// the ECMAScript built-ins. Its maps are JSON-shaped Go values (what
// encoding/json produces, or typed maps and slices of them); a condition sees
// them read-only and can never change them.
type Env struct {
	// Event holds the _event fields: name, type, sendid, origin, origintype,
	// invokeid and data. Missing fields read as undefined; type defaults to
	// DefaultEventType.
	Event map[string]any
	// System is the Composer system-variable object, also _data.system.context.
	System map[string]any
	// States are the active state ids, for In().
	States []string
	// Globals are further top-level names: App_* variables, <data> ids. Each is
	// also reachable as _data.<name>.
	Globals map[string]any
	// EventJSON and SystemJSON, when not nil, are the event and the system
	// variables as JSON text (an object, or null), read in place of Event
	// and System: a compiled condition decodes only the fields it reads.
	EventJSON, SystemJSON []byte
	// SessionID and Name are _sessionid and _name.
	SessionID string
	Name      string
}

// Positions of the scope names in scopeNames and Scope.Args.
const (
	argEvent = iota
	argSystem
	argData
	argSessionID
	argName
	argIOProcessors
	argIn
)

// Names the SCXML ECMAScript data model binds for every condition, in the
// order Scope.Args returns their values.
var scopeNames = [...]string{
	argEvent: "_event", argSystem: "system", argData: "_data", argSessionID: "_sessionid",
	argName: "_name", argIOProcessors: "_ioprocessors", argIn: "In",
}

// ScopeNames lists the top-level names a condition always sees (W3C SCXML
// §B.2 plus Composer's system), in the order of Scope.Args.
func ScopeNames() []string { return append([]string(nil), scopeNames[:]...) }

// IsScopeName reports whether name is one of ScopeNames: those always win
// over a caller's global of the same name.
func IsScopeName(name string) bool { return slices.Contains(scopeNames[:], name) }

// SCXML event I/O processor type URIs that _ioprocessors lists (W3C SCXML §C.1).
const (
	ioProcessorShort = "scxml"
	ioProcessorURI   = "http://www.w3.org/TR/scxml/#SCXMLEventProcessor"
)

// Scope is the data model of one goja.Runtime. Its top-level objects are made
// once per runtime and read whatever Env is bound, so an evaluation costs no
// more than binding a pointer; nested objects are wrapped on first access.
// A Scope belongs to one runtime and is not safe for concurrent use.
type Scope struct {
	rt *goja.Runtime
	// env is a copy of the bound Env, so that binding one does not move the
	// caller's to the heap.
	env Env

	event, system, data, dataSystem, ioprocessors, globals *goja.Object
	in                                                     goja.Value
	args                                                   [len(scopeNames)]goja.Value

	// views caches this evaluation's wrappers of nested values so that
	// _event.data === _event.data and _data.system.context === system.
	views []cachedView

	// layers are the views this evaluation wrote to, written the host
	// paths (see values_writes.go).
	layers  []*layer
	written []string
}

type cachedView struct {
	key viewKey
	obj *goja.Object
}

// NewScope builds the data-model objects on rt.
func NewScope(rt *goja.Runtime) *Scope {
	s := &Scope{rt: rt}
	root := func(name string) layer { return layer{at: &hostPath{key: name}} }
	dataPath := root(scopeNames[argData])
	s.event = s.newObject(&eventView{overlay{s, root(scopeNames[argEvent])}})
	s.system = s.newObject(&systemView{overlay{s, root(scopeNames[argSystem])}})
	s.dataSystem = s.newObject(&dataSystemView{overlay{s, layer{at: dataPath.at.child(dataSystemKey)}}})
	s.data = s.newObject(&dataView{overlay{s, dataPath}})
	s.globals = s.newObject(&globalsView{overlay{s, layer{}}})
	s.ioprocessors = s.newObject(&ioProcessorsView{overlay{s, root(scopeNames[argIOProcessors])}})
	s.in = rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return s.rt.ToValue(slices.Contains(s.env.States, call.Argument(0).String()))
	})
	s.args = [...]goja.Value{
		argEvent: s.event, argSystem: s.system, argData: s.data, argSessionID: goja.Undefined(),
		argName: goja.Undefined(), argIOProcessors: s.ioprocessors, argIn: s.in,
	}
	return s
}

// Objects returns the host objects a runtime must freeze so that no
// evaluation can hang data on them for the next one.
func (s *Scope) Objects() []goja.Value {
	return []goja.Value{s.in}
}

// Bind points the scope at env for one evaluation.
func (s *Scope) Bind(env *Env) {
	s.env = *env
	clear(s.views)
	s.views = s.views[:0]
	s.args[argSessionID] = s.stringValue(argSessionID, env.SessionID)
	s.args[argName] = s.stringValue(argName, env.Name)
}

// stringValue converts a string argument, reusing the last conversion:
// callers usually evaluate many events of one session.
func (s *Scope) stringValue(arg int, str string) goja.Value {
	if v, ok := s.args[arg].(goja.String); ok && v.String() == str {
		return v
	}
	return s.rt.ToValue(str)
}

// Release drops the references to the last Env so that an idle runtime does
// not keep the caller's data alive.
func (s *Scope) Release() {
	s.env = Env{}
	clear(s.views)
	s.views = s.views[:0]
	s.dropWrites()
}

// Args returns the values of ScopeNames for the bound Env. The slice is
// owned by the scope and valid until the next Bind.
func (s *Scope) Args() []goja.Value { return s.args[:] }

// Globals is the object that resolves caller-supplied globals: it has a
// property exactly for each name in Env.Globals that is not a scope name, so
// an unknown name still raises a ReferenceError.
func (s *Scope) Globals() *goja.Object { return s.globals }

func (s *Scope) newObject(d goja.DynamicObject) *goja.Object {
	return s.rt.NewDynamicObject(d)
}

// Export converts a condition's value to Go for display: host data comes
// back as the caller's own value, anything else as goja exports it.
func (s *Scope) Export(v goja.Value) any {
	if v == nil {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v.Export()
	}
	switch x := o.Export().(type) {
	case *mapView:
		if x.w.set == nil {
			return x.m
		}
	case *reflectMapView:
		if x.w.set == nil {
			return x.m.Interface()
		}
	case *sliceView:
		if x.copied == nil {
			return x.a.Interface()
		}
		out := make([]any, len(x.copied))
		for i, e := range x.copied {
			out[i] = s.Export(e)
		}
		return out
	case *systemView:
		if x.w.set == nil {
			return s.env.System
		}
	case goja.DynamicObject:
	default:
		return x
	}
	// Host data the evaluation wrote to, and the scope's own objects: a
	// copy with what the condition sees.
	d := o.Export().(goja.DynamicObject)
	m := make(map[string]any)
	for _, k := range d.Keys() {
		m[k] = s.Export(d.Get(k))
	}
	return m
}
