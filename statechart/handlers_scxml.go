package statechart

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// ComposerHandlerState is the state Composer generates an IPD's event
// handlers into; the handlers of an .ixnprocess are its transitions.
const ComposerHandlerState = scxml.ComposerHandlerState

// ReadSCXMLHandlers reads the transitions of an SCXML document as a handler
// set. Each transition is named STATE#N, N counting the transitions of its
// state from 1. The set's default configuration is the document's initial
// configuration.
func ReadSCXMLHandlers(name string, data []byte, opts ...runtime.Option) (*HandlerSet, error) {
	doc, err := scxml.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return DocumentHandlers(doc, opts...), nil
}

// DocumentHandlers builds the handler set of a parsed SCXML document.
func DocumentHandlers(doc *scxml.Document, opts ...runtime.Option) *HandlerSet {
	return documentSet(doc, opts).finish()
}

// documentSet starts the handler set of a document: one handler per
// transition.
func documentSet(doc *scxml.Document, opts []runtime.Option) *setBuilder {
	set := &HandlerSet{Name: cmp.Or(doc.Name, doc.File), File: doc.File, chart: documentChart(doc)}
	b := &setBuilder{set: set, opts: opts}
	count := map[*scxml.State]int{}
	for _, t := range doc.Transitions {
		count[t.Source]++
		h := &Handler{
			Name:     fmt.Sprintf("%s#%d", t.Source.ID, count[t.Source]),
			Event:    builtins.ParseDescriptors(t.Event.Value),
			Cond:     t.Cond.Value,
			File:     doc.File,
			Enabled:  true,
			State:    t.Source.ID,
			Target:   strings.Join(t.Targets, " "),
			internal: t.Type == "internal",
			// Whether it ends the session is read from the document.
			EndsSession: t.EndsSession,
		}
		b.add(h, t.Source, placeCond(h, t.Cond, t.Pos))
	}
	set.chart.initial = initialConfiguration(doc)
	return b
}

// ReadProcessHandlers reads the <events> handlers of a Composer .ixnprocess.
// They become the transitions of one state, ComposerHandlerState, in their
// order in the file, as Composer generates them; disabled handlers are kept
// and never fire. A handler whose body raises scxml.ComposerExitEvent ends
// the session.
func ReadProcessHandlers(name string, data []byte, opts ...runtime.Option) (*HandlerSet, error) {
	p, err := scxml.ReadProcess(name, data)
	if err != nil {
		return nil, err
	}
	return ProcessHandlers(p, opts...), nil
}

// ProcessHandlers builds the handler set of a parsed Composer IPD.
func ProcessHandlers(p *scxml.Process, opts ...runtime.Option) *HandlerSet {
	return composerSet(cmp.Or(p.Name, p.File), p.File, p.Handlers, opts).finish()
}

// composerSet starts the handler set of Composer event handlers: the
// transitions of one state, ComposerHandlerState.
func composerSet(name, file string, hs []*scxml.ComposerHandler, opts []runtime.Option) *setBuilder {
	set := &HandlerSet{Name: name, File: file, chart: flatChart()}
	st := set.chart.region(ComposerHandlerState)
	b := &setBuilder{set: set, opts: opts}
	for _, ph := range hs {
		h := &Handler{
			Name:        ph.Name,
			Event:       builtins.ParseDescriptors(ph.Event.Value),
			Cond:        ph.Condition.Value,
			File:        file,
			Enabled:     ph.Enabled,
			State:       ComposerHandlerState,
			Description: ph.Description,
			EndsSession: ph.EndsSession,
		}
		b.add(h, st, placeCond(h, ph.Condition, ph.Pos))
	}
	return b
}

// placeCond puts h where its condition starts, or at pos (its element) when
// it has none, and returns the map from a byte offset of the condition to
// its file position that load problems are reported with.
func placeCond(h *Handler, cond scxml.Text, pos scxml.Position) func(int) (int, int) {
	if strings.TrimSpace(cond.Value) == "" {
		h.Line, h.Column = pos.Line, pos.Column
		return func(int) (int, int) { return pos.Line, pos.Column }
	}
	at := func(i int) (int, int) { p := cond.Pos(i); return p.Line, p.Column }
	h.Line, h.Column = at(0)
	return at
}
