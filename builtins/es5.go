package builtins

// The ECMAScript 5.1 standard library (ECMA-262 5.1 §15) as ORS runs it.
// ORS targets ES5 (Composer Help, ECMAScriptBlock: "Composer currently
// supports ECMAScript (ES) 5"), so ES2015 additions such as Object.assign or
// String.prototype.includes are deliberately absent: the declarations are
// closed, and a linter can tell a user that ORS will not have them.

const es5Source = "ECMA-262 5.1 §15; docs/ors.md §8"

func es5(d Decl) Decl { return d.cite(Documented, es5Source).rooted(FromECMAScript) }

// constructor declares a global constructor with its ES5 static members.
func constructor(signature, doc string, statics ...Decl) Decl {
	d := function(signature, doc)
	d.fields = append([]Decl{decl(KindObject, "prototype", "The prototype shared by every instance.")}, statics...)
	return d.closed()
}

func es5Globals() []Decl {
	errorCtor := func(name, doc string) Decl { return constructor(name+"(message)", doc) }
	ds := []Decl{
		decl(KindAny, "undefined", "The undefined value. A field that is not set reads as undefined."),
		decl(KindNumber, "NaN", "Not-a-Number. NaN is not equal to anything, itself included: test it with isNaN(x)."),
		decl(KindNumber, "Infinity", "Positive infinity."),
		function("eval(source)", "Evaluates source as ECMAScript. Conditions should not need it."),
		function("parseInt(string, radix)", "Parses an integer from the start of string; NaN when there is none. Pass radix 10: without it, a leading 0 may mean octal in ES5 engines."),
		function("parseFloat(string)", "Parses a decimal number from the start of string; NaN when there is none."),
		function("isNaN(number)", "True when number, converted to a number, is NaN."),
		function("isFinite(number)", "True when number, converted to a number, is neither NaN nor ±Infinity."),
		function("decodeURI(encodedURI)", "Decodes escape sequences in a URI, except those of reserved characters."),
		function("decodeURIComponent(encodedURIComponent)", "Decodes every escape sequence in a URI component."),
		function("encodeURI(uri)", "Escapes a URI, leaving reserved characters such as / ? & = as they are."),
		function("encodeURIComponent(uriComponent)", "Escapes a URI component, reserved characters included."),
		function("escape(string)", "Legacy percent-encoding (ES5 Annex B). Prefer encodeURIComponent."),
		function("unescape(string)", "Decodes what escape produced (ES5 Annex B). Prefer decodeURIComponent."),
		constructor("Object(value)", "Converts value to an object; the root of every object's prototype chain.",
			function("getPrototypeOf(o)", "The prototype of o."),
			function("getOwnPropertyDescriptor(o, name)", "The descriptor of o's own property name."),
			function("getOwnPropertyNames(o)", "The names of o's own properties, enumerable or not."),
			function("create(proto, properties)", "A new object with the given prototype."),
			function("defineProperty(o, name, descriptor)", "Defines or changes a property of o."),
			function("defineProperties(o, descriptors)", "Defines or changes several properties of o."),
			function("seal(o)", "Prevents adding or deleting properties of o."),
			function("freeze(o)", "Makes o read-only."),
			function("preventExtensions(o)", "Prevents adding properties to o."),
			function("isSealed(o)", "True when o is sealed."),
			function("isFrozen(o)", "True when o is frozen."),
			function("isExtensible(o)", "True when properties can be added to o."),
			function("keys(o)", "The names of o's own enumerable properties, as an array."),
		),
		constructor("Function(params..., body)", "Creates a function from source text."),
		constructor("Array(items...)", "Creates an array.",
			function("isArray(value)", "True when value is an array."),
		),
		constructor("String(value)", "Converts value to a string.",
			function("fromCharCode(codes...)", "The string made of the given UTF-16 code units."),
		),
		constructor("Boolean(value)", "Converts value to a boolean (ToBoolean): false for undefined, null, false, 0, NaN and \"\"; true otherwise."),
		constructor("Number(value)", "Converts value to a number; NaN when it is not numeric.",
			decl(KindNumber, "MAX_VALUE", "The largest finite number."),
			decl(KindNumber, "MIN_VALUE", "The smallest positive number."),
			decl(KindNumber, "NaN", "Not-a-Number."),
			decl(KindNumber, "NEGATIVE_INFINITY", "Negative infinity."),
			decl(KindNumber, "POSITIVE_INFINITY", "Positive infinity."),
		),
		constructor("Date(value)", "Creates a date; new Date().getTime() is the current time in milliseconds since 1970.",
			function("parse(string)", "Milliseconds since 1970 for a date string; NaN when it cannot be parsed."),
			function("UTC(year, month, day, hours, minutes, seconds, ms)", "Milliseconds since 1970 for a UTC date."),
			function("now()", "The current time in milliseconds since 1970."),
		),
		constructor("RegExp(pattern, flags)", "Creates a regular expression. Patterns with backreferences or lookaround cannot be interrupted while they run."),
		errorCtor("Error", "The base class of errors. A condition that throws evaluates to false and raises error.execution."),
		errorCtor("EvalError", "Error thrown by eval misuse."),
		errorCtor("RangeError", "Error for a number outside its allowed range."),
		errorCtor("ReferenceError", "Error for reading a name that is not declared."),
		errorCtor("SyntaxError", "Error for text that is not valid ECMAScript."),
		errorCtor("TypeError", "Error for an operation on a value of the wrong type, such as reading a field of undefined."),
		errorCtor("URIError", "Error for a malformed URI given to decodeURI or encodeURI."),
		object("Math", "Mathematical constants and functions.",
			decl(KindNumber, "E", "Euler's number e."),
			decl(KindNumber, "LN10", "The natural logarithm of 10."),
			decl(KindNumber, "LN2", "The natural logarithm of 2."),
			decl(KindNumber, "LOG2E", "The base-2 logarithm of e."),
			decl(KindNumber, "LOG10E", "The base-10 logarithm of e."),
			decl(KindNumber, "PI", "π."),
			decl(KindNumber, "SQRT1_2", "The square root of 1/2."),
			decl(KindNumber, "SQRT2", "The square root of 2."),
			function("abs(x)", "Absolute value."),
			function("acos(x)", "Arc cosine, in radians."),
			function("asin(x)", "Arc sine, in radians."),
			function("atan(x)", "Arc tangent, in radians."),
			function("atan2(y, x)", "Angle of the point (x, y), in radians."),
			function("ceil(x)", "Smallest integer not less than x."),
			function("cos(x)", "Cosine of x radians."),
			function("exp(x)", "e to the power x."),
			function("floor(x)", "Largest integer not greater than x."),
			function("log(x)", "Natural logarithm."),
			function("max(values...)", "The largest argument; -Infinity with none."),
			function("min(values...)", "The smallest argument; Infinity with none."),
			function("pow(x, y)", "x to the power y."),
			function("random()", "A pseudo-random number in [0, 1)."),
			function("round(x)", "x rounded to the nearest integer, halves up."),
			function("sin(x)", "Sine of x radians."),
			function("sqrt(x)", "Square root."),
			function("tan(x)", "Tangent of x radians."),
		).closed(),
		object("JSON", "Conversion between values and JSON text.",
			function("parse(text, reviver)", "Parses JSON text; throws SyntaxError when it is not valid JSON."),
			function("stringify(value, replacer, space)", "The JSON text of value."),
		).closed(),
	}
	for i, d := range ds {
		ds[i] = es5(d)
	}
	return ds
}

// spiderMonkeyGlobals are the non-standard globals ORS's engine provides.
// [INF] docs/ors.md §8: no vendor document names SpiderMonkey, but vendor
// samples and generated code call uneval() and .toSource()
// (AccessIxnProperties; CRD IPD).
func spiderMonkeyGlobals() []Decl {
	return []Decl{
		function("uneval(value)", "SpiderMonkey only: the source text of value, e.g. for <log>. Not ECMAScript 5; other engines lack it.").
			cite(Inferred, "docs/ors.md §8; AccessIxnProperties; CRD IPD").rooted(FromSpiderMonkey),
	}
}

// Prototype members each kind of value inherits (ECMA-262 5.1 §15.2.4,
// §15.3.4, §15.4.4, §15.5.4, §15.6.4, §15.7.4; substr from Annex B).

var objectPrototype = protos(
	function("toString()", "A string for the value; \"[object Object]\" for plain objects."),
	function("toLocaleString()", "A locale-dependent string for the value."),
	function("valueOf()", "The primitive value of the object, or the object itself."),
	function("hasOwnProperty(name)", "True when the object itself (not its prototype) has the property name."),
	function("isPrototypeOf(o)", "True when this object is in o's prototype chain."),
	function("propertyIsEnumerable(name)", "True when the own property name is enumerable."),
	decl(KindFunction, "constructor", "The function that created the object."),
	function("toSource()", "SpiderMonkey only: the object's source text, as generated code logs _event.toSource(). Not ECMAScript 5.").
		cite(Inferred, "docs/ors.md §8; CRD IPD").rooted(FromSpiderMonkey),
)

var stringPrototype = protos(
	decl(KindNumber, "length", "The number of UTF-16 code units."),
	function("charAt(pos)", "The character at pos, or \"\"."),
	function("charCodeAt(pos)", "The UTF-16 code unit at pos, or NaN."),
	function("concat(strings...)", "The string followed by the arguments."),
	function("indexOf(search, from)", "The first position of search, or -1."),
	function("lastIndexOf(search, from)", "The last position of search, or -1."),
	function("localeCompare(that)", "Negative, zero or positive as the string sorts before, with or after that."),
	function("match(regexp)", "The matches of regexp, or null."),
	function("replace(pattern, replacement)", "The string with pattern (the first match, or all with a /g regexp) replaced."),
	function("search(regexp)", "The position of the first match of regexp, or -1."),
	function("slice(start, end)", "The part from start up to end; negative positions count from the end."),
	function("split(separator, limit)", "The parts between separators, as an array."),
	function("substring(start, end)", "The part from start up to end."),
	function("substr(start, length)", "The part of the given length from start (ES5 Annex B)."),
	function("toLowerCase()", "The string in lower case."),
	function("toLocaleLowerCase()", "The string in lower case, by the locale's rules."),
	function("toUpperCase()", "The string in upper case."),
	function("toLocaleUpperCase()", "The string in upper case, by the locale's rules."),
	function("trim()", "The string without leading and trailing white space."),
	function("toString()", "The string itself."),
	function("valueOf()", "The string itself."),
)

var numberPrototype = protos(
	function("toString(radix)", "The number as a string in the given radix (10 by default)."),
	function("toLocaleString()", "The number formatted for the locale."),
	function("valueOf()", "The number itself."),
	function("toFixed(digits)", "The number with digits digits after the point."),
	function("toExponential(digits)", "The number in exponential notation."),
	function("toPrecision(precision)", "The number with precision significant digits."),
)

var booleanPrototype = protos(
	function("toString()", "\"true\" or \"false\"."),
	function("valueOf()", "The boolean itself."),
)

var functionPrototype = protos(
	decl(KindNumber, "length", "The number of declared parameters."),
	function("apply(thisArg, args)", "Calls the function with this and an array of arguments."),
	function("call(thisArg, args...)", "Calls the function with this and the given arguments."),
	function("bind(thisArg, args...)", "A new function with this and leading arguments fixed."),
	function("toString()", "The function's source text."),
)

var arrayPrototype = protos(
	decl(KindNumber, "length", "The number of elements (one more than the highest index)."),
	function("concat(items...)", "A new array of these elements followed by the arguments."),
	function("join(separator)", "The elements as one string, separated by separator (\",\" by default)."),
	function("pop()", "Removes and returns the last element."),
	function("push(items...)", "Appends items; returns the new length."),
	function("reverse()", "Reverses the array in place."),
	function("shift()", "Removes and returns the first element."),
	function("slice(start, end)", "A new array of the elements from start up to end."),
	function("sort(compare)", "Sorts the array in place."),
	function("splice(start, count, items...)", "Removes count elements at start, inserting items."),
	function("unshift(items...)", "Prepends items; returns the new length."),
	function("indexOf(item, from)", "The first index of item (compared with ===), or -1."),
	function("lastIndexOf(item, from)", "The last index of item, or -1."),
	function("every(callback, thisArg)", "True when callback holds for every element."),
	function("some(callback, thisArg)", "True when callback holds for some element."),
	function("forEach(callback, thisArg)", "Calls callback for every element."),
	function("map(callback, thisArg)", "A new array of callback's results."),
	function("filter(callback, thisArg)", "A new array of the elements for which callback holds."),
	function("reduce(callback, initial)", "Folds the elements from the left."),
	function("reduceRight(callback, initial)", "Folds the elements from the right."),
	function("toString()", "The elements joined with \",\"."),
)

// protos cites the standard for every prototype member that cites nothing else.
func protos(ds ...Decl) []Decl {
	for i, d := range ds {
		if d.Source == "" {
			ds[i] = es5(d)
		}
	}
	return ds
}

// ownPrototype is each kind's own prototype; every kind but KindAny also
// inherits Object.prototype.
var ownPrototype = map[Kind][]Decl{
	KindString:   stringPrototype,
	KindNumber:   numberPrototype,
	KindBoolean:  booleanPrototype,
	KindFunction: functionPrototype,
	KindArray:    arrayPrototype,
	KindObject:   nil,
}

// prototypeMembers are the members a value of kind k inherits, own
// prototype first, then Object.prototype. A value of unknown kind inherits
// nothing we could vouch for.
func prototypeMembers(k Kind) []Decl {
	own, known := ownPrototype[k]
	if !known {
		return nil
	}
	out := make([]Decl, 0, len(own)+len(objectPrototype))
	out = append(out, own...)
	for _, d := range objectPrototype {
		if _, shadowed := find(own, d.Name); !shadowed {
			out = append(out, d)
		}
	}
	return out
}
