package runtime

import (
	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// Reading members on the compiled path: _event.data.x, list[0], s.length,
// 'k' in obj, as the scope's views and goja's primitives read them.

// memberKey is the key of a member whose key is written in the source.
func memberKey(m *cond.Member) (string, bool) {
	switch k := m.Property.(type) {
	case *cond.Name:
		return k.Name, !m.Computed
	case *cond.String:
		return k.Value, plainLiteral(k)
	case *cond.Number:
		v := numberValue(k.Value)
		if v.k == kBail || len(k.Raw) > 1 && k.Raw[0] == '0' && isDigit(k.Raw[1]) {
			return "", false
		}
		return numberToString(v.n), true
	}
	return "", false
}

func (cp compiler) fastMember(m *cond.Member) (node, bool) {
	protos := prototypes()
	if root, keys, ok := staticChain(m); ok {
		return chainNode(root, keys, protos), true
	}
	if id, ok := m.Object.(*cond.Ident); ok && id.Name == "In" {
		return nil, false
	}
	object, ok := cp.fastNode(m.Object)
	if !ok {
		return nil, false
	}
	if key, ok := memberKey(m); ok {
		return func(in input) value { return getMember(in, object(in), key, protos) }, true
	}
	if !m.Computed {
		return nil, false
	}
	property, ok := cp.fastNode(m.Property)
	if !ok {
		return nil, false
	}
	return func(in input) value {
		base := object(in)
		k := property(in)
		if base.k == kBail || k.k == kBail {
			return bailValue
		}
		key, ok := toString(k)
		if !ok {
			return bailValue
		}
		return getMember(in, base, key, protos)
	}, true
}

// staticChain reads a member chain with keys written in the source from
// _event, system, a caller's global or _data: _event.data.interactionid,
// App_Target.requestid, _data.App_Target.requestid. _data.system.context is
// system, as the scope makes it; the rest of _data.system is left to goja.
func staticChain(m *cond.Member) (root value, keys []string, ok bool) {
	root, keys, ok = chainFrom(m)
	if !ok || root.k != kData {
		return root, keys, ok
	}
	canonical, ok := builtins.DataAlias(append([]string{dataName}, keys...))
	switch {
	case !ok:
		return value{}, nil, false
	case len(canonical) < len(keys): // _data.system.context... is system...
		return rootValues[canonical[0]], canonical[1:], true
	}
	// _data.NAME reads the global NAME, but as a property: undefined when
	// it is not given, and given even when NAME is a scope name.
	return root, keys, true
}

func chainFrom(m *cond.Member) (root value, keys []string, ok bool) {
	key, ok := memberKey(m)
	if !ok {
		return value{}, nil, false
	}
	switch object := cond.Unparen(m.Object).(type) {
	case *cond.Ident:
		root, ok = chainRoot(object.Name)
		if !ok {
			return value{}, nil, false
		}
		if root.k == kGlobals {
			return root, []string{object.Name, key}, true
		}
		return root, []string{key}, true
	case *cond.Member:
		root, keys, ok = chainFrom(object)
		return root, append(keys, key), ok
	}
	return value{}, nil, false
}

// dataName is _data, the Composer <data> items.
const dataName = "_data"

// chainRoot is the object a static chain starts from: _event, system,
// _data, or the caller's globals for any name that is neither a scope name
// nor a standard global.
func chainRoot(name string) (value, bool) {
	if v, ok := rootValues[name]; ok {
		return v, v.k == kEvent || v.k == kSystem
	}
	switch {
	case name == dataName:
		return dataValue, true
	case builtins.IsScopeName(name) || isStandardGlobal(name):
		return value{}, false
	}
	return globalsValue, true
}

// chainNode reads a static chain in one closure, stepping through host maps
// directly and through getMember for anything else.
func chainNode(root value, keys []string, protos *protoNames) node {
	return func(in input) value {
		v := root
		for _, key := range keys {
			if v.k == kMap && key != "__proto__" {
				if x, ok := v.ref.(map[string]any)[key]; ok {
					v = host(x)
					continue
				}
			}
			v = getMember(in, v, key, protos)
			if v.k == kBail {
				return v
			}
		}
		return v
	}
}

// getMember reads base[key] as the scope's views and goja's primitives do.
func getMember(in input, base value, key string, protos *protoNames) value {
	if key == "__proto__" {
		return bailValue
	}
	var (
		m     map[string]any
		names map[string]bool
	)
	switch base.k {
	case kGlobals:
		return global(in, key)
	case kData: // _data's items are the caller's globals; staticChain reads _data.system
		m, names = in.globals, protos.object
	case kEvent:
		if x, ok := in.event[key]; ok {
			return host(x)
		}
		if key == "type" {
			return defaultEventType
		}
		if eventFieldNames[key] {
			return undefinedValue
		}
		names = protos.object
	case kSystem:
		m, names = in.system, protos.object
	case kMap:
		m, names = base.ref.(map[string]any), protos.object
	case kArray:
		a := base.ref.([]any)
		if key == "length" {
			return value{k: kNumber, n: float64(len(a))}
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			if i < len(a) {
				return host(a[i])
			}
			return undefinedValue
		}
		names = protos.array
	case kString:
		if key == "length" {
			return value{k: kNumber, n: float64(utf16Len(base.str()))}
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			if s := base.str(); i < utf16Len(s) {
				return substringValue(s, i, i+1)
			}
			return undefinedValue
		}
		names = protos.string
	default: // undefined and null throw; numbers, booleans and In have prototypes of their own
		return bailValue
	}
	if m != nil {
		if x, ok := m[key]; ok {
			return host(x)
		}
	}
	if names[key] {
		return bailValue // found on a prototype: a function, left to goja
	}
	return undefinedValue
}

// arrayIndex reads key as an array index: isIndex when it is one ("0",
// "12", never "012"); ok is false for an index too large to be sure of.
func arrayIndex(key string) (i int, isIndex, ok bool) {
	if key == "" || len(key) > 1 && key[0] == '0' {
		return 0, false, true
	}
	for j := 0; j < len(key); j++ {
		if !isDigit(key[j]) {
			return 0, false, true
		}
	}
	if len(key) > 9 {
		return 0, false, false
	}
	for j := 0; j < len(key); j++ {
		i = i*10 + int(key[j]-'0')
	}
	return i, true, true
}

// eventFieldNames are the W3C fields _event always has.
var eventFieldNames = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range builtins.EventFields() {
		m[f.Name] = true
	}
	return m
}()

// hasProperty is key in obj.
func hasProperty(in input, obj value, key string, protos *protoNames) value {
	var m map[string]any
	names := protos.object
	switch obj.k {
	case kEvent:
		if _, ok := in.event[key]; ok || eventFieldNames[key] {
			return trueValue
		}
	case kSystem:
		m = in.system
	case kMap:
		m = obj.ref.(map[string]any)
	case kArray:
		a := obj.ref.([]any)
		if key == "length" {
			return trueValue
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			return boolValue(i < len(a))
		}
		names = protos.array
	default: // a primitive on the right is a TypeError; In is a function
		return bailValue
	}
	if _, ok := m[key]; ok {
		return trueValue
	}
	if names[key] || key == "__proto__" {
		return bailValue
	}
	return falseValue
}
