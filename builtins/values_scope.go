package builtins

import (
	"slices"

	"github.com/dop251/goja"
)

// The top-level objects of a Scope. Each reads the Env bound at the time of
// the access, so one object serves every evaluation on its runtime.

// eventView is _event: the seven W3C fields always present (W3C SCXML
// §5.10.1), plus any other field the caller supplied.
type eventView struct {
	overlay
}

func (v *eventView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	x, ok := v.s.env.Event[key]
	switch {
	case ok:
		return v.s.toValue(x, v.w.at, key)
	case key == "type":
		return v.s.rt.ToValue(DefaultEventType)
	case isEventField(key):
		return goja.Undefined()
	}
	return nil
}

func (v *eventView) Has(key string) bool {
	return v.w.has(key, func() bool {
		_, ok := v.s.env.Event[key]
		return ok || isEventField(key)
	})
}

func (v *eventView) Keys() []string {
	keys := make([]string, 0, len(eventFields)+len(v.s.env.Event))
	for _, f := range eventFields {
		keys = append(keys, f.Name)
	}
	for _, k := range sortedKeys(v.s.env.Event) {
		if !isEventField(k) {
			keys = append(keys, k)
		}
	}
	return v.w.keys(keys)
}

func isEventField(name string) bool {
	for _, f := range eventFields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// systemView is system, the object Composer also stores as _data.system.context.
type systemView struct {
	overlay
}

func (v *systemView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	return v.s.mapGet(v.s.env.System, v.w.at, key)
}
func (v *systemView) Has(key string) bool {
	return v.w.has(key, func() bool { _, ok := v.s.env.System[key]; return ok })
}
func (v *systemView) Keys() []string { return v.w.keys(sortedKeys(v.s.env.System)) }

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
type dataSystemView struct {
	overlay
}

func (v *dataSystemView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	if key == dataContextKey {
		return v.s.system
	}
	return nil
}

func (v *dataSystemView) Has(key string) bool {
	return v.w.has(key, func() bool { return key == dataContextKey })
}
func (v *dataSystemView) Keys() []string { return v.w.keys([]string{dataContextKey}) }

// dataView is _data: the <data> items, which ORS also exposes as globals.
type dataView struct {
	overlay
}

func (v *dataView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	if key == dataSystemKey {
		return v.s.dataSystem
	}
	return v.s.mapGet(v.s.env.Globals, v.w.at, key)
}

func (v *dataView) Has(key string) bool {
	return v.w.has(key, func() bool {
		_, ok := v.s.env.Globals[key]
		return ok || key == dataSystemKey
	})
}

func (v *dataView) Keys() []string {
	keys := sortedKeys(v.s.env.Globals)
	if _, ok := v.s.env.Globals[dataSystemKey]; !ok {
		keys = append([]string{dataSystemKey}, keys...)
	}
	return v.w.keys(keys)
}

// globalsView resolves the caller's extra globals; the scope names win.
type globalsView struct {
	overlay
}

func (v *globalsView) Get(key string) goja.Value {
	if IsScopeName(key) {
		return nil
	}
	if x, found := v.w.lookup(key); found {
		return x
	}
	return v.s.mapGet(v.s.env.Globals, v.w.at, key)
}

func (v *globalsView) Has(key string) bool {
	return !IsScopeName(key) && v.w.has(key, func() bool { _, ok := v.s.env.Globals[key]; return ok })
}

func (v *globalsView) Keys() []string {
	return v.w.keys(slices.DeleteFunc(sortedKeys(v.s.env.Globals), IsScopeName))
}

// ioProcessorsView is _ioprocessors: the SCXML event I/O processor under its
// short and its full name, each with the session's location (W3C SCXML
// §5.10, as the W3C tests read it).
type ioProcessorsView struct {
	overlay
}

func (v *ioProcessorsView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	if key != ioProcessorShort && key != ioProcessorURI {
		return nil
	}
	return v.s.toValue(map[string]any{"location": "#_scxml_" + v.s.env.SessionID}, v.w.at, key)
}

func (v *ioProcessorsView) Has(key string) bool {
	return v.w.has(key, func() bool { return key == ioProcessorShort || key == ioProcessorURI })
}
func (v *ioProcessorsView) Keys() []string {
	return v.w.keys([]string{ioProcessorShort, ioProcessorURI})
}

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
