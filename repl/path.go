package repl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/jsonin"
)

// Paths name the values a REPL session holds, spelled as a condition reads
// them: _event.data.resultof, system.ANI, _data.system.context.ANI,
// App_Target.requestid. The session keeps every value in one tree keyed by
// top-level name (_event, system, _sessionid, _name and the globals), so
// :set and :unset are one walk whatever the root.

// The roots with a fixed shape; every other settable root is a global.
const (
	rootEvent     = "_event"
	rootSystem    = "system"
	rootSessionID = "_sessionid"
	rootName      = "_name"
)

// rootKinds says what a whole root must hold when it is replaced.
var rootKinds = map[string]string{
	rootEvent:     "object",
	rootSystem:    "object",
	rootSessionID: "string",
	rootName:      "string",
}

// valuePath is a parsed path: the text as typed, for messages, and its
// segments with aliases resolved, the first being a session root.
type valuePath struct {
	text string
	segs []string
}

func (p valuePath) String() string { return p.text }

// parsePath reads a dotted path and resolves the data model's aliases
// (builtins.DataAlias): _data.system.context is system, _data.NAME is the
// global NAME.
func parsePath(text string) (valuePath, error) {
	text = strings.TrimSpace(text)
	p := valuePath{text: text}
	if text == "" {
		return p, fmt.Errorf("missing path: write it as a condition reads it, e.g. _event.data.resultof")
	}
	segs := strings.Split(text, ".")
	for i, s := range segs {
		if s == "" || strings.ContainsAny(s, " \t\"'[]()") {
			return p, fmt.Errorf("bad path %q: segment %d is not a property name", text, i+1)
		}
	}
	if !isIdentifier(segs[0]) {
		return p, fmt.Errorf("bad path %q: %q is not a name", text, segs[0])
	}
	segs, ok := builtins.DataAlias(segs)
	if !ok {
		return p, fmt.Errorf("%s is built by the data model; set system or _data.NAME instead", text)
	}
	if err := settableRoot(segs[0]); err != nil {
		return p, fmt.Errorf("cannot set %s: %w", text, err)
	}
	if kind := rootKinds[segs[0]]; kind == "string" && len(segs) > 1 {
		return p, fmt.Errorf("cannot set %s: %s is a string", text, segs[0])
	}
	p.segs = segs
	return p, nil
}

// settableRoot refuses the names a session cannot give a value to: the
// data model's own (_data, _ioprocessors, In) and the ES5 built-ins.
func settableRoot(name string) error {
	if _, fixed := rootKinds[name]; fixed {
		return nil
	}
	if builtins.IsScopeName(name) {
		return fmt.Errorf("%s is provided by the data model", name)
	}
	if d, ok := builtins.LookupGlobal(name); ok && (d.Origin == builtins.FromECMAScript || d.Origin == builtins.FromSpiderMonkey) {
		return fmt.Errorf("%s is an ECMAScript built-in", name)
	}
	return nil
}

// isIdentifier reports whether s is an ASCII JavaScript identifier, the
// names Composer gives variables.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !isIdentRune(r) || (i == 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// setPath stores v at p in the session tree, creating the objects on the
// way. It refuses to replace a root by a value of the wrong kind, and to
// walk through a value that is not an object or array.
func setPath(tree map[string]any, p valuePath, v any) error {
	if len(p.segs) == 1 {
		if kind := rootKinds[p.segs[0]]; kind != "" && jsonKindName(v) != kind {
			return fmt.Errorf("%s must be a JSON %s, not %s", p, kind, jsonin.Kind(v))
		}
		tree[p.segs[0]] = v
		return nil
	}
	parent, err := walkCreating(tree, p)
	if err != nil {
		return err
	}
	last := p.segs[len(p.segs)-1]
	switch c := parent.(type) {
	case map[string]any:
		c[last] = v
		return nil
	case []any:
		i, err := arrayIndex(c, last, p)
		if err != nil {
			return err
		}
		c[i] = v
		return nil
	}
	return fmt.Errorf("cannot set %s: %s is %s", p, strings.Join(p.segs[:len(p.segs)-1], "."), jsonin.Kind(parent))
}

// walkCreating returns the container that holds p's last segment, making
// empty objects for missing segments.
func walkCreating(tree map[string]any, p valuePath) (any, error) {
	var cur any = tree
	for i, seg := range p.segs[:len(p.segs)-1] {
		var next any
		switch c := cur.(type) {
		case map[string]any:
			n, ok := c[seg]
			if !ok || n == nil {
				n = map[string]any{}
				c[seg] = n
			}
			next = n
		case []any:
			idx, err := arrayIndex(c, seg, p)
			if err != nil {
				return nil, err
			}
			next = c[idx]
		default:
			return nil, fmt.Errorf("cannot set %s: %s is %s", p, strings.Join(p.segs[:i], "."), jsonin.Kind(cur))
		}
		cur = next
	}
	return cur, nil
}

// arrayIndex reads seg as an index of an existing element of a.
func arrayIndex(a []any, seg string, p valuePath) (int, error) {
	i, err := strconv.Atoi(seg)
	if err != nil || i < 0 || i >= len(a) {
		return 0, fmt.Errorf("cannot set %s: %q is not an index of an array of %d", p, seg, len(a))
	}
	return i, nil
}

// unsetPath removes the property p names. Removing a missing property is
// an error, so that a typo in the path does not pass silently.
func unsetPath(tree map[string]any, p valuePath) error {
	var cur any = tree
	for i, seg := range p.segs {
		obj, ok := cur.(map[string]any)
		if !ok {
			return fmt.Errorf("cannot unset %s: %s is %s", p, strings.Join(p.segs[:i], "."), jsonin.Kind(cur))
		}
		next, ok := obj[seg]
		if !ok {
			return fmt.Errorf("cannot unset %s: it is not set", p)
		}
		if i == len(p.segs)-1 {
			delete(obj, seg)
			return nil
		}
		cur = next
	}
	return nil
}

// lookupPath returns the value at segs in the session tree.
func lookupPath(tree map[string]any, segs []string) (any, bool) {
	var cur any = tree
	for _, seg := range segs {
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[seg]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// jsonKindName is jsonin.Kind without the article: "object", "string", ...
func jsonKindName(v any) string {
	k := jsonin.Kind(v)
	_, name, found := strings.Cut(k, " ")
	if !found {
		return k
	}
	return name
}
