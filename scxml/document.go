package scxml

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// Namespaces the reader recognises.
const (
	NamespaceSCXML    = "http://www.w3.org/2005/07/scxml"
	NamespaceXInclude = "http://www.w3.org/2001/XInclude"
)

// StateType is the element a state comes from.
type StateType int

// State types.
const (
	TypeSCXML StateType = iota // the <scxml> root
	TypeState
	TypeParallel
	TypeFinal
	TypeHistory
)

var stateTypes = map[string]StateType{
	"scxml": TypeSCXML, "state": TypeState, "parallel": TypeParallel, "final": TypeFinal, "history": TypeHistory,
}

// StateTypeOf is the type of the state element with the local name; false
// for an element that is not a state.
func StateTypeOf(name string) (StateType, bool) {
	t, ok := stateTypes[name]
	return t, ok
}

func (t StateType) String() string {
	for name, v := range stateTypes {
		if v == t {
			return name
		}
	}
	return "state?"
}

// State is a node of the state tree.
type State struct {
	ID        string
	Anonymous bool // the element had no id; ID was made up from its type and order
	Type      StateType
	Parent    *State   // nil for the root
	Children  []*State // child states in document order
	// Initial is the initial attribute split on spaces; empty when absent.
	Initial []string
	// Default is the transition of an <initial> child, or a <history>
	// state's default transition; nil when there is none.
	Default     *Transition
	Transitions []*Transition // the state's own transitions in document order
	Deep        bool          // a <history type="deep">
	Order       int           // position in document order, the root being 0
	Pos         Position      // where the element starts
}

// Atomic reports whether the state has no child states (history children
// do not count), so it can be part of a configuration.
func (s *State) Atomic() bool {
	for _, c := range s.Children {
		if c.Type != TypeHistory {
			return false
		}
	}
	return s.Type != TypeSCXML && s.Type != TypeHistory
}

// Ancestors returns the proper ancestors of s, nearest first, ending with
// the root. Transition selection looks for a matching transition in s, then
// in this order.
func (s *State) Ancestors() []*State {
	var out []*State
	for p := s.Parent; p != nil; p = p.Parent {
		out = append(out, p)
	}
	return out
}

// IsDescendantOf reports whether a is a proper ancestor of s.
func (s *State) IsDescendantOf(a *State) bool {
	for p := s.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// Transition is a <transition> element.
type Transition struct {
	Source *State
	// Event is the event attribute as written: descriptors separated by
	// spaces. Empty for an eventless transition.
	Event   Text
	Cond    Text     // empty when there is no condition
	Targets []string // the target attribute split on spaces
	Type    string   // "external" (the default) or "internal"
	// Raises are the events its executable content raises or sends to the
	// session itself, in document order (see raisedEvents).
	Raises []string
	// EndsSession says taking it ends the session: it enters a top-level
	// <final>, directly or through an event it raises or sends itself that
	// a transition into one takes (see markEnds).
	EndsSession bool
	Order       int      // position among all transitions, in document order
	Pos         Position // where the element starts
	End         int      // the file offset just past the element
}

// Descriptors returns the event descriptors of the transition.
func (t *Transition) Descriptors() []string { return strings.Fields(t.Event.Value) }

// Data is a <data> element of a datamodel.
type Data struct {
	ID   string
	Expr Text   // the expr attribute, empty when absent
	Src  string // the src attribute as written
	Pos  Position
}

// Script is a <script> element.
type Script struct {
	Body Text // the script text, CDATA and references decoded
	// Src is where the script is loaded from: the src attribute, or the
	// href of an <xi:include parse="text"> inside it, as written.
	Src string
	// Path is Src resolved against the document's directory (slash
	// separated); empty when there is no Src or it is a URL.
	Path string
	Pos  Position
}

// Document is a parsed SCXML document.
type Document struct {
	Name        string // the <scxml name> attribute
	File        string // the name given to Parse
	Datamodel   string // the datamodel attribute (Composer writes profile="ecmascript")
	Root        *State
	States      []*State      // every state, root first, in document order
	Transitions []*Transition // every transition outside <initial> and <history>, in document order
	Data        []Data
	Scripts     []Script
	// Includes are the files the document loads, in document order.
	Includes []Include
	// Variables are the names <foreach> item and index attributes
	// declare: the processor creates them when they do not exist (W3C 4.6).
	Variables []string
	Items     []Item // conditions, expressions, scripts and event attributes, in document order
	Generated bool   // Composer generated code (see Item.Generated)
	Source    *Source
	byID      map[string]*State
}

// State returns the state with the id, or nil.
func (d *Document) State(id string) *State { return d.byID[id] }

// ECMAScript reports whether the document's expressions are ECMAScript:
// no datamodel (W3C §B.2 makes ECMAScript what ORS runs) or "ecmascript"
// in any case. A document with another datamodel ("null", "xpath", "lua"…)
// is another language, which the linter leaves alone.
func (d *Document) ECMAScript() bool {
	m := strings.TrimSpace(d.Datamodel)
	return m == "" || strings.EqualFold(m, "ecmascript")
}

// Parse reads an SCXML document. name is used in positions and to resolve
// script src paths.
func Parse(name string, src []byte) (*Document, error) {
	s, x, err := readXML(name, src)
	if err != nil {
		return nil, err
	}
	root, err := x.root(s, "no <scxml> element")
	if err != nil {
		return nil, err
	}
	if root.Name.Local != "scxml" {
		return nil, &SyntaxError{File: name, Pos: s.Position(root.Offset), Msg: fmt.Sprintf("the root element is <%s>, not <scxml>", root.Name.Local)}
	}
	d := &Document{
		Name:      root.value("name"),
		File:      name,
		Datamodel: root.value("datamodel"),
		Source:    s,
		Generated: generated(name, x.Comments),
		byID:      map[string]*State{},
	}
	if d.Datamodel == "" {
		d.Datamodel = root.value("profile")
	}
	r := &reader{doc: d, ctx: Item{File: name, Generated: d.Generated}, states: map[*node]*State{}}
	d.Root = r.state(root, nil)
	r.walk(root, r.ctx)
	markDocumentEnds(d)
	return d, nil
}

// generated tells Composer output apart from hand-written sources.
func generated(name string, comments []string) bool {
	for _, dir := range strings.Split(path.Dir(filepath.ToSlash(name)), "/") {
		if dir == "src-gen" {
			return true
		}
	}
	for _, c := range comments {
		if strings.Contains(strings.ToLower(c), "generated by composer") {
			return true
		}
	}
	return false
}

// reader builds a Document from the element tree.
type reader struct {
	doc    *Document
	ctx    Item
	states map[*node]*State
}

// isSCXML reports whether an element belongs to SCXML: in its namespace, or
// in none (the escaped bodies of Composer handlers declare no namespace).
func isSCXML(n *node) bool { return n.Name.Space == NamespaceSCXML || n.Name.Space == "" }

// state builds the state tree below n (n being a state element).
func (r *reader) state(n *node, parent *State) *State {
	st := &State{
		Type:    stateTypes[n.Name.Local],
		Parent:  parent,
		Initial: strings.Fields(n.value("initial")),
		Deep:    n.value("type") == "deep",
		Order:   len(r.doc.States),
		Pos:     r.doc.Source.Position(n.Offset),
	}
	st.ID = n.value("id")
	if st.ID == "" {
		st.ID, st.Anonymous = fmt.Sprintf("_generated_%s_%d", st.Type, st.Order), true
	}
	r.states[n] = st
	if _, dup := r.doc.byID[st.ID]; !dup {
		r.doc.byID[st.ID] = st
	}
	r.doc.States = append(r.doc.States, st)
	for _, k := range n.Kids {
		if !isSCXML(k) {
			continue
		}
		if _, ok := stateTypes[k.Name.Local]; ok && k.Name.Local != "scxml" {
			st.Children = append(st.Children, r.state(k, st))
			continue
		}
		switch k.Name.Local {
		case "transition":
			t := r.transition(k, st)
			if st.Type == TypeHistory {
				st.Default = t
			} else {
				r.doc.Transitions = append(r.doc.Transitions, t)
				st.Transitions = append(st.Transitions, t)
			}
		case "initial":
			for _, it := range k.Kids {
				if isSCXML(it) && it.Name.Local == "transition" {
					st.Default = r.transition(it, st)
				}
			}
		}
	}
	return st
}

func (r *reader) transition(n *node, src *State) *Transition {
	ev, _ := n.attr("event")
	cond, _ := n.attr("cond")
	typ := n.value("type")
	if typ == "" {
		typ = "external"
	}
	return &Transition{
		Source:  src,
		Event:   ev,
		Cond:    cond,
		Targets: strings.Fields(n.value("target")),
		Type:    typ,
		Raises:  raisedEvents(n.Kids),
		Order:   len(r.doc.Transitions),
		Pos:     r.doc.Source.Position(n.Offset),
		End:     n.End,
	}
}

// walk collects items, data and scripts below n in document order.
func (r *reader) walk(n *node, ctx Item) {
	if inc, ok := includeOf(n, r.doc.File); ok {
		r.doc.Includes = append(r.doc.Includes, inc)
	}
	if !isSCXML(n) {
		return
	}
	name := n.Name.Local
	if st := r.states[n]; st != nil && st.Type != TypeSCXML {
		ctx.State = st.ID
	}
	if name == "transition" {
		ctx.Event = n.value("event")
	}
	r.doc.Items = append(r.doc.Items, elementItems(n, ctx)...)
	switch name {
	case "data":
		expr, _ := n.attr("expr")
		r.doc.Data = append(r.doc.Data, Data{ID: n.value("id"), Expr: expr, Src: n.value("src"), Pos: r.doc.Source.Position(n.Offset)})
	case "foreach":
		for _, a := range [...]string{"item", "index"} {
			if v := n.value(a); v != "" {
				r.doc.Variables = append(r.doc.Variables, v)
			}
		}
	case "script":
		sc := scriptOf(n, r.doc.File)
		sc.Pos = r.doc.Source.Position(n.Offset)
		r.doc.Scripts = append(r.doc.Scripts, sc)
	}
	for _, k := range n.Kids {
		r.walk(k, ctx)
	}
}

// attrKinds says which attributes of SCXML elements hold ECMAScript.
// Attributes ending in "expr" (eventexpr, targetexpr, delayexpr, …) are
// expressions too.
var attrKinds = map[string]Kind{
	"cond":       Condition,
	"expr":       Expression,
	"location":   Location,
	"idlocation": Location,
	"array":      Expression,
	"event":      Descriptors, // on <transition> only, see elementItems
}

// elementItems returns the items held by one SCXML element.
func elementItems(n *node, ctx Item) []Item {
	var out []Item
	ctx.Element = n.Name.Local
	for _, a := range n.Attrs {
		kind, ok := attrKinds[a.Name]
		if !ok && strings.HasSuffix(a.Name, "expr") && !strings.Contains(a.Name, ":") {
			kind, ok = Expression, true
		}
		switch {
		case !ok:
			continue
		case kind == Descriptors && ctx.Element != "transition":
			continue // <raise event>, <send event> name an event, they do not match one
		case kind == Condition && ctx.Element != "transition" && ctx.Element != "if" && ctx.Element != "elseif":
			kind = Expression
		}
		if strings.TrimSpace(a.Value.Value) == "" {
			continue // an empty condition is no condition
		}
		it := ctx
		it.Kind, it.Text, it.Attr = kind, a.Value, a.Name
		out = append(out, it)
	}
	if ctx.Element == "script" && strings.TrimSpace(n.Text.Value) != "" {
		it := ctx
		it.Kind, it.Text = Program, n.Text
		out = append(out, it)
	}
	return out
}

// scriptOf reads a <script>: its body and where it is loaded from.
func scriptOf(n *node, file string) Script {
	sc := Script{Body: n.Text, Src: n.value("src")}
	for _, k := range n.Kids {
		if isXInclude(k) && k.value("parse") == "text" {
			sc.Src = k.value("href")
		}
	}
	if sc.Src != "" {
		sc.Path = resolve(file, sc.Src)
	}
	return sc
}
