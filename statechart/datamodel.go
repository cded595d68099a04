package statechart

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// SCXML event I/O processor type (W3C SCXML C.1).
const scxmlProcessor = "http://www.w3.org/TR/scxml/#SCXMLEventProcessor"

// setupDatamodel binds the system variables (read-only: assigning one
// throws, so error.execution follows), In(), _data, _genesys, system and
// the caller's globals, and declares every <data> id.
func (s *Session) setupDatamodel(params map[string]any) error {
	rt := s.rt
	g := rt.GlobalObject()
	readOnly := func(name string, get func() goja.Value) error {
		getter := rt.ToValue(func(goja.FunctionCall) goja.Value { return get() })
		setter := rt.ToValue(func(goja.FunctionCall) goja.Value {
			panic(rt.NewTypeError("%s is read-only", name))
		})
		return g.DefineAccessorProperty(name, getter, setter, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	ioprocs := rt.NewObject()
	loc := rt.NewObject()
	_ = loc.Set("location", "#_scxml_"+s.id)
	_ = ioprocs.Set(scxmlProcessor, loc)
	_ = ioprocs.Set("scxml", loc)
	var httpLoc *goja.Object
	httpEntry := rt.ToValue(func(goja.FunctionCall) goja.Value {
		if httpLoc == nil {
			p, err := s.sim.httpProcessor()
			if err != nil {
				panic(s.jsError("the Basic HTTP Event I/O processor: " + err.Error()))
			}
			httpLoc = rt.NewObject()
			_ = httpLoc.Set("location", p.location(s))
		}
		return httpLoc
	})
	for _, k := range []string{basicHTTPProcessor, basicHTTPShort} {
		if err := ioprocs.DefineAccessorProperty(k, httpEntry, nil, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			return err
		}
	}
	name := rt.ToValue(s.m.Name)
	sid := rt.ToValue(s.id)
	for _, b := range []struct {
		name string
		get  func() goja.Value
	}{
		{"_sessionid", func() goja.Value { return sid }},
		{"_name", func() goja.Value { return name }},
		{"_ioprocessors", func() goja.Value { return ioprocs }},
		{"_event", s.eventObject},
		{"In", func() goja.Value { return rt.ToValue(s.in) }},
	} {
		if err := readOnly(b.name, b.get); err != nil {
			return err
		}
	}
	_ = g.Set("_data", rt.NewDynamicObject(globalsView{rt}))
	_ = g.Set("_genesys", rt.NewDynamicObject(&genesysView{rt: rt, decl: s.opts.Genesys}))
	if s.opts.System != nil {
		_ = g.Set("system", toJS(rt, jsonCopy(s.opts.System)))
	}
	names := make([]string, 0, len(s.opts.Globals))
	for k := range s.opts.Globals {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		_ = g.Set(k, toJS(rt, jsonCopy(s.opts.Globals[k])))
	}
	for _, st := range s.m.states {
		for _, d := range st.data {
			if d.id != "" && g.Get(d.id) == nil {
				_ = g.Set(d.id, goja.Undefined())
			}
		}
	}
	s.params = params
	return nil
}

// jsError is an Error object of the session's runtime, to throw.
func (s *Session) jsError(msg string) *goja.Object {
	o, err := s.rt.New(s.rt.Get("Error"), s.rt.ToValue(msg))
	if err != nil {
		return s.rt.NewGoError(errors.New(msg))
	}
	return o
}

// jsonCopy makes the caller's value plain JSON data, so the session never
// holds (or changes) the caller's maps.
func jsonCopy(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	d := json.NewDecoder(strings.NewReader(string(b)))
	if d.Decode(&out) != nil {
		return nil
	}
	return out
}

// in is In(): whether a state is active.
func (s *Session) in(id string) bool {
	st := s.m.byID[id]
	return st != nil && s.active[st.order]
}

// globalsView is _data: the global variables by another name, as Composer
// strategies read them (_data.system.context, _data.keepGVPSessionAlive).
type globalsView struct{ rt *goja.Runtime }

func (v globalsView) Get(key string) goja.Value { return v.rt.GlobalObject().Get(key) }
func (v globalsView) Set(key string, val goja.Value) bool {
	return v.rt.GlobalObject().Set(key, val) == nil
}
func (v globalsView) Has(key string) bool    { return v.rt.GlobalObject().Get(key) != nil }
func (v globalsView) Delete(key string) bool { return v.rt.GlobalObject().Delete(key) == nil }
func (v globalsView) Keys() []string         { return v.rt.GlobalObject().Keys() }

// bindData initialises the <data> of one state: from params an invoking
// session passed, else from expr, src or inline content. A value that
// cannot be computed leaves the variable undefined and raises
// error.execution (W3C SCXML 5.3).
func (s *Session) bindData(st *state) {
	s.bound[st.order] = true
	g := s.rt.GlobalObject()
	for _, d := range st.data {
		if v, ok := s.params[d.id]; ok {
			_ = g.Set(d.id, toJS(s.rt, v))
			continue
		}
		v, err := s.dataValue(d)
		if err != nil {
			s.fail(err)
			v = goja.Undefined()
		}
		_ = g.Set(d.id, v)
	}
}

func (s *Session) dataValue(d *dataDef) (goja.Value, error) {
	switch {
	case d.expr != nil:
		return s.value(d.expr)
	case d.src != "":
		if d.srcErr != nil {
			return nil, &failure{name: "error.execution", typ: "Error", msg: "<data src>: " + d.srcErr.Error(), at: d.at}
		}
		return s.parseValue(string(d.srcData)), nil
	case d.inline != nil:
		return s.contentValue(d.inline)
	}
	return goja.Undefined(), nil
}

// parseValue reads inline or loaded data: JSON when it is JSON, else the
// text with its white space normalised (W3C SCXML B.2).
func (s *Session) parseValue(text string) goja.Value {
	t := strings.TrimSpace(text)
	if t == "" {
		return goja.Undefined()
	}
	var v any
	if json.Unmarshal([]byte(t), &v) == nil {
		return toJS(s.rt, v)
	}
	if strings.HasPrefix(t, "<") {
		if e, err := scxml.ParseElement(s.m.File, []byte(t)); err == nil {
			return s.domOf(e)
		}
	}
	return s.rt.ToValue(strings.Join(strings.Fields(t), " "))
}

func (s *Session) contentValue(c *contentDef) (goja.Value, error) {
	switch {
	case c.expr != nil:
		return s.value(c.expr)
	case c.elem != nil:
		return s.domOf(c.elem), nil
	}
	return s.parseValue(c.text), nil
}

// failure is an error event to raise: error.execution or
// error.communication, with where it happened.
type failure struct {
	name, typ, msg string
	tag            string // the element that failed, for SCION's tagname
	at             place
	sendid         string
}

func (f *failure) Error() string { return fmt.Sprintf("%s: %s", f.name, f.msg) }

// value evaluates an expression (or runs a script) in the datamodel.
func (s *Session) value(e *expr) (goja.Value, error) {
	if e.err != nil {
		return nil, s.jsFailure(e, e.err)
	}
	v, err := s.sb.RunProgram(e.prog)
	if err != nil {
		return nil, s.jsFailure(e, err)
	}
	return v, nil
}

func (s *Session) jsFailure(e *expr, err error) *failure {
	d := runtime.Describe(err)
	at := e.position(d.Line, d.Column)
	if d.Line == 0 {
		at = e.position(0, 0)
	}
	return &failure{name: "error.execution", typ: d.Type, msg: d.Message, at: at}
}

// condition evaluates a condition: ToBoolean of its value, false with
// error.execution raised when it fails (W3C SCXML 5.9.1).
func (s *Session) condition(e *expr) bool {
	v, err := s.value(e)
	if err != nil {
		s.fail(err)
		return false
	}
	return v.ToBoolean()
}

// assign stores v at a location. The location's setter is made once per
// session: it evaluates the location's subexpressions each time it runs.
func (s *Session) assign(loc *expr, v goja.Value) error {
	fn, ok := s.setters[loc]
	if !ok {
		setter, err := s.value(loc)
		if err != nil {
			return err
		}
		if fn, ok = goja.AssertFunction(setter); !ok {
			return &failure{name: "error.execution", typ: "TypeError", msg: "not a location", at: loc.position(0, 0)}
		}
		if s.setters == nil {
			s.setters = map[*expr]goja.Callable{}
		}
		s.setters[loc] = fn
	}
	if _, err := s.sb.Run(func() (goja.Value, error) { return fn(goja.Undefined(), v) }); err != nil {
		return s.jsFailure(loc, err)
	}
	return nil
}

// fail records an error and raises its event on the internal queue.
func (s *Session) fail(err error) {
	f, ok := err.(*failure)
	if !ok {
		f = &failure{name: "error.execution", typ: "Error", msg: err.Error(), at: s.m.root.at}
	}
	s.sim.record(s, Error{Name: f.name, Type: f.typ, Message: f.msg, At: f.at})
	data := s.rt.NewObject()
	_ = data.Set("type", f.typ)
	_ = data.Set("message", f.msg)
	_ = data.Set("file", f.at.File)
	_ = data.Set("line", f.at.Line)
	_ = data.Set("column", f.at.Column)
	_ = data.Set("tagname", f.tag)
	_ = data.Set("reason", f.msg)
	s.internal = append(s.internal, &Event{Name: f.name, Type: "platform", SendID: f.sendid, js: data, owner: s})
}

// doneData evaluates a final state's <donedata>.
func (s *Session) doneData(st *state) *doneValue {
	dd := st.donedata
	if dd == nil {
		return nil
	}
	if dd.content != nil {
		v, err := s.contentValue(dd.content)
		if err != nil {
			s.fail(err)
			return nil
		}
		return &doneValue{v}
	}
	o, err := s.paramObject(nil, dd.params)
	if err != nil {
		s.fail(err)
		return nil
	}
	return &doneValue{o}
}

// paramObject builds event data from a namelist and <param>s.
func (s *Session) paramObject(namelist []*expr, params []paramDef) (*goja.Object, error) {
	o := s.rt.NewObject()
	for _, n := range namelist {
		v, err := s.value(n)
		if err != nil {
			return nil, err
		}
		_ = o.Set(n.src, v)
	}
	for _, p := range params {
		if p.expr == nil {
			continue
		}
		v, err := s.value(p.expr)
		if err != nil {
			return nil, err
		}
		_ = o.Set(p.name, v)
	}
	return o, nil
}
