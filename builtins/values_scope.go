package builtins

import (
	"slices"

	"github.com/dop251/goja"
)

// The top-level objects of a Scope. Each reads the Env bound at the time of
// the access, so one object serves every evaluation on its runtime.

// eventView is _event: the seven W3C fields always present (W3C SCXML
// §5.10.1), plus any other field the caller supplied.
type eventView struct{ s *Scope }

func (v eventView) Get(key string) goja.Value {
	x, ok := v.s.env.Event[key]
	switch {
	case ok:
		return v.s.toValue(x)
	case key == "type":
		return v.s.rt.ToValue(DefaultEventType)
	case isEventField(key):
		return goja.Undefined()
	}
	return nil
}

func (v eventView) Has(key string) bool {
	_, ok := v.s.env.Event[key]
	return ok || isEventField(key)
}

func (v eventView) Keys() []string {
	keys := make([]string, 0, len(eventFields)+len(v.s.env.Event))
	for _, f := range eventFields {
		keys = append(keys, f.Name)
	}
	for _, k := range sortedKeys(v.s.env.Event) {
		if !isEventField(k) {
			keys = append(keys, k)
		}
	}
	return keys
}

func (v eventView) Set(key string, _ goja.Value) bool { return v.s.readOnly("_event." + key) }
func (v eventView) Delete(key string) bool            { return v.s.readOnly("_event." + key) }

func isEventField(name string) bool {
	for _, f := range eventFields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// systemView is system, the object Composer also stores as _data.system.context.
type systemView struct{ s *Scope }

func (v systemView) Get(key string) goja.Value         { return mapView{v.s, v.s.env.System}.Get(key) }
func (v systemView) Has(key string) bool               { _, ok := v.s.env.System[key]; return ok }
func (v systemView) Keys() []string                    { return sortedKeys(v.s.env.System) }
func (v systemView) Set(key string, _ goja.Value) bool { return v.s.readOnly("system." + key) }
func (v systemView) Delete(key string) bool            { return v.s.readOnly("system." + key) }

// The keys by which _data reaches system: _data.system.context is system
// (docs/ors.md §4). The views below and DataAlias read them.
const (
	dataSystemKey  = "system"
	dataContextKey = "context"
)

// DataAlias rewrites a path through _data into the path of the value it
// reaches, for tools that hold values by top-level name: _data.system.context
// is system and _data.NAME is the global NAME (each followed by the rest of
// the path). Other paths come back unchanged. ok is false for _data itself
// and for _data.system other than its context: objects the data model
// builds rather than values a caller supplies.
func DataAlias(path []string) (canonical []string, ok bool) {
	if len(path) == 0 || path[0] != scopeNames[argData] {
		return path, true
	}
	switch {
	case len(path) == 1:
		return nil, false
	case path[1] != dataSystemKey:
		return path[1:], true
	case len(path) >= 3 && path[2] == dataContextKey:
		return append([]string{scopeNames[argSystem]}, path[3:]...), true
	}
	return nil, false
}

// dataSystemView is _data.system, the Composer <data id="system"> item
// whose context is the system object.
type dataSystemView struct{ s *Scope }

func (v dataSystemView) Get(key string) goja.Value {
	if key == dataContextKey {
		return v.s.system
	}
	return nil
}

func (v dataSystemView) Has(key string) bool { return key == dataContextKey }
func (v dataSystemView) Keys() []string      { return []string{dataContextKey} }
func (v dataSystemView) Set(key string, _ goja.Value) bool {
	return v.s.readOnly("_data.system." + key)
}
func (v dataSystemView) Delete(key string) bool { return v.s.readOnly("_data.system." + key) }

// dataView is _data: the <data> items, which ORS also exposes as globals.
type dataView struct{ s *Scope }

func (v dataView) Get(key string) goja.Value {
	if key == dataSystemKey {
		return v.s.dataSystem
	}
	return mapView{v.s, v.s.env.Globals}.Get(key)
}

func (v dataView) Has(key string) bool {
	_, ok := v.s.env.Globals[key]
	return ok || key == dataSystemKey
}

func (v dataView) Keys() []string {
	keys := sortedKeys(v.s.env.Globals)
	if _, ok := v.s.env.Globals[dataSystemKey]; !ok {
		keys = append([]string{dataSystemKey}, keys...)
	}
	return keys
}

func (v dataView) Set(key string, _ goja.Value) bool { return v.s.readOnly("_data." + key) }
func (v dataView) Delete(key string) bool            { return v.s.readOnly("_data." + key) }

// globalsView resolves the caller's extra globals; the scope names win.
type globalsView struct{ s *Scope }

func (v globalsView) Get(key string) goja.Value {
	if IsScopeName(key) {
		return nil
	}
	return mapView{v.s, v.s.env.Globals}.Get(key)
}

func (v globalsView) Has(key string) bool {
	_, ok := v.s.env.Globals[key]
	return ok && !IsScopeName(key)
}

func (v globalsView) Keys() []string {
	return slices.DeleteFunc(sortedKeys(v.s.env.Globals), IsScopeName)
}

func (v globalsView) Set(key string, _ goja.Value) bool { return v.s.readOnly(key) }
func (v globalsView) Delete(key string) bool            { return v.s.readOnly(key) }

// ioProcessorsView is _ioprocessors: the SCXML event I/O processor under its
// short and its full name, each with the session's location (W3C SCXML
// §5.10, as the W3C tests read it).
type ioProcessorsView struct{ s *Scope }

func (v ioProcessorsView) Get(key string) goja.Value {
	if key != ioProcessorShort && key != ioProcessorURI {
		return nil
	}
	return v.s.toValue(map[string]any{"location": "#_scxml_" + v.s.env.SessionID})
}

func (v ioProcessorsView) Has(key string) bool {
	return key == ioProcessorShort || key == ioProcessorURI
}
func (v ioProcessorsView) Keys() []string { return []string{ioProcessorShort, ioProcessorURI} }
func (v ioProcessorsView) Set(key string, _ goja.Value) bool {
	return v.s.readOnly("_ioprocessors." + key)
}
func (v ioProcessorsView) Delete(key string) bool { return v.s.readOnly("_ioprocessors." + key) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return sortStrings(keys)
}

func sortStrings(keys []string) []string {
	slices.Sort(keys)
	return keys
}
