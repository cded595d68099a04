package runtime

import "github.com/condeval/condeval/cond"

// Calls on the compiled path: In() and the String methods of compiled_strings.go.

func (cp compiler) fastCall(c *cond.Call) (node, bool) {
	args := make([]node, len(c.Args))
	for i, a := range c.Args {
		var ok bool
		if args[i], ok = cp.fastNode(a); !ok {
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
		receiver, ok := cp.fastNode(callee.Object)
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
	for _, s := range in.states.all() {
		if s == id {
			return trueValue
		}
	}
	return falseValue
}
