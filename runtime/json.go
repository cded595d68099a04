package runtime

import (
	"strconv"

	"github.com/dop251/goja"
)

// goja's JSON.parse and JSON.stringify recurse in Go once per nesting level,
// and Go's stack overflow is fatal, so both check the depth of what they are
// given first.

func (g *guards) guardJSON() {
	json := g.rt.Get("JSON").ToObject(g.rt)
	g.wrap(json, "parse", func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			text := g.toString(call.Argument(0))
			call.Arguments = append([]goja.Value{text}, call.Arguments[min(1, len(call.Arguments)):]...)
			g.checkStringLength(float64(text.Length()))
			if d := jsonDepth(text.String()); d > g.cfg.maxCallDepth {
				g.throw(g.syntaxError, "JSON nested "+strconv.Itoa(d)+" levels deep exceeds the condition's limit")
			}
			return g.call(orig, call)
		}
	})
	g.wrap(json, "stringify", func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			budget := g.cfg.maxArrayLength
			g.checkDepth(call.Argument(0), nil, &budget)
			return g.checkResult(g.call(orig, call))
		}
	})
}

// jsonDepth is the deepest nesting of [ and { in text, strings skipped.
func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// checkDepth walks the objects under v and throws a RangeError when they
// nest deeper than the call-depth limit or number more than budget. A cycle
// is left for goja to report.
func (g *guards) checkDepth(v goja.Value, path []*goja.Object, budget *int) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		return
	}
	for _, p := range path {
		if p.SameAs(o) {
			return
		}
	}
	if len(path) > g.cfg.maxCallDepth {
		g.throw(g.rangeError, "data nested more than "+strconv.Itoa(g.cfg.maxCallDepth)+" levels deep exceeds the condition's limit")
	}
	for _, k := range o.Keys() {
		if *budget--; *budget < 0 {
			g.tooLong("data of more than " + strconv.Itoa(g.cfg.maxArrayLength) + " values")
		}
		g.checkDepth(o.Get(k), append(path, o), budget)
	}
}
