package statechart

import (
	"errors"
	"fmt"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// Handler is one event handler: an entry of a handler file, a Composer IPD
// handler, or an SCXML <transition>. ORS picks handlers by matching the
// event's name against Event and then evaluating Cond, in document order.
type Handler struct {
	Name        string               // the Composer dialog name, the handler file's name, or STATE#N for a transition
	Event       builtins.Descriptors // the event attribute; an eventless handler never fires for an event
	Cond        string               // the condition as the engine sees it (decoded); blank means none, always true
	File        string               // where the handler was read from
	Line        int                  // 1-based line of the condition in File (of the handler when it has none)
	Column      int                  // 1-based column, in runes
	EventLine   int                  // where a handler file writes Event, for lint; 0 for a document's handler
	EventColumn int                  // 1-based column of EventLine, in runes
	Enabled     bool                 // false for a Composer handler switched off: kept, listed, never fired
	State       string               // the state the handler belongs to
	Target      string               // target state ids separated by spaces; empty for a targetless transition
	Description string               // what the handler does, for people
	// EndsSession says firing it ends the session: it enters a top-level
	// <final>, directly or through an event it raises or sends itself that
	// a transition into one takes (application.exit in a Composer IPD), as
	// package scxml reads it from the document. A handler file states it
	// (ends: true).
	EndsSession bool

	index     int                // position in HandlerSet.Handlers
	state     *scxml.State       // the state node the handler belongs to
	depth     int                // of state: 0 for the root
	region    string             // the id of regionOf(state); empty outside any <parallel>
	targets   []*scxml.State     // resolved Target
	internal  bool               // an SCXML transition with type="internal"
	domain    *scxml.State       // the transition's domain (see transitionDomain); nil for a targetless one
	condition *runtime.Condition // nil when Cond is blank or did not compile
	compile   error              // why Cond did not compile
}

// CompileError returns why the handler's condition did not compile, or nil.
// Such a handler is kept in its set but never fires: ORS evaluates the bad
// condition as false and raises error.execution, so Dispatch reports it.
func (h *Handler) CompileError() error { return h.compile }

// HandlerSet is an ordered list of handlers together with the states they
// belong to. Every condition is compiled once, when the set is built; the
// set is then immutable and safe for concurrent Dispatch calls.
type HandlerSet struct {
	Name     string     // a title: the IPD's name, the document's name, or the file's
	File     string     // the file it was read from
	Handlers []*Handler // in document order
	// Problems are the conditions that failed to compile, with their
	// positions in the file. The set still loads; those handlers never fire.
	Problems []*LoadProblem

	chart *chart
	index *eventIndex
	// unmatched is every handler as dispatch skips it when its descriptors
	// do not match the event: a disabled handler as disabled, any other for
	// its descriptors.
	unmatched []Skip
}

// LoadProblem is a handler whose condition did not compile.
type LoadProblem struct {
	Handler *Handler
	File    string
	Line    int
	Column  int
	Message string // what is wrong, naming any other place by its file position
	Err     error
}

func (p *LoadProblem) Error() string {
	return fmt.Sprintf("%s:%d:%d: handler %q: %s", p.File, p.Line, p.Column, p.Handler.Name, p.Message)
}

func (p *LoadProblem) Unwrap() error { return p.Err }

// Handler returns the handler with the given name, or nil.
func (s *HandlerSet) Handler(name string) *Handler {
	for _, h := range s.Handlers {
		if h.Name == name {
			return h
		}
	}
	return nil
}

// DefaultStates is the configuration Dispatch uses when the caller names no
// states: an SCXML document's initial configuration, or every state of a
// flat handler set.
func (s *HandlerSet) DefaultStates() []string {
	return append([]string(nil), s.chart.initial...)
}

// States lists the ids of every state the set knows, in document order.
func (s *HandlerSet) States() []string {
	out := make([]string, 0, len(s.chart.states))
	for _, st := range s.chart.states[1:] {
		out = append(out, st.ID)
	}
	return out
}

// setBuilder collects handlers and states, then compiles every condition.
type setBuilder struct {
	set   *HandlerSet
	opts  []runtime.Option
	where []func(i int) (line, col int) // per handler: the file position of byte i of its condition
}

// add appends h to the set, as a handler of st. at maps a byte offset of
// h.Cond to its file position; nil means the condition is not mapped and
// problems point at its start.
func (b *setBuilder) add(h *Handler, st *scxml.State, at func(i int) (line, col int)) {
	h.index, h.state = len(b.set.Handlers), st
	b.set.Handlers = append(b.set.Handlers, h)
	b.where = append(b.where, at)
}

// finish resolves targets and compiles the conditions. A condition that does not compile becomes a
// LoadProblem and its handler never fires. In an SCXML set a target that
// names no state is a LoadProblem too; the handler still fires. In a flat
// set targets are labels.
func (b *setBuilder) finish() *HandlerSet {
	s := b.set
	b.resolveTargets()
	for i, h := range s.Handlers {
		if strings.TrimSpace(h.Cond) == "" {
			continue
		}
		c, err := runtime.Compile(h.Cond, b.opts...)
		if err != nil {
			h.compile = err
			b.problem(h, i, errorOffset(err), err)
			continue
		}
		h.condition = c
	}
	// The default configuration names states the set itself made, so it
	// always configures.
	s.chart.defaults, _ = s.chart.configure(s.chart.initial)
	b.prepareDispatch()
	return s
}

// prepareDispatch works out once what dispatch needs about the handlers
// whatever the event: where each sits in the state tree, which states its
// transition exits, how it is skipped when it does not match, and the
// index that finds the ones that do.
func (b *setBuilder) prepareDispatch() {
	s := b.set
	s.unmatched = make([]Skip, len(s.Handlers))
	for i, h := range s.Handlers {
		for p := h.state.Parent; p != nil; p = p.Parent {
			h.depth++
		}
		if r := regionOf(h.state); r != nil {
			h.region = r.ID
		}
		h.domain = transitionDomain(h)
		s.unmatched[i] = Skip{Handler: h, Reason: ReasonDescriptor}
		if !h.Enabled {
			s.unmatched[i].Reason = ReasonDisabled
		}
	}
	s.index = newEventIndex(s.Handlers)
}

// resolveTargets finds the states the handlers of an SCXML set target. A
// target still holding Composer's prefix placeholder is left unresolved:
// the handler fires, as a targetless one.
func (b *setBuilder) resolveTargets() {
	if b.set.chart.flat {
		return
	}
	for i, h := range b.set.Handlers {
		for _, id := range strings.Fields(h.Target) {
			t := b.set.chart.byID[id]
			if t == nil && strings.HasPrefix(id, scxml.PrefixPlaceholder) {
				continue // a state of a Composer template, named once the workflow is generated
			}
			if t == nil {
				b.problem(h, i, 0, fmt.Errorf("target %q names no state", id))
				continue
			}
			h.targets = append(h.targets, t)
		}
	}
}

func (b *setBuilder) problem(h *Handler, i, offset int, err error) {
	line, col := h.Line, h.Column
	at := b.where[i]
	if at != nil {
		line, col = at(offset)
	}
	b.set.Problems = append(b.set.Problems, &LoadProblem{
		Handler: h, File: h.File, Line: line, Column: col, Message: problemMessage(h.Cond, err, at), Err: err,
	})
}

// problemMessage is the message of a load problem. The problem carries the
// position in the file, so a compile error's own position is left out, and
// the places its message names (where a bracket was opened) are given in the
// file's coordinates too when the condition's position map is known.
func problemMessage(src string, err error, at func(offset int) (line, col int)) string {
	var ce *cond.Error
	if !errors.As(err, &ce) || len(ce.Diagnostics) == 0 {
		return err.Error()
	}
	d := ce.Diagnostics[0]
	if at == nil {
		return d.Message
	}
	return d.MessageAt(src, func(offset int) string {
		line, col := at(offset)
		return fmt.Sprintf("%d:%d", line, col)
	})
}

// errorOffset is the byte offset in the condition of a compile error's
// first diagnostic.
func errorOffset(err error) int {
	var ce *cond.Error
	if errors.As(err, &ce) && len(ce.Diagnostics) > 0 {
		return ce.Diagnostics[0].Span.Start
	}
	return 0
}
