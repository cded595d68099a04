package statechart

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// runBlock runs executable content until an element fails; the failure is
// raised as its error event and the rest of the block is skipped.
func (s *Session) runBlock(b block) {
	for _, a := range b {
		if err := a.run(s); err != nil {
			if f, ok := err.(*failure); ok && f.tag == "" {
				f.tag = elementName(a)
			}
			s.fail(err)
			return
		}
	}
}

// elementName is the element an action was read from.
func elementName(a action) string {
	switch a.(type) {
	case *raiseAction:
		return "raise"
	case *sendAction:
		return "send"
	case *cancelAction:
		return "cancel"
	case *assignAction:
		return "assign"
	case *scriptAction:
		return "script"
	case *logAction:
		return "log"
	case *ifAction:
		return "if"
	case *foreachAction:
		return "foreach"
	}
	return "effect"
}

func (a *raiseAction) run(s *Session) error {
	ev := &Event{Name: a.event, Type: "internal"}
	if len(a.params) > 0 {
		o, err := s.paramObject(nil, a.params)
		if err != nil {
			return err
		}
		ev.js, ev.owner = o, s
	}
	s.internal = append(s.internal, ev)
	return nil
}

func (a *logAction) run(s *Session) error {
	msg := ""
	if a.expr != nil {
		v, err := s.value(a.expr)
		if err != nil {
			return err
		}
		msg = display(v)
	}
	s.sim.record(s, Log{Label: a.label, Message: msg, At: a.at})
	return nil
}

// display is how a logged value reads: strings as they are, objects as
// JSON.
func display(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); !isFn && o.ClassName() != "Error" {
			if b, err := o.MarshalJSON(); err == nil {
				return string(b)
			}
		}
	}
	if v == nil {
		return "undefined"
	}
	return v.String()
}

func (a *scriptAction) run(s *Session) error {
	_, err := s.value(a.body)
	return err
}

func (a *assignAction) run(s *Session) error {
	var v goja.Value = goja.Undefined()
	var err error
	switch {
	case a.expr != nil:
		v, err = s.value(a.expr)
	case a.content != nil:
		v, err = s.contentValue(a.content)
	}
	if err != nil {
		return err
	}
	return s.assign(a.location, v)
}

func (a *ifAction) run(s *Session) error {
	for _, b := range a.branches {
		if b.cond == nil || s.condition(b.cond) {
			for _, x := range b.body {
				if err := x.run(s); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

func (a *foreachAction) run(s *Session) error {
	arr, err := s.value(a.array)
	if err != nil {
		return err
	}
	o, ok := arr.(*goja.Object)
	if !ok || goja.IsUndefined(arr) || goja.IsNull(arr) {
		return &failure{name: "error.execution", typ: "TypeError", msg: "foreach: array is not an array or object", at: a.at}
	}
	// A shallow copy: the body may change the array, not the iteration.
	var items []goja.Value
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			items = append(items, o.Get(strconv.Itoa(i)))
		}
	} else {
		for _, k := range o.Keys() {
			items = append(items, o.Get(k))
		}
	}
	if !validName(a.itemName) || a.indexName != "" && !validName(a.indexName) {
		return &failure{name: "error.execution", typ: "SyntaxError", msg: "foreach: item and index must be variable names", at: a.at}
	}
	g := s.rt.GlobalObject()
	for i, it := range items {
		if err := g.Set(a.itemName, it); err != nil {
			return err
		}
		if a.indexName != "" {
			if err := g.Set(a.indexName, i); err != nil {
				return err
			}
		}
		for _, x := range a.body {
			if err := x.run(s); err != nil {
				return err
			}
		}
	}
	return nil
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func validName(n string) bool { return identifier.MatchString(n) && !reserved[n] }

var reserved = map[string]bool{
	"break": true, "case": true, "catch": true, "continue": true, "debugger": true, "default": true,
	"delete": true, "do": true, "else": true, "finally": true, "for": true, "function": true, "if": true,
	"in": true, "instanceof": true, "new": true, "return": true, "switch": true, "this": true, "throw": true,
	"try": true, "typeof": true, "var": true, "void": true, "while": true, "with": true, "null": true,
	"true": true, "false": true, "class": true, "const": true, "enum": true, "export": true, "extends": true,
	"import": true, "super": true,
}

func (a *cancelAction) run(s *Session) error {
	id := a.sendid
	if a.sendidExpr != nil {
		v, err := s.value(a.sendidExpr)
		if err != nil {
			return err
		}
		id = v.String()
	}
	s.sim.cancel(s, id)
	return nil
}

// run records an ORS action as an effect, its attributes evaluated. A
// requestid attribute names where ORS stores the request's id: the
// simulation stores a fresh one there, so a scenario's answer can carry it.
func (a *effectAction) run(s *Session) error {
	attrs := map[string]any{}
	for _, at := range a.attrs {
		if at.location != nil {
			id := "req-" + strings.TrimPrefix(s.sim.newID(), "id")
			if err := s.assign(at.location, s.rt.ToValue(id)); err != nil {
				return err
			}
			attrs[at.name] = id
			continue
		}
		v, err := s.value(at.expr)
		if err != nil {
			return err
		}
		attrs[at.name] = exportJS(v)
	}
	s.sim.record(s, Effect{Action: a.name, Attrs: attrs, At: a.at})
	return nil
}
