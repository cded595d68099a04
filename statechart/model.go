package statechart

import (
	"github.com/dop251/goja"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/scxml"
)

// state is one node of a machine's state tree, with everything the
// interpreter runs on entering and leaving it.
type state struct {
	id       string
	deep     bool // <history type="deep">
	parent   *state
	children []*state // child states, history included, in document order
	order    int      // document order, the root being 0
	depth    int
	// node is the state's place in the tree as package scxml models it,
	// with the same order and its type: the structural readings dispatch
	// uses too (scxml.Domain, default entry) work on it.
	node *scxml.State

	// initial is the default entry: the initial attribute, the <initial>
	// child's transition, or a history state's default transition.
	initial     *transition
	transitions []*transition
	onentry     []block
	onexit      []block
	invokes     []*invokeDef
	donedata    *doneData
	data        []*dataDef
	at          place
}

func (s *state) atomic() bool { return s.node.Atomic() }

// properStates are the children that are not history states.
func (s *state) properStates() []*state {
	var out []*state
	for _, c := range s.children {
		if c.node.Type != scxml.TypeHistory {
			out = append(out, c)
		}
	}
	return out
}

func (s *state) descendantOf(a *state) bool {
	for p := s.parent; p != nil; p = p.parent {
		if p == a {
			return true
		}
	}
	return false
}

// transition is a <transition>, or the default transition of an initial
// attribute, <initial> or <history>.
type transition struct {
	source   *state
	events   builtins.Descriptors
	eventful bool
	cond     *expr
	targets  []*scxml.State // the states' nodes
	internal bool
	actions  block
	order    int
	at       place
}

// place is where something is written: file, line and column.
type place struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func placeOf(file string, p scxml.Position) place {
	return place{File: file, Line: p.Line, Column: p.Column}
}

// expr is an ECMAScript expression, condition, location or script of the
// document, compiled once for every session that runs it. A text that does
// not compile keeps its error, raised as error.execution when evaluated
// (W3C SCXML 5.9: such a condition is false).
type expr struct {
	src  string
	text scxml.Text
	prog *goja.Program
	err  error
	file string
	form form
}

// doneData is a final state's <donedata>.
type doneData struct {
	content *contentDef
	params  []paramDef
}

// dataDef is a <data> element.
type dataDef struct {
	id      string
	expr    *expr
	src     string // the src attribute as written
	inline  *contentDef
	at      place
	srcData []byte // the src file, read at load
	srcErr  error
}

// invokeDef is an <invoke>.
type invokeDef struct {
	parent      *state
	typeLit     string
	typeExpr    *expr
	src         string
	srcExpr     *expr
	id          string
	idLocation  *expr
	namelist    []*expr
	params      []paramDef
	content     *contentDef
	autoforward bool
	finalize    block
	at          place
}
