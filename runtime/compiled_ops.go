package runtime

import (
	"math"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// The operators of the compiled path.

func (cp compiler) fastUnary(u *cond.Unary) (node, bool) {
	x, ok := cp.fastNode(u.X)
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

func (cp compiler) fastLogical(l *cond.Logical) (node, bool) {
	x, okX := cp.fastNode(l.X)
	y, okY := cp.fastNode(l.Y)
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

func (cp compiler) fastConditional(c *cond.Conditional) (node, bool) {
	test, ok1 := cp.fastNode(c.Test)
	then, ok2 := cp.fastNode(c.Then)
	els, ok3 := cp.fastNode(c.Else)
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

func (cp compiler) fastBinary(b *cond.Binary) (node, bool) {
	x, okX := cp.fastNode(b.X)
	y, okY := cp.fastNode(b.Y)
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
	if fused, ok := cp.stringComparison(b, x, y, op); ok {
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
func (cp compiler) stringComparison(b *cond.Binary, x, y node, op func(x, y value) value) (node, bool) {
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
	if fold, receiver, ok := cp.caseMappedReceiver(b, lit); ok {
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
func (cp compiler) caseMappedReceiver(b *cond.Binary, lit *cond.String) (fold func(byte) byte, receiver node, ok bool) {
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
	receiver, ok = cp.fastNode(m.Object)
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
