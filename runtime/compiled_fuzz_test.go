package runtime

import (
	"context"
	"strings"
	"testing"
)

// FuzzCompiledPath builds a condition of the compiled path's subset and an
// event from the fuzzer's bytes and requires both paths to agree. Run it
// alone: go test -run '^$' -fuzz FuzzCompiledPath -parallel 1 ./runtime
func FuzzCompiledPath(f *testing.F) {
	for _, seed := range []string{"", "\x00", "seed condition", "\x05\x01\x02\x03\x04\x05\x06\x07", "\xff\xfe\xfd\xfc\x10\x20\x30"} {
		f.Add([]byte(seed))
	}
	envs := variedEnvs()
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &gen{data: data}
		src := g.expr(0)
		env := envs[g.pick(len(envs))]
		env.Event = map[string]any{"name": "e", "data": g.object(0)}
		env.Globals = g.globals()
		if g.pick(3) == 0 {
			env = envs[g.pick(len(envs))]
		}
		c, err := Compile(src, testTimeout)
		if err != nil {
			t.Fatalf("generated condition %q does not compile: %v", src, err)
		}
		if !c.Compiled() {
			t.Fatalf("generated condition %q is outside the compiled subset", src)
		}
		c.fast.root(inputOf(&env, env.Event, env.System)) // a panic here is a bug, whatever run recovers
		got, ok := c.fast.eval(&env)
		if !ok {
			return
		}
		want := c.evalGoja(context.Background(), &env)
		if got.Value != want.Value || got.Type != want.Type || !sameRaw(got.Raw, want.Raw) || want.Err != nil {
			t.Fatalf("%s on %#v, globals %#v:\ncompiled %#v\ngoja     %#v (%v)", src, env.Event, env.Globals, got, want, want.Err)
		}
	})
}

// gen reads choices from the fuzzer's bytes; past their end every choice
// is 0, which always ends the recursion.
type gen struct {
	data []byte
	i    int
}

func (g *gen) pick(n int) int {
	if g.i >= len(g.data) {
		return 0
	}
	b := g.data[g.i]
	g.i++
	return int(b) % n
}

func (g *gen) from(xs []string) string { return xs[g.pick(len(xs))] }

var (
	genNames = []string{"n", "s", "f", "b", "nul", "list", "name", "emoji", "upper", "ws", "missing",
		"length", "toString", "0", "1", "x", "udata", "resultof", "interactionid", "type", "data", "constructor"}
	genStrings = []string{"''", "'5'", "' 5 '", "'1e3'", "'abc'", "'Zoë'", "'😀'", "'0x10'", "'-0'", "'5.0'",
		"'x'", "'ABC'", "'n'", "'s1'", "'length'", "'\\u00e9'", "'10'", "'9'", "'+7'", "'.5'", "'Infinity'"}
	genNumbers = []string{"0", "1", "5", "2.5", "-1", "1e21", "1e-7", "NaN", "Infinity", "10", "0.1", "3", "255", "4294967296"}
	genBinary  = []string{"==", "!=", "===", "!==", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "&&", "||"}
	// genGlobals are caller globals' names: workflow and App_ variables, and
	// names that are also scope names or standard globals.
	genGlobals = []string{"varInputValue", "App_Target", "varX", "undefined", "NaN", "Infinity", "system", "_event", "In", "_data"}
	genMethods = []string{"toLowerCase", "toUpperCase", "trim", "charAt", "indexOf", "lastIndexOf", "substring", "substr", "slice"}
	genValues  = []any{"", "5", " 5 ", "abc", "Zoë", "😀x", "ABC", "1e3", "-0", "10", 0.0, 1.0, 5.0, 2.5, -3.0,
		1e21, true, false, nil, "s1", "ÉCOLE", "\u00a0x\ufeff", "007", "0b1"}
)

func (g *gen) expr(depth int) string {
	if depth > 4 {
		return g.leaf()
	}
	switch g.pick(12) {
	case 0, 1:
		return g.leaf()
	case 2, 3:
		return g.path(depth)
	case 4:
		return g.from([]string{"!", "-", "+", "typeof "}) + "(" + g.expr(depth+1) + ")"
	case 5, 6:
		return "(" + g.expr(depth+1) + " " + g.from(genBinary) + " " + g.expr(depth+1) + ")"
	case 7:
		return "(" + g.expr(depth+1) + " ? " + g.expr(depth+1) + " : " + g.expr(depth+1) + ")"
	case 8:
		args := make([]string, g.pick(3))
		for i := range args {
			args[i] = g.expr(depth + 1)
		}
		return g.path(depth) + "." + g.from(genMethods) + "(" + strings.Join(args, ", ") + ")"
	case 9:
		return "In(" + g.expr(depth+1) + ")"
	case 10:
		return "(" + g.expr(depth+1) + " in " + g.path(depth) + ")"
	}
	return g.from(genStrings) + "." + g.from(genMethods) + "(" + g.leaf() + ")"
}

func (g *gen) leaf() string {
	switch g.pick(6) {
	case 0:
		return g.from(genStrings)
	case 1:
		return g.from(genNumbers)
	case 2:
		return g.from([]string{"true", "false", "null", "undefined", "NaN", "Infinity", "varInputValue", "varX"})
	case 4:
		if name := g.from(genGlobals); name != "system" { // _data.system is not a value of the subset
			return "_data." + name
		}
		return "_data.system.context"
	}
	return "_event.data" + member(g.from(genNames))
}

// member is the property access for name: .name, or [0] for an index.
func member(name string) string {
	if isDigit(name[0]) {
		return "[" + name + "]"
	}
	return "." + name
}

func (g *gen) path(depth int) string {
	p := g.from([]string{"_event", "system", "_event.data", "_event.data.list", "_event.data.udata",
		"App_Target", "varX", "_data.App_Target", "_data.varX", "_data.system.context"})
	for range g.pick(3) {
		if g.pick(3) == 0 && depth < 4 {
			p += "[" + g.expr(depth+1) + "]"
		} else {
			p += member(g.from(genNames))
		}
	}
	return p
}

func (g *gen) object(depth int) map[string]any {
	m := map[string]any{}
	for range g.pick(8) {
		m[g.from(genNames)] = g.value(depth + 1)
	}
	return m
}

// globals are the caller's globals, each name given or not.
func (g *gen) globals() map[string]any {
	m := map[string]any{}
	for range g.pick(6) {
		m[g.from(genGlobals)] = g.value(0)
	}
	return m
}

func (g *gen) value(depth int) any {
	switch g.pick(6) {
	case 0:
		if depth < 3 {
			return g.object(depth)
		}
	case 1:
		if depth < 3 {
			list := make([]any, g.pick(4))
			for i := range list {
				list[i] = g.value(depth + 1)
			}
			return list
		}
	}
	return genValues[g.pick(len(genValues))]
}
