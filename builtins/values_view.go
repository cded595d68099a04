package builtins

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"unsafe"

	"github.com/dop251/goja"
)

// Views of host data. goja's ToValue(map) is a live, writable view of the
// caller's map, so every Go map and slice is wrapped in one of these instead:
// reads convert on access, writes land in the view's layer for the current
// evaluation (values_writes.go) and never reach the caller's value.

// toValue converts a Go value for a condition, wrapping maps and slices; the
// value sits at key under parent, for naming what a condition writes.
func (s *Scope) toValue(v any, parent *hostPath, key string) goja.Value {
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
		return s.view(keyOf(reflect.ValueOf(x)), func() *goja.Object {
			return s.newObject(&mapView{overlay: overlay{s, layer{at: parent.child(key)}}, m: x})
		})
	case goja.Value:
		return x
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct {
		// The data word of v: a struct in an interface keeps its address
		// while the caller's value holds it.
		return s.structValue(v, (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1], parent, key)
	}
	return s.reflectValue(rv, parent, key)
}

// reflectValue handles the typed maps, slices and pointers toValue does not
// know by name.
func (s *Scope) reflectValue(rv reflect.Value, parent *hostPath, key string) goja.Value {
	switch rv.Kind() {
	case reflect.Invalid:
		return goja.Null()
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return goja.Null()
		}
		if rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.Struct {
			return s.structValue(rv.Interface(), rv.UnsafePointer(), parent, key)
		}
		return s.toValue(rv.Elem().Interface(), parent, key)
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		if rv.IsNil() {
			return goja.Null()
		}
		return s.view(keyOf(rv), func() *goja.Object {
			return s.newObject(&reflectMapView{overlay: overlay{s, layer{at: parent.child(key)}}, m: rv})
		})
	case reflect.Slice:
		if rv.IsNil() {
			return goja.Null()
		}
		return s.view(keyOf(rv), func() *goja.Object {
			return s.rt.NewDynamicArray(&sliceView{s: s, a: rv, at: parent.child(key)})
		})
	case reflect.Array:
		return s.rt.NewDynamicArray(&sliceView{s: s, a: rv, at: parent.child(key)})
	}
	// Scalars of named types, and functions.
	return s.rt.ToValue(rv.Interface())
}

// structValue reads a Go struct (v, a struct or a pointer to one) as
// encoding/json writes it: names from json tags, "-" and omitempty
// honoured, embedded fields promoted, MarshalJSON used. That is the shape
// the data has as JSON, and the names its author gave it for that. The
// decoded copy is made once per evaluation and struct (at addr), so writes
// to it are seen by later reads; the caller's struct is never touched. A
// struct encoding/json cannot write is read with its Go field names.
func (s *Scope) structValue(v any, addr unsafe.Pointer, parent *hostPath, key string) goja.Value {
	k := viewKey{p: addr, n: -2, t: reflect.TypeOf(v)}
	for _, c := range s.views {
		if c.key == k {
			return c.obj
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return s.rt.ToValue(v)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return s.rt.ToValue(v)
	}
	m, ok := x.(map[string]any)
	if !ok { // a MarshalJSON that writes a string, a number, null...
		return s.toValue(x, parent, key)
	}
	obj := s.newObject(&mapView{overlay: overlay{s, layer{at: parent.child(key)}}, m: m})
	s.views = append(s.views, cachedView{k, obj})
	return obj
}

// viewKey identifies a Go map, slice or struct: its data pointer, its
// length for a slice (-1 for a map, -2 for a struct), since slices of one
// array share a pointer, and a struct's type, since a struct shares its
// address with its first field.
type viewKey struct {
	p unsafe.Pointer
	n int
	t reflect.Type
}

func keyOf(rv reflect.Value) viewKey {
	if rv.Kind() == reflect.Map {
		return viewKey{p: rv.UnsafePointer(), n: -1}
	}
	return viewKey{p: rv.UnsafePointer(), n: rv.Len()}
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

// mapGet reads key of a map[string]any at parent.
func (s *Scope) mapGet(m map[string]any, parent *hostPath, key string) goja.Value {
	x, ok := m[key]
	if !ok {
		return nil
	}
	return s.toValue(x, parent, key)
}

// mapView is a map[string]any.
type mapView struct {
	overlay
	m map[string]any
}

func (v *mapView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	return v.s.mapGet(v.m, v.w.at, key)
}
func (v *mapView) Has(key string) bool {
	return v.w.has(key, func() bool { _, ok := v.m[key]; return ok })
}
func (v *mapView) Keys() []string { return v.w.keys(sortedKeys(v.m)) }

// reflectMapView is any other map with string keys.
type reflectMapView struct {
	overlay
	m reflect.Value
}

func (v *reflectMapView) Get(key string) goja.Value {
	if x, found := v.w.lookup(key); found {
		return x
	}
	x := v.m.MapIndex(reflect.ValueOf(key).Convert(v.m.Type().Key()))
	if !x.IsValid() {
		return nil
	}
	return v.s.toValue(x.Interface(), v.w.at, key)
}
func (v *reflectMapView) Has(key string) bool {
	return v.w.has(key, func() bool {
		return v.m.MapIndex(reflect.ValueOf(key).Convert(v.m.Type().Key())).IsValid()
	})
}
func (v *reflectMapView) Keys() []string {
	keys := make([]string, 0, v.m.Len())
	for _, k := range v.m.MapKeys() {
		keys = append(keys, k.String())
	}
	return v.w.keys(sortStrings(keys))
}

// sliceView is a slice or array. Its first write copies the elements into
// copied, which later reads and writes of the evaluation use.
type sliceView struct {
	s      *Scope
	a      reflect.Value
	at     *hostPath
	copied []goja.Value
}

func (v *sliceView) Len() int {
	if v.copied != nil {
		return len(v.copied)
	}
	return v.a.Len()
}

func (v *sliceView) Get(i int) goja.Value {
	if v.copied != nil {
		if i < 0 || i >= len(v.copied) {
			return nil
		}
		return v.copied[i]
	}
	if i < 0 || i >= v.a.Len() {
		return nil
	}
	return v.s.toValue(v.a.Index(i).Interface(), v.at, "["+strconv.Itoa(i)+"]")
}

func (v *sliceView) Set(i int, x goja.Value) bool {
	if i < 0 || i > v.Len()+maxGrowth {
		return false
	}
	v.copy()
	if i >= len(v.copied) {
		v.resize(i + 1)
	}
	v.copied[i] = x
	v.s.wrote(v.at.child("[" + strconv.Itoa(i) + "]"))
	return true
}

func (v *sliceView) SetLen(n int) bool {
	if n < 0 || n > v.Len()+maxGrowth {
		return false
	}
	v.copy()
	v.resize(n)
	v.s.wrote(v.at.child("length"))
	return true
}

// copy makes the evaluation's copy of the elements, once.
func (v *sliceView) copy() {
	if v.copied != nil {
		return
	}
	elems := make([]goja.Value, v.a.Len(), v.a.Len()+1)
	for i := range elems {
		elems[i] = v.Get(i)
	}
	v.copied = elems
}

// maxGrowth bounds how far one write may lengthen a slice's copy: the copy
// is dense, so list[1e9] = 1 must not allocate a billion elements.
const maxGrowth = 1 << 16

// resize sets the copy's length; new elements are holes (undefined).
func (v *sliceView) resize(n int) {
	if n <= len(v.copied) {
		clear(v.copied[n:])
		v.copied = v.copied[:n]
		return
	}
	v.copied = append(v.copied, make([]goja.Value, n-len(v.copied))...)
}
