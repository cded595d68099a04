package runtime

import (
	"github.com/dop251/goja"
)

// Hardening a fresh runtime, once, before it runs any condition:
//
//   - remove the globals a condition must not reach: the ES2015+ constructors
//     that allocate in one step or run code outside the interrupt checks
//     (typed arrays, Proxy, Reflect, Promise...), and eval and Function,
//     which would hand goja text the front end never saw;
//   - guard the built-ins that can allocate without bound or backtrack
//     without end (guards.go, regexp.go);
//   - freeze every object reachable from the global object, and the global
//     object itself, so nothing a condition does outlives it.

// removedGlobals are deleted from every runtime.
var removedGlobals = []string{
	"ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array",
	"Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
	"Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "BigInt",
	"Proxy", "Reflect", "Promise", "WeakRef", "FinalizationRegistry", "Atomics",
}

// hardenJS runs with the Go side's helpers as arguments and returns the
// freeze function.
const hardenJS = `(function(removed) {
	var disabled = function() {
		throw new EvalError("eval and the Function constructor are not available to conditions");
	};
	var g = globalThis, getProto = Object.getPrototypeOf, freezeObj = Object.freeze;
	var ownKeys = Reflect.ownKeys, describe = Object.getOwnPropertyDescriptor;
	var seen = new Set();
	function freeze(o) {
		if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) return;
		seen.add(o);
		freezeObj(o);
		freeze(getProto(o));
		ownKeys(o).forEach(function(k) {
			var d = describe(o, k);
			if (d === undefined) return;
			if ("value" in d) { freeze(d.value); } else { freeze(d.get); freeze(d.set); }
		});
	}
	// Prototypes reachable only through values, not through names.
	var hidden = [
		getProto([][Symbol.iterator]()), getProto(""[Symbol.iterator]()),
		getProto(new Map().entries()), getProto(new Set().values()),
		getProto(/x/g[Symbol.matchAll]("x")),
		getProto(function*(){}), getProto(function*(){}()),
		getProto(async function(){}),
	];
	disabled.prototype = Function.prototype;
	Function.prototype.constructor = disabled;
	g.Function = disabled;
	g.eval = disabled;
	removed.forEach(function(n) { delete g[n]; });
	freeze(g);
	hidden.forEach(freeze);
	return freeze;
})`

// hardened is what harden leaves for later: the freeze function, for the
// objects the runtime makes afterwards.
type hardened struct {
	rt       *goja.Runtime
	freezeFn goja.Callable
}

func harden(rt *goja.Runtime, cfg *config) hardened {
	installGuards(rt, cfg)
	fn, err := rt.RunString(hardenJS)
	if err != nil {
		panic("condeval: hardening script: " + err.Error())
	}
	setup, _ := goja.AssertFunction(fn)
	freeze, err := setup(goja.Undefined(), rt.ToValue(removedGlobals))
	if err != nil {
		panic("condeval: hardening: " + err.Error())
	}
	f, _ := goja.AssertFunction(freeze)
	return hardened{rt: rt, freezeFn: f}
}

// freeze freezes objects made after hardening (the scope's host functions,
// the condition's function) so that they cannot carry data either.
func (h hardened) freeze(vals ...goja.Value) {
	for _, v := range vals {
		if _, err := h.freezeFn(goja.Undefined(), v); err != nil {
			panic("condeval: freezing: " + err.Error())
		}
	}
}
