package runtime

import "slices"

// standardGlobals are the ECMAScript globals every runtime has (ECMA-262
// 5.1 §15.1, plus the later ones goja keeps): a condition that reads only
// these and the scope names needs no lookup in the caller's globals.
var standardGlobals = []string{
	"Array", "Boolean", "Date", "Error", "EvalError", "Infinity", "JSON", "Map", "Math",
	"NaN", "Number", "Object", "RangeError", "ReferenceError", "RegExp", "Set", "String",
	"Symbol", "SyntaxError", "TypeError", "URIError", "WeakMap", "WeakSet",
	"decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
	"globalThis", "isFinite", "isNaN", "parseFloat", "parseInt", "undefined", "unescape",
}

func isStandardGlobal(name string) bool { return slices.Contains(standardGlobals, name) }
