package statechart

import (
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// genesysView is _genesys: ORS's platform functions and data, which a
// simulation cannot know. It gives what the caller declared (see
// Options.Genesys) and throws for anything else, naming the path, so a
// strategy never runs on a value nobody chose.
type genesysView struct {
	rt     *goja.Runtime
	decl   map[string]any
	prefix string // "" for _genesys itself, else "ixn." and so on
}

func (v *genesysView) Get(key string) goja.Value {
	path := v.prefix + key
	if val, ok := v.decl[path]; ok {
		return toJS(v.rt, jsonCopy(val))
	}
	if val, ok := v.decl[path+"()"]; ok {
		ret := jsonCopy(val)
		return v.rt.ToValue(func(goja.FunctionCall) goja.Value { return toJS(v.rt, ret) })
	}
	for k := range v.decl {
		if strings.HasPrefix(k, path+".") {
			return v.rt.NewDynamicObject(&genesysView{rt: v.rt, decl: v.decl, prefix: path + "."})
		}
	}
	panic(v.rt.NewTypeError("_genesys.%s is not declared by the scenario (declare what ORS would return under genesys:)", path))
}

func (v *genesysView) Has(key string) bool {
	path := v.prefix + key
	for k := range v.decl {
		if k == path || k == path+"()" || strings.HasPrefix(k, path+".") {
			return true
		}
	}
	return false
}

func (v *genesysView) Set(key string, _ goja.Value) bool {
	panic(v.rt.NewTypeError("_genesys.%s is read-only", v.prefix+key))
}

func (v *genesysView) Delete(key string) bool { return v.Set(key, nil) }

func (v *genesysView) Keys() []string {
	seen := map[string]bool{}
	for k := range v.decl {
		if rest, ok := strings.CutPrefix(k, v.prefix); ok {
			name, _, _ := strings.Cut(strings.TrimSuffix(rest, "()"), ".")
			seen[name] = true
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
