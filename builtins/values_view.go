package builtins

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unsafe"

	"github.com/dop251/goja"
)

// Read-only views of host data. goja's ToValue(map) is a live, writable view
// of the caller's map, so every Go map and slice is wrapped in one of these
// instead: reads convert on access, writes raise a TypeError (an assignment in
// a condition is an error.execution, W3C SCXML §B.2.1).

// toValue converts a Go value for a condition, wrapping maps and slices.
func (s *Scope) toValue(v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case string, bool, float64, int, int64:
		return s.rt.ToValue(v) // v, not x: boxing x again would allocate
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return s.rt.ToValue(i)
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return s.rt.ToValue(f)
	case map[string]any:
		if x == nil {
			return goja.Null()
		}
		return s.view(keyOf(reflect.ValueOf(x)), func() *goja.Object { return s.newObject(mapView{s, x}) })
	case goja.Value:
		return x
	}
	return s.reflectValue(reflect.ValueOf(v))
}

// reflectValue handles the typed maps, slices and pointers toValue does not
// know by name.
func (s *Scope) reflectValue(rv reflect.Value) goja.Value {
	switch rv.Kind() {
	case reflect.Invalid:
		return goja.Null()
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return goja.Null()
		}
		return s.toValue(rv.Elem().Interface())
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		if rv.IsNil() {
			return goja.Null()
		}
		return s.view(keyOf(rv), func() *goja.Object { return s.newObject(reflectMapView{s, rv}) })
	case reflect.Slice:
		if rv.IsNil() {
			return goja.Null()
		}
		return s.view(keyOf(rv), func() *goja.Object { return s.rt.NewDynamicArray(sliceView{s, rv}) })
	case reflect.Array:
		return s.rt.NewDynamicArray(sliceView{s, rv})
	}
	// Scalars of named types, functions and structs: goja copies a struct
	// passed by value, so the caller's is safe.
	return s.rt.ToValue(rv.Interface())
}

// viewKey identifies a Go map or slice: its data pointer, and its length
// for a slice (-1 for a map), since slices of one array share a pointer.
type viewKey struct {
	p unsafe.Pointer
	n int
}

func keyOf(rv reflect.Value) viewKey {
	if rv.Kind() == reflect.Map {
		return viewKey{rv.UnsafePointer(), -1}
	}
	return viewKey{rv.UnsafePointer(), rv.Len()}
}

// view returns this evaluation's wrapper of the Go value identified by key,
// making it on first use, so that _event.data === _event.data.
func (s *Scope) view(key viewKey, make func() *goja.Object) *goja.Object {
	for _, v := range s.views {
		if v.key == key {
			return v.obj
		}
	}
	obj := make()
	s.views = append(s.views, cachedView{key, obj})
	return obj
}

// readOnly raises the TypeError of every write to host data.
func (s *Scope) readOnly(what string) bool {
	panic(s.rt.NewTypeError("cannot assign %s: the data a condition reads is read-only", what))
}

// mapView is a map[string]any.
type mapView struct {
	s *Scope
	m map[string]any
}

func (v mapView) Get(key string) goja.Value {
	x, ok := v.m[key]
	if !ok {
		return nil
	}
	return v.s.toValue(x)
}
func (v mapView) Has(key string) bool               { _, ok := v.m[key]; return ok }
func (v mapView) Set(key string, _ goja.Value) bool { return v.s.readOnly(key) }
func (v mapView) Delete(key string) bool            { return v.s.readOnly(key) }
func (v mapView) Keys() []string                    { return sortedKeys(v.m) }

// reflectMapView is any other map with string keys.
type reflectMapView struct {
	s *Scope
	m reflect.Value
}

func (v reflectMapView) Get(key string) goja.Value {
	x := v.m.MapIndex(reflect.ValueOf(key).Convert(v.m.Type().Key()))
	if !x.IsValid() {
		return nil
	}
	return v.s.toValue(x.Interface())
}
func (v reflectMapView) Has(key string) bool {
	return v.m.MapIndex(reflect.ValueOf(key).Convert(v.m.Type().Key())).IsValid()
}
func (v reflectMapView) Set(key string, _ goja.Value) bool { return v.s.readOnly(key) }
func (v reflectMapView) Delete(key string) bool            { return v.s.readOnly(key) }
func (v reflectMapView) Keys() []string {
	keys := make([]string, 0, v.m.Len())
	for _, k := range v.m.MapKeys() {
		keys = append(keys, k.String())
	}
	return sortStrings(keys)
}

// sliceView is a slice or array.
type sliceView struct {
	s *Scope
	a reflect.Value
}

func (v sliceView) Len() int { return v.a.Len() }
func (v sliceView) Get(i int) goja.Value {
	if i < 0 || i >= v.a.Len() {
		return nil
	}
	return v.s.toValue(v.a.Index(i).Interface())
}
func (v sliceView) Set(i int, _ goja.Value) bool { return v.s.readOnly("element " + strconv.Itoa(i)) }
func (v sliceView) SetLen(int) bool              { return v.s.readOnly("length") }
