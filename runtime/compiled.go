package runtime

import (
	"math"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// The compiled path: a condition within the subset real conditions use —
// reads of _event, system and the caller's globals (workflow and App_
// variables, _data.NAME, _data.system.context), literals, the comparison, logical,
// arithmetic and typeof operators, ?:, in, In() and the common String
// methods — is compiled once into Go closures over the caller's values. It
// calls no goja and allocates nothing on the common path. Wherever goja
// could answer differently from a plain reading (an error, an object
// converted to a primitive, a property found on a prototype, a host type
// read through reflection, a number beyond 2^53, a string that is not
// ASCII where case mapping is asked for...), the closure answers kBail
// and the evaluation runs on goja instead, from the start: the compiled
// path reads and never writes, so running it first changes nothing. Errors
// are therefore always goja's own, class, message and position included.
// TestCompiledPathAgreesWithGoja and FuzzCompiledPath hold the two paths
// to the same answers.

// input is what a compiled condition reads. It is passed by value, so the
// closures take no pointer to the caller's Env and nothing escapes. Every
// closure call copies it, so it is kept to five words: a sixth cost the
// seed condition 8% (bench/, BenchmarkEval/seed/decoded).
type input struct {
	event, system, globals map[string]any
	states                 stateList
}

// stateList is Env.States without its capacity, which In() never needs.
type stateList struct {
	first *string
	n     int
}

func (s stateList) all() []string { return unsafe.Slice(s.first, s.n) }

// inputOf is what a compiled condition reads of env, with the event and the
// system variables given apart (decoded from JSON text when env has that).
func inputOf(env *Env, event, system map[string]any) input {
	return input{event: event, system: system, globals: env.Globals, states: stateList{unsafe.SliceData(env.States), len(env.States)}}
}

type node func(in input) value

// compiled is a condition's compiled form, with what it reads of the event
// and the system variables when they come as JSON text.
type compiled struct {
	root          node
	event, system *need
}

// compiler compiles one condition. withGlobals is scopeUse's answer: the
// condition reads a name only Env.Globals supplies, so goja evaluates it in
// a with block over the caller's globals, where a global named undefined,
// NaN or Infinity hides the standard one (the scope names always win).
type compiler struct {
	withGlobals bool
}

// compileFast compiles expr to closures, or returns nil when it is outside
// the subset.
func compileFast(expr *cond.Expr, withGlobals bool) *compiled {
	cp := compiler{withGlobals: withGlobals}
	root, ok := cp.fastNode(expr.Root)
	if !ok {
		return nil
	}
	c := &compiled{root: root}
	c.event, c.system = needsOf(expr.Root)
	return c
}

// eval runs the compiled condition; ok is false when goja must answer.
func (c *compiled) eval(env *Env) (Result, bool) {
	return c.run(inputOf(env, env.Event, env.System))
}

func (c *compiled) run(in input) (res Result, ok bool) {
	defer func() {
		if recover() != nil { // a bug of the compiled path: goja answers instead
			res, ok = Result{}, false
		}
	}()
	v := c.root(in)
	switch v.k {
	case kBail, kEvent, kIn, kGlobals, kData:
		return Result{}, false
	}
	return Result{Value: toBoolean(v), Raw: exportValue(v, in), Type: typeNames[v.k]}, true
}

// typeNames are Result.Type by kind.
var typeNames = [...]string{
	kUndefined: "undefined", kNull: "null", kBool: "boolean", kNumber: "number",
	kString: "string", kMap: "object", kArray: "array", kSystem: "object",
}

// exportValue is Result.Raw, as the goja path exports it.
func exportValue(v value, in input) any {
	switch v.k {
	case kBool:
		return v.n != 0
	case kNumber:
		return exportNumber(v.n)
	case kString, kMap, kArray:
		return v.ref
	case kSystem:
		return in.system
	}
	return nil
}

// exportNumber is how Result.Raw holds a number: int64 when it is an
// integer within ±2^53 (and not -0), float64 otherwise.
func exportNumber(f float64) any {
	if f == math.Trunc(f) && f >= -maxSafe && f <= maxSafe && !(f == 0 && math.Signbit(f)) {
		return int64(f)
	}
	return f
}

// fastNode compiles one node of the subset.
func (cp compiler) fastNode(n cond.Node) (node, bool) {
	switch n := n.(type) {
	case *cond.Paren:
		return cp.fastNode(n.X)
	case *cond.String:
		if !plainLiteral(n) {
			return nil, false
		}
		return constant(stringValue(n.Value)), true
	case *cond.Number:
		if len(n.Raw) > 1 && n.Raw[0] == '0' && isDigit(n.Raw[1]) {
			return nil, false // a legacy octal literal
		}
		return constant(numberValue(n.Value)), true
	case *cond.Bool:
		return constant(boolValue(n.Value)), true
	case *cond.Null:
		return constant(nullValue), true
	case *cond.Ident:
		return cp.ident(n.Name)
	case *cond.Member:
		return cp.fastMember(n)
	case *cond.Unary:
		return cp.fastUnary(n)
	case *cond.Binary:
		return cp.fastBinary(n)
	case *cond.Logical:
		return cp.fastLogical(n)
	case *cond.Conditional:
		return cp.fastConditional(n)
	case *cond.Call:
		return cp.fastCall(n)
	}
	return nil, false
}

// rootValues are the scope names and standard globals the compiled path
// reads; any other of them sends the condition to goja. In is here only to
// be called.
var rootValues = map[string]value{
	"_event": {k: kEvent}, "system": {k: kSystem}, "In": {k: kIn},
	"undefined": undefinedValue, "NaN": {k: kNumber, n: math.NaN()}, "Infinity": {k: kNumber, n: math.Inf(1)},
}

// ident compiles a name as goja's wrapper resolves it: a scope name is the
// scope's; a standard global is the caller's global of that name when the
// condition reads the caller's globals and one is given; any other name is
// the caller's global, and when none is given goja answers (a
// ReferenceError, or whatever its runtime has under that name).
func (cp compiler) ident(name string) (node, bool) {
	v, known := rootValues[name]
	switch {
	case known && (builtins.IsScopeName(name) || !cp.withGlobals):
		return constant(v), true
	case known:
		return func(in input) value {
			if x, ok := in.globals[name]; ok {
				return host(x)
			}
			return v
		}, true
	case builtins.IsScopeName(name) || isStandardGlobal(name):
		return nil, false
	}
	return func(in input) value { return global(in, name) }, true
}

// global reads the caller's global name; one not given is goja's to answer.
func global(in input, name string) value {
	if x, ok := in.globals[name]; ok {
		return host(x)
	}
	return bailValue
}

// plainLiteral reports whether a string literal reads the same in goja as
// in the front end: not a lone surrogate escape (goja keeps it, a Go string
// cannot), and no octal escape (goja reads "\400" as one character where
// ES5 reads two).
func plainLiteral(s *cond.String) bool {
	if !utf8.ValidString(s.Value) || strings.ContainsRune(s.Value, utf8.RuneError) {
		return false
	}
	for i := 0; i+1 < len(s.Raw); i++ {
		if s.Raw[i] == '\\' {
			if isDigit(s.Raw[i+1]) {
				return false
			}
			i++
		}
	}
	return true
}

func constant(v value) node {
	if v.k == kBail {
		return func(input) value { return bailValue }
	}
	return func(input) value { return v }
}
