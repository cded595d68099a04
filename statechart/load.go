package statechart

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/scxml"
)

// Machine is a loaded SCXML document, ready to start sessions from. It is
// read-only once loaded, so sessions of one Machine may run concurrently.
type Machine struct {
	Name string // the <scxml name> attribute
	File string

	root    *state
	states  []*state       // document order, root first
	nodes   []*scxml.State // states[i].node, for the readings of the tree
	byID    map[string]*state
	late    bool    // binding="late"
	scripts []*expr // top-level <script>s, run after the datamodel is set up
	files   *files
	opts    LoadOptions
	ntrans  int
}

// LoadOptions says what a document may read besides itself.
type LoadOptions struct {
	// Root is the directory references may reach; "" finds the project
	// root from the document (see projectRoot).
	Root string
	// AllowRead lists further directories references may reach.
	AllowRead []string
}

// LoadError is a document that cannot run, with where the problem is.
type LoadError struct {
	place
	Msg string
	err error // what the reader returned, when the document is not well-formed
}

// Unwrap gives the reader's error, so that XML that is not well-formed is
// reported as the linter reports it.
func (e *LoadError) Unwrap() error { return e.err }

func (e *LoadError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Load reads the SCXML document at path.
func Load(path string, opts LoadOptions) (*Machine, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &LoadError{place: place{File: path}, Msg: fmt.Sprintf("cannot read the document: %v", unwrapPathError(err))}
	}
	return LoadBytes(path, src, opts)
}

// LoadBytes reads an SCXML document held in memory; name places it on
// disk, for positions and for resolving what it references.
func LoadBytes(name string, src []byte, opts LoadOptions) (*Machine, error) {
	root, err := scxml.ParseElement(name, src)
	if err != nil {
		var se *scxml.SyntaxError
		if errors.As(err, &se) {
			return nil, &LoadError{place: placeOf(se.File, se.Pos), Msg: se.Msg, err: se}
		}
		return nil, &LoadError{place: place{File: name}, Msg: err.Error()}
	}
	f, err := newFiles(name, opts.Root, opts.AllowRead)
	if err != nil {
		return nil, err
	}
	return build(name, root, f, opts)
}

// build makes a Machine of an <scxml> element read from file.
func build(file string, root *scxml.Element, f *files, opts LoadOptions) (*Machine, error) {
	b := &builder{m: &Machine{File: file, byID: map[string]*state{}, files: f, opts: opts}}
	if root.Name != "scxml" || !root.InSCXML() {
		return nil, &LoadError{place: placeOf(file, root.Pos), Msg: fmt.Sprintf("the root element is <%s>, not <scxml>", root.Name)}
	}
	b.m.Name, _ = root.Attr("name")
	binding, _ := root.Attr("binding")
	b.m.late = binding == "late"
	if dm, ok := root.Attr("datamodel"); ok && dm != "ecmascript" && dm != "" {
		b.fail(file, root.Pos, fmt.Sprintf("the %q data model is not supported; only ecmascript is", dm))
	}
	b.m.root = b.state(root, nil, scope{file: file, ns: namespaces(root, nil)})
	b.resolveTargets()
	if b.err != nil {
		return nil, b.err
	}
	return b.m, nil
}

// scope is what the elements being read inherit: their file and the
// namespace prefixes declared around them.
type scope struct {
	file  string
	ns    map[string]string // namespace URI → prefix
	depth int               // xi:include nesting
}

func namespaces(e *scxml.Element, outer map[string]string) map[string]string {
	var ns map[string]string
	for _, a := range e.Attrs {
		if p, ok := strings.CutPrefix(a.Name, "xmlns:"); ok {
			if ns == nil {
				ns = map[string]string{}
				for k, v := range outer {
					ns[k] = v
				}
			}
			ns[a.Value.Value] = p
		}
	}
	if ns == nil {
		return outer
	}
	return ns
}

type builder struct {
	m       *Machine
	err     error
	targets []pendingTarget
}

type pendingTarget struct {
	t   *transition
	ids []string
}

func (b *builder) fail(file string, p scxml.Position, msg string) {
	if b.err == nil {
		b.err = &LoadError{place: placeOf(file, p), Msg: msg}
	}
}

// maxIncludeDepth stops an xi:include that includes itself.
const maxIncludeDepth = 16

// children lists e's child elements with xi:include parse="xml" replaced
// by what it includes, each with its scope.
func (b *builder) children(e *scxml.Element, sc scope) ([]*scxml.Element, []scope) {
	var out []*scxml.Element
	var scopes []scope
	for _, k := range e.Children {
		if k.Space == scxml.NamespaceXInclude && k.Name == "include" {
			if parse, _ := k.Attr("parse"); parse == "text" {
				continue // read as the text of its parent (see textOf)
			}
			inc, isc := b.include(k, sc)
			for _, ie := range inc {
				out, scopes = append(out, ie), append(scopes, isc)
			}
			continue
		}
		out, scopes = append(out, k), append(scopes, scope{file: sc.file, ns: namespaces(k, sc.ns), depth: sc.depth})
	}
	return out, scopes
}

// include reads the elements an <xi:include parse="xml"> stands for: the
// element its xpointer names, or the children of the included <scxml>.
// resolveid, a Composer attribute, prefixes the included ids.
func (b *builder) include(k *scxml.Element, sc scope) ([]*scxml.Element, scope) {
	href, _ := k.Attr("href")
	if sc.depth >= maxIncludeDepth {
		b.fail(sc.file, k.Pos, "xi:include nested too deeply (does a file include itself?)")
		return nil, sc
	}
	path, data, err := b.m.files.read(sc.file, href)
	if err != nil {
		b.fail(sc.file, k.Pos, "xi:include: "+err.Error())
		return nil, sc
	}
	root, err := scxml.ParseElement(path, data)
	if err != nil {
		b.fail(sc.file, k.Pos, "xi:include: "+err.Error())
		return nil, sc
	}
	isc := scope{file: path, ns: namespaces(root, sc.ns), depth: sc.depth + 1}
	var picked []*scxml.Element
	if ptr, ok := k.Attr("xpointer"); ok && ptr != "" {
		if el := findID(root, ptr); el != nil {
			picked = []*scxml.Element{el}
		} else {
			b.fail(sc.file, k.Pos, fmt.Sprintf("xi:include: %s has no element with id %q", href, ptr))
			return nil, sc
		}
	} else if root.Name == "scxml" {
		picked = root.Children
	} else {
		picked = []*scxml.Element{root}
	}
	if prefix, _ := k.Attr("resolveid"); prefix != "" {
		for i, el := range picked {
			picked[i] = prefixIDs(el, prefix+".")
		}
	}
	return picked, isc
}

func findID(e *scxml.Element, id string) *scxml.Element {
	if v, _ := e.Attr("id"); v == id {
		return e
	}
	for _, k := range e.Children {
		if f := findID(k, id); f != nil {
			return f
		}
	}
	return nil
}

// prefixIDs copies e with every state id, target and initial reference
// prefixed (the ids of <data> and <send> are variables' and events', not
// states').
func prefixIDs(e *scxml.Element, prefix string) *scxml.Element {
	c := *e
	c.Attrs = append([]scxml.Attribute(nil), e.Attrs...)
	typ, isState := scxml.StateTypeOf(e.Name)
	isState = isState && typ != scxml.TypeSCXML
	for i, a := range c.Attrs {
		if a.Name == "id" && !isState {
			continue
		}
		switch a.Name {
		case "id", "target", "initial":
			words := strings.Fields(a.Value.Value)
			for j, w := range words {
				words[j] = prefix + w
			}
			c.Attrs[i].Value = scxml.Text{Value: strings.Join(words, " ")}
		}
	}
	c.Children = make([]*scxml.Element, len(e.Children))
	for i, k := range e.Children {
		c.Children[i] = prefixIDs(k, prefix)
	}
	return &c
}

// state builds the state tree below e.
func (b *builder) state(e *scxml.Element, parent *state, sc scope) *state {
	st := &state{parent: parent, order: len(b.m.states), at: placeOf(sc.file, e.Pos)}
	typ := scxml.TypeSCXML
	if parent != nil {
		typ, _ = scxml.StateTypeOf(e.Name)
		st.depth = parent.depth + 1
	}
	st.id, _ = e.Attr("id")
	if st.id == "" {
		st.id = fmt.Sprintf("_generated_%s_%d", e.Name, st.order)
	} else if _, dup := b.m.byID[st.id]; dup {
		b.fail(sc.file, e.Pos, fmt.Sprintf("a second state with id %q", st.id))
	}
	b.m.byID[st.id] = st
	b.m.states = append(b.m.states, st)
	st.node = &scxml.State{ID: st.id, Type: typ, Order: st.order}
	b.m.nodes = append(b.m.nodes, st.node)
	if parent != nil {
		st.node.Parent = parent.node
		parent.node.Children = append(parent.node.Children, st.node)
	}
	if deep, _ := e.Attr("type"); typ == scxml.TypeHistory {
		st.deep = deep == "deep"
	}
	kids, scopes := b.children(e, sc)
	var initialAttr []string
	if v, ok := e.Attr("initial"); ok {
		initialAttr = strings.Fields(v)
	}
	for i, k := range kids {
		ksc := scopes[i]
		if !k.InSCXML() {
			continue
		}
		switch k.Name {
		case "state", "parallel", "final", "history":
			st.children = append(st.children, b.state(k, st, ksc))
		case "transition":
			t := b.transition(k, st, ksc)
			if typ == scxml.TypeHistory {
				st.initial = t
			} else {
				st.transitions = append(st.transitions, t)
			}
		case "initial":
			ikids, iscopes := b.children(k, ksc)
			for j, it := range ikids {
				if it.Name == "transition" {
					st.initial = b.transition(it, st, iscopes[j])
				}
			}
		case "onentry":
			st.onentry = append(st.onentry, b.block(k, ksc))
		case "onexit":
			st.onexit = append(st.onexit, b.block(k, ksc))
		case "datamodel":
			dkids, dscopes := b.children(k, ksc)
			for j, d := range dkids {
				if d.Name == "data" {
					st.data = append(st.data, b.data(d, dscopes[j]))
				}
			}
		case "invoke":
			st.invokes = append(st.invokes, b.invoke(k, st, ksc))
		case "donedata":
			st.donedata = b.doneData(k, ksc)
		case "script":
			if typ == scxml.TypeSCXML {
				b.m.scripts = append(b.m.scripts, b.script(k, ksc).body)
			}
		}
	}
	if st.initial == nil && typ != scxml.TypeHistory && typ != scxml.TypeParallel {
		t := &transition{source: st, at: st.at, order: -1}
		switch {
		case initialAttr != nil:
			b.targets = append(b.targets, pendingTarget{t, initialAttr})
		case len(st.properStates()) > 0:
			t.targets = []*scxml.State{st.properStates()[0].node}
		}
		if len(t.targets) > 0 || initialAttr != nil {
			st.initial = t
		}
	}
	return st
}

func (b *builder) transition(e *scxml.Element, src *state, sc scope) *transition {
	t := &transition{source: src, order: b.m.ntrans, at: placeOf(sc.file, e.Pos)}
	b.m.ntrans++
	if ev, ok := e.Attr("event"); ok {
		t.events, t.eventful = builtins.ParseDescriptors(ev), strings.TrimSpace(ev) != ""
	}
	if c, ok := e.AttrText("cond"); ok && strings.TrimSpace(c.Value) != "" {
		t.cond = b.compile(c, sc, formValue)
	}
	typ, _ := e.Attr("type")
	t.internal = typ == "internal"
	if tg, ok := e.Attr("target"); ok {
		b.targets = append(b.targets, pendingTarget{t, strings.Fields(tg)})
	}
	t.actions = b.block(e, sc)
	return t
}

func (b *builder) resolveTargets() {
	for _, p := range b.targets {
		for _, id := range p.ids {
			s := b.m.byID[id]
			if s == nil {
				b.fail(p.t.at.File, scxml.Position{Line: p.t.at.Line, Column: p.t.at.Column}, fmt.Sprintf("no state has the id %q", id))
				continue
			}
			p.t.targets = append(p.t.targets, s.node)
		}
	}
}

func (b *builder) data(e *scxml.Element, sc scope) *dataDef {
	d := &dataDef{at: placeOf(sc.file, e.Pos)}
	d.id, _ = e.Attr("id")
	if x, ok := e.AttrText("expr"); ok {
		d.expr = b.compile(x, sc, formValue)
	}
	if src, ok := e.Attr("src"); ok {
		d.src = src
		_, d.srcData, d.srcErr = b.m.files.read(sc.file, src)
	}
	if d.expr == nil && d.src == "" {
		d.inline = b.content(e, sc)
	}
	return d
}

func (b *builder) doneData(e *scxml.Element, sc scope) *doneData {
	dd := &doneData{}
	for _, k := range e.Children {
		switch k.Name {
		case "content":
			dd.content = b.content(k, sc)
		case "param":
			dd.params = append(dd.params, b.param(k, sc))
		}
	}
	return dd
}

func (b *builder) invoke(e *scxml.Element, parent *state, sc scope) *invokeDef {
	inv := &invokeDef{parent: parent, at: placeOf(sc.file, e.Pos)}
	inv.typeLit, _ = e.Attr("type")
	inv.src, _ = e.Attr("src")
	inv.id, _ = e.Attr("id")
	inv.typeExpr = b.optExpr(e, "typeexpr", sc, formValue)
	inv.srcExpr = b.optExpr(e, "srcexpr", sc, formValue)
	inv.idLocation = b.optExpr(e, "idlocation", sc, formLocation)
	if v, _ := e.Attr("autoforward"); v == "true" {
		inv.autoforward = true
	}
	inv.namelist = namelist(e, sc)
	for _, k := range e.Children {
		switch k.Name {
		case "param":
			inv.params = append(inv.params, b.param(k, sc))
		case "content":
			inv.content = b.content(k, sc)
		case "finalize":
			inv.finalize = b.block(k, sc)
		}
	}
	return inv
}

func (b *builder) param(e *scxml.Element, sc scope) paramDef {
	p := paramDef{}
	p.name, _ = e.Attr("name")
	if x, ok := e.AttrText("expr"); ok {
		p.expr = b.compile(x, sc, formValue)
	} else if loc, ok := e.AttrText("location"); ok {
		p.location = loc.Value
		p.expr = b.compile(loc, sc, formValue)
	}
	return p
}

// content reads a <content>, or the inline value of a <data>.
func (b *builder) content(e *scxml.Element, sc scope) *contentDef {
	c := &contentDef{}
	if x, ok := e.AttrText("expr"); ok {
		c.expr = b.compile(x, sc, formValue)
		return c
	}
	for _, k := range e.Children {
		if k.Space != scxml.NamespaceXInclude {
			c.elem = k
			return c
		}
	}
	c.text = b.textOf(e, sc)
	return c
}

// textOf is an element's text, or the file its <xi:include parse="text">
// names.
func (b *builder) textOf(e *scxml.Element, sc scope) string {
	for _, k := range e.Children {
		if k.Space == scxml.NamespaceXInclude && k.Name == "include" {
			href, _ := k.Attr("href")
			_, data, err := b.m.files.read(sc.file, href)
			if err != nil {
				b.fail(sc.file, k.Pos, "xi:include: "+err.Error())
				return ""
			}
			return string(data)
		}
	}
	return e.Text.Value
}

// namelist compiles the names of a namelist attribute (send, invoke), each
// read as an expression whose value is sent under its name.
func namelist(e *scxml.Element, sc scope) []*expr {
	nl, _ := e.AttrText("namelist")
	var out []*expr
	for _, name := range strings.Fields(nl.Value) {
		out = append(out, compileText(name, nl, sc.file, formValue))
	}
	return out
}

func (b *builder) optExpr(e *scxml.Element, attr string, sc scope, f form) *expr {
	if t, ok := e.AttrText(attr); ok {
		return b.compile(t, sc, f)
	}
	return nil
}
