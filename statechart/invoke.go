package statechart

import (
	"fmt"

	"github.com/condeval/condeval/scxml"
)

// Invocation types that start an SCXML session.
var invokeTypes = map[string]bool{
	"": true, "scxml": true, "http://www.w3.org/TR/scxml/": true, "http://www.w3.org/TR/scxml": true, scxmlProcessor: true,
}

// live reports whether an invoked session still runs for its parent.
func (s *Session) live() bool { return s.running && !s.cancelled }

// invoke starts the child session an <invoke> describes. Its documents are
// read under the same containment as the parent's.
func (s *Session) invoke(st *state, inv *invokeDef) {
	if err := s.startInvoke(st, inv); err != nil {
		s.fail(err)
	}
}

func (s *Session) startInvoke(st *state, inv *invokeDef) error {
	id := inv.id
	if id == "" {
		id = st.id + "." + s.sim.newID()
		if inv.idLocation != nil {
			if err := s.assign(inv.idLocation, s.rt.ToValue(id)); err != nil {
				return err
			}
		}
	}
	typ := inv.typeLit
	if inv.typeExpr != nil {
		v, err := s.value(inv.typeExpr)
		if err != nil {
			return err
		}
		typ = v.String()
	}
	if !invokeTypes[typ] {
		return &failure{name: "error.execution", typ: "Error", msg: fmt.Sprintf("<invoke>: the type %q is not supported; only SCXML sessions can be invoked", typ), at: inv.at}
	}
	m, err := s.invokedMachine(inv)
	if err != nil {
		return err
	}
	params := map[string]any{}
	for _, name := range inv.namelist {
		v, err := s.value(name)
		if err != nil {
			return err
		}
		params[name.src] = exportJS(v)
	}
	for _, p := range inv.params {
		if p.expr == nil {
			continue
		}
		v, err := s.value(p.expr)
		if err != nil {
			return err
		}
		params[p.name] = exportJS(v)
	}
	child, err := newSession(m, s.sim, s.opts, s, id, inv, params)
	if err != nil {
		return &failure{name: "error.execution", typ: "Error", msg: "<invoke>: " + err.Error(), at: inv.at}
	}
	child.invokedIn = st
	s.children = append(s.children, child)
	child.start()
	return nil
}

// invokedMachine loads the document an <invoke> names or holds.
func (s *Session) invokedMachine(inv *invokeDef) (*Machine, error) {
	fail := func(err error) (*Machine, error) {
		return nil, &failure{name: "error.execution", typ: "Error", msg: "<invoke>: " + err.Error(), at: inv.at}
	}
	src := inv.src
	if inv.srcExpr != nil {
		v, err := s.value(inv.srcExpr)
		if err != nil {
			return nil, err
		}
		src = v.String()
	}
	if src != "" {
		path, data, err := s.m.files.read(inv.at.File, src)
		if err != nil {
			return fail(err)
		}
		root, err := scxml.ParseElement(path, data)
		if err != nil {
			return fail(err)
		}
		return s.buildChild(path, root, inv)
	}
	if inv.content == nil {
		return fail(fmt.Errorf("neither src, srcexpr nor <content> names a document"))
	}
	if inv.content.elem != nil {
		return s.buildChild(inv.at.File, inv.content.elem, inv)
	}
	text := inv.content.text
	if inv.content.expr != nil {
		v, err := s.value(inv.content.expr)
		if err != nil {
			return nil, err
		}
		if e := s.markupOf(v); e != nil {
			return s.buildChild(inv.at.File, e, inv)
		}
		text = v.String()
	}
	root, err := scxml.ParseElement(inv.at.File, []byte(text))
	if err != nil {
		return fail(err)
	}
	return s.buildChild(inv.at.File, root, inv)
}

func (s *Session) buildChild(file string, root *scxml.Element, inv *invokeDef) (*Machine, error) {
	m, err := build(file, root, s.m.files, s.m.opts)
	if err != nil {
		return nil, &failure{name: "error.execution", typ: "Error", msg: "<invoke>: " + err.Error(), at: inv.at}
	}
	return m, nil
}

// cancelInvokes stops the sessions invoked in a state being left. A
// cancelled session leaves its states as one that ends does, running their
// onexit handlers (W3C SCXML 6.4, test 250); what it sends its parent from
// there is dropped, as events from a cancelled invocation are.
func (s *Session) cancelInvokes(st *state) {
	for _, c := range s.children {
		if c.invokedIn == st && c.live() {
			c.cancelled = true
			c.running = false
			c.internal, c.external = nil, nil
			c.exitInterpreter()
		}
	}
}
