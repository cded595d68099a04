package runtime

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/cond"
)

// The compiled path: a condition within the subset real conditions use —
// reads of _event and system, literals, the comparison, logical,
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
// closures take no pointer to the caller's Env and nothing escapes.
type input struct {
	event, system map[string]any
	states        []string
}

type node func(in input) value

// compiled is a condition's compiled form, with what it reads of the event
// and the system variables when they come as JSON text.
type compiled struct {
	root          node
	event, system *need
}

// compileFast compiles expr to closures, or returns nil when it is outside
// the subset.
func compileFast(expr *cond.Expr) *compiled {
	root, ok := fastNode(expr.Root)
	if !ok {
		return nil
	}
	c := &compiled{root: root}
	c.event, c.system = needsOf(expr.Root)
	return c
}

// eval runs the compiled condition; ok is false when goja must answer.
func (c *compiled) eval(env *Env) (Result, bool) {
	return c.run(input{event: env.Event, system: env.System, states: env.States})
}

func (c *compiled) run(in input) (res Result, ok bool) {
	defer func() {
		if recover() != nil { // a bug of the compiled path: goja answers instead
			res, ok = Result{}, false
		}
	}()
	v := c.root(in)
	switch v.k {
	case kBail, kEvent, kIn:
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
func fastNode(n cond.Node) (node, bool) {
	switch n := n.(type) {
	case *cond.Paren:
		return fastNode(n.X)
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
		v, ok := rootValues[n.Name]
		return constant(v), ok
	case *cond.Member:
		return fastMember(n)
	case *cond.Unary:
		return fastUnary(n)
	case *cond.Binary:
		return fastBinary(n)
	case *cond.Logical:
		return fastLogical(n)
	case *cond.Conditional:
		return fastConditional(n)
	case *cond.Call:
		return fastCall(n)
	}
	return nil, false
}

// rootValues are the names the compiled path reads; any other name sends
// the condition to goja. In is here only to be called.
var rootValues = map[string]value{
	"_event": {k: kEvent}, "system": {k: kSystem}, "In": {k: kIn},
	"undefined": undefinedValue, "NaN": {k: kNumber, n: math.NaN()}, "Infinity": {k: kNumber, n: math.Inf(1)},
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
