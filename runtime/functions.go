package runtime

import (
	"container/list"

	"github.com/dop251/goja"
)

// functions is a runtime's cache of instantiated condition functions, by
// condition number, least recently used first out: an environment may compile
// any number of conditions, and each runtime keeps only the ones it uses.
type functions struct {
	size  int
	byID  map[uint64]*list.Element
	order list.List // most recently used first; values are *function
}

type function struct {
	id uint64
	fn goja.Callable
}

func (f *functions) init(size int) {
	f.size, f.byID = size, make(map[uint64]*list.Element, size)
}

// get returns the function of condition id, or nil.
func (f *functions) get(id uint64) goja.Callable {
	e, ok := f.byID[id]
	if !ok {
		return nil
	}
	f.order.MoveToFront(e)
	return e.Value.(*function).fn
}

// put adds the function of condition id, dropping the least recently used
// one when the cache is full.
func (f *functions) put(id uint64, fn goja.Callable) {
	if f.order.Len() >= f.size {
		last := f.order.Back()
		delete(f.byID, f.order.Remove(last).(*function).id)
	}
	f.byID[id] = f.order.PushFront(&function{id, fn})
}

// len is the number of functions held.
func (f *functions) len() int { return f.order.Len() }
