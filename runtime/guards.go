package runtime

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Guards around the built-ins that do a lot of work in one Go call, where
// goja's interrupt cannot reach: each checks its inputs against the limits
// first, so a memory bomb ends with a RangeError instead of the process
// running out of memory, and deep data ends before the Go stack does.
type guards struct {
	rt  *goja.Runtime
	cfg *limits

	rangeError, syntaxError goja.Value
	// joining holds the arrays being joined, to cut cycles and bound depth.
	joining []*goja.Object
	// regexp getters read a RegExp's real pattern, whatever own properties
	// a condition defined on it.
	regexpSource, regexpUnicode, regexpDotAll goja.Callable
}

func installGuards(rt *goja.Runtime, cfg *limits) {
	g := &guards{rt: rt, cfg: cfg, rangeError: rt.Get("RangeError"), syntaxError: rt.Get("SyntaxError")}
	g.guardStrings()
	g.guardArrays()
	g.guardRegExps()
	g.guardJSON()
	g.wrap(g.proto("Function"), "apply", func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			if args, ok := call.Argument(1).(*goja.Object); ok {
				g.checkArrayLength(args.Get("length"))
			}
			return g.call(orig, call)
		}
	})
}

// throw raises a JavaScript error of the given constructor.
func (g *guards) throw(ctor goja.Value, msg string) {
	obj, err := g.rt.New(ctor, g.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

func (g *guards) tooLong(what string) {
	g.throw(g.rangeError, what+" would exceed the condition's limit")
}

func (g *guards) checkStringLength(n float64) {
	if n > float64(g.cfg.maxStringLength) {
		g.tooLong("a string of " + strconv.FormatFloat(n, 'f', -1, 64) + " characters")
	}
}

// checkArrayLength applies the array limit to a length property's value.
func (g *guards) checkArrayLength(v goja.Value) {
	if v != nil {
		g.checkArrayCount(v.ToFloat())
	}
}

func (g *guards) checkArrayCount(n float64) {
	if n > float64(g.cfg.maxArrayLength) {
		g.tooLong("an array of " + strconv.FormatFloat(n, 'f', -1, 64) + " elements")
	}
}

// checkResult applies the limits to what a built-in returned.
func (g *guards) checkResult(v goja.Value) goja.Value {
	switch x := v.(type) {
	case goja.String:
		g.checkStringLength(float64(x.Length()))
	case *goja.Object:
		if x.ClassName() == "Array" {
			g.checkArrayLength(x.Get("length"))
		}
	}
	return v
}

func (g *guards) proto(ctor string) *goja.Object {
	return g.rt.Get(ctor).ToObject(g.rt).Get("prototype").ToObject(g.rt)
}

func (g *guards) call(f goja.Callable, call goja.FunctionCall) goja.Value {
	v, err := f(call.This, call.Arguments...)
	if err != nil {
		panic(err)
	}
	return v
}

// wrap replaces obj[name] with what wrapper makes of the original.
func (g *guards) wrap(obj *goja.Object, name string, wrapper func(goja.Callable) func(goja.FunctionCall) goja.Value) {
	origVal := obj.Get(name)
	orig, ok := goja.AssertFunction(origVal)
	if !ok {
		return
	}
	g.replace(obj, name, origVal.ToObject(g.rt), wrapper(orig))
}

// replace sets obj[name] to fn, with the name and length of the built-in it
// replaces so that a condition cannot tell them apart.
func (g *guards) replace(obj *goja.Object, name string, like *goja.Object, fn func(goja.FunctionCall) goja.Value) {
	f := g.rt.ToValue(fn).ToObject(g.rt)
	for _, p := range []string{"name", "length"} {
		if err := f.DefineDataProperty(p, like.Get(p), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
	}
	if err := obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// methods lists the function-valued own properties of obj.
func methods(obj *goja.Object) []string {
	var names []string
	for _, k := range obj.GetOwnPropertyNames() {
		if k == "constructor" {
			continue
		}
		d := obj.Get(k)
		if _, ok := goja.AssertFunction(d); ok {
			names = append(names, k)
		}
	}
	return names
}

// toString is ECMAScript ToString as a goja.String: goja's ToString of a
// number is the number itself. It converts once, so an object's toString
// runs once.
func (g *guards) toString(v goja.Value) goja.String {
	x := v.ToString()
	if s, ok := x.(goja.String); ok {
		return s
	}
	return g.rt.ToValue(x.String()).(goja.String)
}

// thisString is the receiver of a String.prototype method as a string, or
// nil when it is null or undefined (the original then throws).
func (g *guards) thisString(call goja.FunctionCall) goja.String {
	if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
		return nil
	}
	return g.toString(call.This)
}

// stringPrechecks bound the result of the String.prototype methods whose
// output can be much larger than their input, before they run.
var stringPrechecks = map[string]func(g *guards, s goja.String, call *goja.FunctionCall){
	"repeat": func(g *guards, s goja.String, call *goja.FunctionCall) {
		g.checkStringLength(float64(s.Length()) * math.Max(0, call.Argument(0).ToFloat()))
	},
	"padStart": func(g *guards, _ goja.String, call *goja.FunctionCall) {
		g.checkStringLength(call.Argument(0).ToFloat())
	},
	"padEnd": func(g *guards, _ goja.String, call *goja.FunctionCall) {
		g.checkStringLength(call.Argument(0).ToFloat())
	},
	"concat": func(g *guards, s goja.String, call *goja.FunctionCall) {
		n := float64(s.Length())
		for i, a := range call.Arguments {
			as := g.toString(a)
			call.Arguments[i] = as
			n += float64(as.Length())
		}
		g.checkStringLength(n)
	},
	"replace":    checkReplacement,
	"replaceAll": checkReplacement,
}

// checkReplacement bounds a replace whose replacement is a string: each of
// at most len+1 matches inserts it, and each $&, $` or $' in it inserts up to
// the whole subject.
func checkReplacement(g *guards, s goja.String, call *goja.FunctionCall) {
	if len(call.Arguments) < 2 {
		return
	}
	if _, isFn := goja.AssertFunction(call.Arguments[1]); isFn {
		return
	}
	repl := g.toString(call.Arguments[1])
	call.Arguments[1] = repl
	n, r := float64(s.Length()), float64(repl.Length())
	per := r
	if strings.Contains(repl.String(), "$") {
		per = r * math.Max(1, n)
	}
	g.checkStringLength(n + (n+1)*per)
}

// boundedStringMethods are the String.prototype methods left unguarded: the
// string or number each returns is at most a small constant factor longer
// than the string it is called on (case mapping can triple a character,
// nothing here repeats one), so they cannot grow memory by themselves, and
// their regular expressions, if any, go through the guarded exec. Every other
// method, including any a later goja adds, is guarded.
var boundedStringMethods = map[string]bool{
	"at": true, "charAt": true, "charCodeAt": true, "codePointAt": true,
	"endsWith": true, "includes": true, "indexOf": true, "lastIndexOf": true,
	"localeCompare": true, "search": true, "slice": true, "startsWith": true,
	"substr": true, "substring": true, "toString": true, "valueOf": true,
	"toLowerCase": true, "toUpperCase": true, "toLocaleLowerCase": true, "toLocaleUpperCase": true,
	"trim": true, "trimStart": true, "trimEnd": true, "trimLeft": true, "trimRight": true,
}

func (g *guards) guardStrings() {
	proto := g.proto("String")
	for _, name := range methods(proto) {
		if boundedStringMethods[name] {
			continue
		}
		pre := stringPrechecks[name]
		g.wrap(proto, name, func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				if s := g.thisString(call); s != nil {
					g.checkStringLength(float64(s.Length()))
					if pre != nil {
						call.This = s
						pre(g, s, &call)
					}
				}
				return g.checkResult(g.call(orig, call))
			}
		})
	}
}

func (g *guards) guardArrays() {
	proto := g.proto("Array")
	for _, name := range methods(proto) {
		g.wrap(proto, name, func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				if o, ok := call.This.(*goja.Object); ok {
					g.checkArrayLength(o.Get("length"))
				}
				if name == "concat" {
					g.checkConcat(call)
				}
				return g.checkResult(g.call(orig, call))
			}
		})
	}
	g.replace(proto, "join", proto.Get("join").ToObject(g.rt), g.join)
	array := g.rt.Get("Array").ToObject(g.rt)
	g.wrap(array, "from", func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			if o, ok := call.Argument(0).(*goja.Object); ok {
				g.checkArrayLength(o.Get("length"))
			}
			return g.checkResult(g.call(orig, call))
		}
	})
}

// checkConcat bounds Array.prototype.concat by the lengths it would copy.
func (g *guards) checkConcat(call goja.FunctionCall) {
	n := 0.0
	for _, v := range append([]goja.Value{call.This}, call.Arguments...) {
		if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
			n += o.Get("length").ToFloat()
		} else {
			n++
		}
	}
	g.checkArrayCount(n)
}

// join is Array.prototype.join (ECMA-262 5.1 §15.4.4.5) with a running
// budget: goja's would build the whole string in Go first. Like other
// engines it joins an array that contains itself as an empty string.
func (g *guards) join(call goja.FunctionCall) goja.Value {
	if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
		g.throw(g.rt.Get("TypeError"), "Array.prototype.join called on null or undefined")
	}
	o := call.This.ToObject(g.rt)
	for _, j := range g.joining {
		if j.SameAs(o) {
			return g.rt.ToValue("")
		}
	}
	if len(g.joining) >= g.cfg.maxCallDepth {
		g.throw(g.rangeError, "Maximum call stack size exceeded")
	}
	g.joining = append(g.joining, o)
	defer func() { g.joining = g.joining[:len(g.joining)-1] }()

	length := o.Get("length")
	g.checkArrayLength(length)
	n := 0
	if length != nil {
		n = int(math.Max(0, length.ToFloat()))
	}
	sep := goja.String(nil)
	if s := call.Argument(0); !goja.IsUndefined(s) {
		sep = g.toString(s)
	} else {
		sep = g.rt.ToValue(",").(goja.String)
	}
	if n > 1 {
		g.checkStringLength(float64(n-1) * float64(sep.Length()))
	}
	var b goja.StringBuilder
	total := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
			total += sep.Length()
		}
		el := o.Get(strconv.Itoa(i))
		if el == nil || goja.IsUndefined(el) || goja.IsNull(el) {
			continue
		}
		s := g.toString(el)
		total += s.Length()
		g.checkStringLength(float64(total))
		b.WriteString(s)
	}
	return b.String()
}
