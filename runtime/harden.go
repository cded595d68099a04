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
// freeze function. The walk uses no Array methods: those are guarded by
// now, and a plain loop over an explicit work list needs no call per
// property and no call depth, whatever MaxCallDepth says.
const hardenJS = `(function(removed) {
	var disabled = function() {
		throw new EvalError("eval and the Function constructor are not available to conditions");
	};
	var g = globalThis, getProto = Object.getPrototypeOf, freezeObj = Object.freeze;
	var ownKeys = Reflect.ownKeys, describe = Object.getOwnPropertyDescriptor;
	var seen = new Set();
	function freeze(root) {
		var work = [root], n = 1;
		function add(v) {
			if (v !== null && (typeof v === "object" || typeof v === "function") && !seen.has(v)) work[n++] = v;
		}
		while (n > 0) {
			var o = work[--n];
			if (seen.has(o)) continue;
			seen.add(o);
			freezeObj(o);
			add(getProto(o));
			var keys = ownKeys(o), isFn = typeof o === "function";
			for (var i = 0; i < keys.length; i++) {
				var k = keys[i];
				// A function's name and length are always primitives.
				if (isFn && (k === "name" || k === "length")) continue;
				var d = describe(o, k);
				if (d === undefined) continue;
				if ("value" in d) { add(d.value); } else { add(d.get); add(d.set); }
			}
		}
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
	for (var i = 0; i < removed.length; i++) delete g[removed[i]];
	freeze(g);
	for (var i = 0; i < hidden.length; i++) freeze(hidden[i]);
	seen = null;
	// Later objects (the scope's functions, each condition's function) are
	// walked until they meet frozen ones: everything frozen above was walked
	// whole, and keeping no set of what was seen keeps a long-lived runtime
	// from holding every function it ever instantiated.
	var isFrozen = Object.isFrozen;
	return function(root) {
		var work = [root], n = 1;
		while (n > 0) {
			var o = work[--n];
			if (o === null || (typeof o !== "object" && typeof o !== "function") || isFrozen(o)) continue;
			freezeObj(o);
			work[n++] = getProto(o);
			var keys = ownKeys(o);
			for (var i = 0; i < keys.length; i++) {
				var d = describe(o, keys[i]);
				if (d === undefined) continue;
				if ("value" in d) { work[n++] = d.value; } else { work[n++] = d.get; work[n++] = d.set; }
			}
		}
	};
})`

// hardenProgram is hardenJS compiled once; a goja.Program can run in any
// number of runtimes at once.
var hardenProgram = goja.MustCompile("harden", hardenJS, false)

// hardened is what harden leaves for later: the freeze function, for the
// objects the runtime makes afterwards.
type hardened struct {
	rt       *goja.Runtime
	freezeFn goja.Callable
}

func harden(rt *goja.Runtime, cfg *limits) hardened {
	installGuards(rt, cfg)
	fn, err := rt.RunProgram(hardenProgram)
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
