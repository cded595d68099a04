package runtime

import (
	"sync"

	"github.com/dop251/goja"
)

// protoNames are the property names a read can find on a prototype rather
// than in host data: the compiled path leaves such a read to goja.
type protoNames struct {
	object, array, string map[string]bool
}

// prototypes lists them from goja itself, once, so that they follow the goja
// version in use.
var prototypes = sync.OnceValue(func() *protoNames {
	rt := goja.New()
	names := func(ctors ...string) map[string]bool {
		set := map[string]bool{"__proto__": true}
		for _, c := range ctors {
			proto := rt.Get(c).ToObject(rt).Get("prototype").ToObject(rt)
			for _, k := range proto.GetOwnPropertyNames() {
				set[k] = true
			}
		}
		return set
	}
	return &protoNames{object: names("Object"), array: names("Object", "Array"), string: names("Object", "String")}
})
