package runtime

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/condeval/condeval/builtins"
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

// memberKey is the key of a member whose key is written in the source.
func memberKey(m *cond.Member) (string, bool) {
	switch k := m.Property.(type) {
	case *cond.Name:
		return k.Name, !m.Computed
	case *cond.String:
		return k.Value, plainLiteral(k)
	case *cond.Number:
		v := numberValue(k.Value)
		if v.k == kBail || len(k.Raw) > 1 && k.Raw[0] == '0' && isDigit(k.Raw[1]) {
			return "", false
		}
		return numberToString(v.n), true
	}
	return "", false
}

func fastMember(m *cond.Member) (node, bool) {
	if id, ok := m.Object.(*cond.Ident); ok && id.Name == "In" {
		return nil, false
	}
	object, ok := fastNode(m.Object)
	if !ok {
		return nil, false
	}
	protos := prototypes()
	if root, keys, ok := staticChain(m); ok {
		return chainNode(root, keys, protos), true
	}
	if key, ok := memberKey(m); ok {
		return func(in input) value { return getMember(in, object(in), key, protos) }, true
	}
	if !m.Computed {
		return nil, false
	}
	property, ok := fastNode(m.Property)
	if !ok {
		return nil, false
	}
	return func(in input) value {
		base := object(in)
		k := property(in)
		if base.k == kBail || k.k == kBail {
			return bailValue
		}
		key, ok := toString(k)
		if !ok {
			return bailValue
		}
		return getMember(in, base, key, protos)
	}, true
}

// staticChain reads a member chain with keys written in the source from
// _event or system: _event.data.interactionid.
func staticChain(m *cond.Member) (root value, keys []string, ok bool) {
	key, ok := memberKey(m)
	if !ok {
		return value{}, nil, false
	}
	switch object := cond.Unparen(m.Object).(type) {
	case *cond.Ident:
		root, ok = rootValues[object.Name]
		if !ok || root.k != kEvent && root.k != kSystem {
			return value{}, nil, false
		}
		return root, []string{key}, true
	case *cond.Member:
		root, keys, ok = staticChain(object)
		return root, append(keys, key), ok
	}
	return value{}, nil, false
}

// chainNode reads a static chain in one closure, stepping through host maps
// directly and through getMember for anything else.
func chainNode(root value, keys []string, protos *protoNames) node {
	return func(in input) value {
		v := root
		for _, key := range keys {
			if v.k == kMap && key != "__proto__" {
				if x, ok := v.ref.(map[string]any)[key]; ok {
					v = host(x)
					continue
				}
			}
			v = getMember(in, v, key, protos)
			if v.k == kBail {
				return v
			}
		}
		return v
	}
}

// getMember reads base[key] as the scope's views and goja's primitives do.
func getMember(in input, base value, key string, protos *protoNames) value {
	if key == "__proto__" {
		return bailValue
	}
	var (
		m     map[string]any
		names map[string]bool
	)
	switch base.k {
	case kEvent:
		if x, ok := in.event[key]; ok {
			return host(x)
		}
		if key == "type" {
			return defaultEventType
		}
		if eventFieldNames[key] {
			return undefinedValue
		}
		names = protos.object
	case kSystem:
		m, names = in.system, protos.object
	case kMap:
		m, names = base.ref.(map[string]any), protos.object
	case kArray:
		a := base.ref.([]any)
		if key == "length" {
			return value{k: kNumber, n: float64(len(a))}
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			if i < len(a) {
				return host(a[i])
			}
			return undefinedValue
		}
		names = protos.array
	case kString:
		if key == "length" {
			return value{k: kNumber, n: float64(utf16Len(base.str()))}
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			if s := base.str(); i < utf16Len(s) {
				return substringValue(s, i, i+1)
			}
			return undefinedValue
		}
		names = protos.string
	default: // undefined and null throw; numbers, booleans and In have prototypes of their own
		return bailValue
	}
	if m != nil {
		if x, ok := m[key]; ok {
			return host(x)
		}
	}
	if names[key] {
		return bailValue // found on a prototype: a function, left to goja
	}
	return undefinedValue
}

// arrayIndex reads key as an array index: isIndex when it is one ("0",
// "12", never "012"); ok is false for an index too large to be sure of.
func arrayIndex(key string) (i int, isIndex, ok bool) {
	if key == "" || len(key) > 1 && key[0] == '0' {
		return 0, false, true
	}
	for j := 0; j < len(key); j++ {
		if !isDigit(key[j]) {
			return 0, false, true
		}
	}
	if len(key) > 9 {
		return 0, false, false
	}
	for j := 0; j < len(key); j++ {
		i = i*10 + int(key[j]-'0')
	}
	return i, true, true
}

// eventFieldNames are the W3C fields _event always has.
var eventFieldNames = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range builtins.EventFields() {
		m[f.Name] = true
	}
	return m
}()

func fastUnary(u *cond.Unary) (node, bool) {
	x, ok := fastNode(u.X)
	if !ok {
		return nil, false
	}
	switch u.Op {
	case cond.OpNot:
		return func(in input) value {
			v := x(in)
			if v.k == kBail {
				return v
			}
			return boolValue(!toBoolean(v))
		}, true
	case cond.OpTypeof:
		return func(in input) value {
			v := x(in)
			if v.k == kBail {
				return v
			}
			return typeofValues[v.k]
		}, true
	case cond.OpPlus, cond.OpMinus:
		sign := 1.0
		if u.Op == cond.OpMinus {
			sign = -1
		}
		return func(in input) value {
			n, ok := toNumber(x(in))
			if !ok {
				return bailValue
			}
			return numberValue(sign * n)
		}, true
	}
	return nil, false
}

// typeofValues are what typeof answers, by kind.
var typeofValues = func() []value {
	names := [...]string{
		kUndefined: "undefined", kNull: "object", kBool: "boolean", kNumber: "number", kString: "string",
		kMap: "object", kArray: "object", kEvent: "object", kSystem: "object", kIn: "function",
	}
	values := make([]value, len(names))
	for k, name := range names {
		values[k] = stringValue(name)
	}
	return values
}()

// defaultEventType is _event.type when the caller gives none.
var defaultEventType = stringValue(builtins.DefaultEventType)

func fastLogical(l *cond.Logical) (node, bool) {
	x, okX := fastNode(l.X)
	y, okY := fastNode(l.Y)
	if !okX || !okY {
		return nil, false
	}
	and := l.Op == cond.OpAnd
	return func(in input) value {
		v := x(in)
		if v.k == kBail || toBoolean(v) != and {
			return v
		}
		return y(in)
	}, true
}

func fastConditional(c *cond.Conditional) (node, bool) {
	test, ok1 := fastNode(c.Test)
	then, ok2 := fastNode(c.Then)
	els, ok3 := fastNode(c.Else)
	if !ok1 || !ok2 || !ok3 {
		return nil, false
	}
	return func(in input) value {
		v := test(in)
		switch {
		case v.k == kBail:
			return v
		case toBoolean(v):
			return then(in)
		}
		return els(in)
	}, true
}

// binaryOps are the binary operators of the subset, on operands already
// evaluated (neither of them kBail).
var binaryOps = map[cond.BinaryOp]func(x, y value) value{
	cond.OpEq:       func(x, y value) value { return equality(looseEquals(x, y)) },
	cond.OpNe:       func(x, y value) value { return inequality(looseEquals(x, y)) },
	cond.OpStrictEq: func(x, y value) value { return boolValue(strictEquals(x, y)) },
	cond.OpStrictNe: func(x, y value) value { return boolValue(!strictEquals(x, y)) },
	cond.OpLT:       func(x, y value) value { return relation(compare(x, y)) },
	cond.OpGT:       func(x, y value) value { return relation(compare(y, x)) },
	cond.OpLE:       func(x, y value) value { return negatedRelation(compare(y, x)) },
	cond.OpGE:       func(x, y value) value { return negatedRelation(compare(x, y)) },
	cond.OpAdd:      add,
	cond.OpSub:      arithmetic(func(a, b float64) float64 { return a - b }),
	cond.OpMul:      arithmetic(func(a, b float64) float64 { return a * b }),
	cond.OpDiv:      arithmetic(func(a, b float64) float64 { return a / b }),
	cond.OpMod:      arithmetic(math.Mod),
}

func equality(eq, ok bool) value {
	if !ok {
		return bailValue
	}
	return boolValue(eq)
}

func inequality(eq, ok bool) value {
	if !ok {
		return bailValue
	}
	return boolValue(!eq)
}

func relation(less, nan, ok bool) value {
	if !ok {
		return bailValue
	}
	return boolValue(less && !nan)
}

func negatedRelation(less, nan, ok bool) value {
	if !ok {
		return bailValue
	}
	return boolValue(!less && !nan)
}

// add is + (11.6.1) on primitives: a string on either side concatenates.
func add(x, y value) value {
	if x.isObject() || y.isObject() {
		return bailValue
	}
	if x.k == kString || y.k == kString {
		a, _ := toString(x)
		b, _ := toString(y)
		return stringValue(a + b)
	}
	return arithmetic(func(a, b float64) float64 { return a + b })(x, y)
}

func arithmetic(op func(a, b float64) float64) func(x, y value) value {
	return func(x, y value) value {
		a, okA := toNumber(x)
		b, okB := toNumber(y)
		if !okA || !okB {
			return bailValue
		}
		return numberValue(op(a, b))
	}
}

func fastBinary(b *cond.Binary) (node, bool) {
	x, okX := fastNode(b.X)
	y, okY := fastNode(b.Y)
	if !okX || !okY {
		return nil, false
	}
	if b.Op == cond.OpIn {
		protos := prototypes()
		return func(in input) value {
			k, obj := x(in), y(in)
			if k.k == kBail || obj.k == kBail {
				return bailValue
			}
			key, ok := toString(k)
			if !ok {
				return bailValue
			}
			return hasProperty(in, obj, key, protos)
		}, true
	}
	op, ok := binaryOps[b.Op]
	if !ok {
		return nil, false
	}
	if fused, ok := stringComparison(b, x, y, op); ok {
		return fused, true
	}
	return func(in input) value {
		a, c := x(in), y(in)
		if a.k == kBail || c.k == kBail {
			return bailValue
		}
		return op(a, c)
	}, true
}

// stringComparison fuses an equality with a string literal, the commonest
// test of all (_event.data.resultof == 'deletion'): a string compares
// directly, anything else goes through op.
func stringComparison(b *cond.Binary, x, y node, op func(x, y value) value) (node, bool) {
	if !b.Op.IsEquality() {
		return nil, false
	}
	lit, ok := cond.Unparen(b.Y).(*cond.String)
	if !ok {
		if lit, ok = cond.Unparen(b.X).(*cond.String); !ok {
			return nil, false
		}
		x = y
	}
	if !plainLiteral(lit) {
		return nil, false
	}
	want := b.Op == cond.OpEq || b.Op == cond.OpStrictEq
	s, litValue := lit.Value, stringValue(lit.Value)
	if fold, receiver, ok := caseMappedReceiver(b, lit); ok {
		// x.toLowerCase() == 'gns' without making the lower-case string.
		return func(in input) value {
			r := receiver(in)
			if r.k != kString || !isASCII(r.str()) {
				v := x(in) // the receiver again: it reads, it does not write
				if v.k == kBail {
					return v
				}
				return op(v, litValue)
			}
			return boolValue(foldEquals(r.str(), s, fold) == want)
		}, true
	}
	return func(in input) value {
		v := x(in)
		if v.k == kString {
			return boolValue((v.str() == s) == want)
		}
		if v.k == kBail {
			return v
		}
		return op(v, litValue)
	}, true
}

// caseMappedReceiver recognises the other side of b as x.toLowerCase() or
// x.toUpperCase() and returns the mapping and x's node.
func caseMappedReceiver(b *cond.Binary, lit *cond.String) (fold func(byte) byte, receiver node, ok bool) {
	other := b.X
	if other == cond.Node(lit) || cond.Unparen(b.X) == cond.Node(lit) {
		other = b.Y
	}
	call, ok := cond.Unparen(other).(*cond.Call)
	if !ok || len(call.Args) != 0 {
		return nil, nil, false
	}
	m, ok := cond.Unparen(call.Callee).(*cond.Member)
	if !ok || m.Computed {
		return nil, nil, false
	}
	name, _ := memberKey(m)
	switch name {
	case "toLowerCase":
		fold = asciiLower
	case "toUpperCase":
		fold = asciiUpper
	default:
		return nil, nil, false
	}
	receiver, ok = fastNode(m.Object)
	return fold, receiver, ok
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// foldEquals reports whether r, an ASCII string, maps to s.
func foldEquals(r, s string, fold func(byte) byte) bool {
	if len(r) != len(s) {
		return false
	}
	for i := 0; i < len(r); i++ {
		if fold(r[i]) != s[i] {
			return false
		}
	}
	return true
}

// hasProperty is key in obj.
func hasProperty(in input, obj value, key string, protos *protoNames) value {
	var m map[string]any
	names := protos.object
	switch obj.k {
	case kEvent:
		if _, ok := in.event[key]; ok || eventFieldNames[key] {
			return trueValue
		}
	case kSystem:
		m = in.system
	case kMap:
		m = obj.ref.(map[string]any)
	case kArray:
		a := obj.ref.([]any)
		if key == "length" {
			return trueValue
		}
		if i, isIndex, ok := arrayIndex(key); !ok {
			return bailValue
		} else if isIndex {
			return boolValue(i < len(a))
		}
		names = protos.array
	default: // a primitive on the right is a TypeError; In is a function
		return bailValue
	}
	if _, ok := m[key]; ok {
		return trueValue
	}
	if names[key] || key == "__proto__" {
		return bailValue
	}
	return falseValue
}

func fastCall(c *cond.Call) (node, bool) {
	args := make([]node, len(c.Args))
	for i, a := range c.Args {
		var ok bool
		if args[i], ok = fastNode(a); !ok {
			return nil, false
		}
	}
	switch callee := cond.Unparen(c.Callee).(type) {
	case *cond.Ident:
		if callee.Name != "In" {
			return nil, false
		}
		return func(in input) value { return callIn(in, args) }, true
	case *cond.Member:
		name, ok := memberKey(callee)
		method, known := stringMethods[name]
		if !ok || !known || callee.Computed {
			return nil, false
		}
		receiver, ok := fastNode(callee.Object)
		if !ok {
			return nil, false
		}
		return func(in input) value {
			s := receiver(in)
			if s.k != kString {
				return bailValue // a method of another type, or a TypeError
			}
			a, b, ok := evalArgs(in, args)
			if !ok {
				return bailValue
			}
			return method(s.str(), a, b)
		}, true
	}
	return nil, false
}

// evalArgs evaluates every argument, in order, and returns the first two.
func evalArgs(in input, args []node) (a, b value, ok bool) {
	a, b = undefinedValue, undefinedValue
	for i, arg := range args {
		v := arg(in)
		switch {
		case v.k == kBail:
			return a, b, false
		case i == 0:
			a = v
		case i == 1:
			b = v
		}
	}
	return a, b, true
}

// callIn is In(id): whether id, as a string, is an active state.
func callIn(in input, args []node) value {
	a, _, ok := evalArgs(in, args)
	if !ok {
		return bailValue
	}
	id, ok := toString(a)
	if !ok {
		return bailValue
	}
	for _, s := range in.states {
		if s == id {
			return trueValue
		}
	}
	return falseValue
}
