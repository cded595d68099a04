package runtime

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja"
)

// goja exports a condition's value by copying every element of every array
// and object in it: Go code that no watchdog can interrupt. A condition
// whose value holds an array beyond the array limit (Array(1e9) is cheap
// to make, sparse) would otherwise spend minutes and gigabytes after its
// time is up. exportable walks the value first, counting the elements an
// export would copy against the limit.

// exportable reports whether exporting v copies at most limit elements;
// when not, n is the length of the array that goes over.
func exportable(v goja.Value, limit int) (n int64, ok bool) {
	if _, isObject := v.(*goja.Object); !isObject {
		return 0, true // a primitive, as most values are: nothing to walk
	}
	w := exportWalk{budget: int64(limit), seen: map[*goja.Object]bool{}}
	ok = w.check(v)
	return w.over, ok
}

type exportWalk struct {
	budget int64
	over   int64
	seen   map[*goja.Object]bool
}

// check walks the arrays and plain objects of v; the caller's own data,
// which export hands back without a copy, is not walked.
func (w *exportWalk) check(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok || w.seen[o] {
		return true
	}
	w.seen[o] = true
	if t := o.ExportType(); t == nil || t.Kind() != reflect.Slice && t.Kind() != reflect.Map {
		return true // a function, a date, a host view...
	}
	if o.ClassName() == "Array" {
		n := o.Get("length").ToInteger()
		if w.budget -= n; w.budget < 0 {
			w.over = n
			return false
		}
		for i := int64(0); i < n; i++ {
			if !w.check(o.Get(strconv.FormatInt(i, 10))) {
				return false
			}
		}
		return true
	}
	keys := o.Keys()
	if w.budget -= int64(len(keys)); w.budget < 0 {
		w.over = int64(len(keys))
		return false
	}
	for _, k := range keys {
		if !w.check(o.Get(k)) {
			return false
		}
	}
	return true
}
