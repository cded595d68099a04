package statechart

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/scxml"
)

// chart is the state tree dispatch walks. Its states are scxml.States: for
// an SCXML document, the document's own; a flat handler set (a handler
// file, an IPD) is a <parallel> root with one region per state name, all
// active at once, as Composer's application and handler regions are.
type chart struct {
	states   []*scxml.State // document order; states[0] is the root and states[i].Order is i
	byID     map[string]*scxml.State
	initial  []string      // the default configuration
	defaults configuration // initial, configured once the set is built
	flat     bool          // a handler file or IPD: targets are labels, not states
}

// documentChart is the chart of an SCXML document.
func documentChart(doc *scxml.Document) *chart {
	c := &chart{states: doc.States, byID: map[string]*scxml.State{}}
	for _, s := range doc.States[1:] {
		if c.byID[s.ID] == nil {
			c.byID[s.ID] = s // a duplicate id names the first, as in the document
		}
	}
	return c
}

// flatChart starts the chart of a flat set: a <parallel> root.
func flatChart() *chart {
	root := &scxml.State{Type: scxml.TypeParallel}
	return &chart{states: []*scxml.State{root}, byID: map[string]*scxml.State{}, flat: true}
}

// region adds a region of a flat set, active from the start.
func (c *chart) region(id string) *scxml.State {
	root := c.states[0]
	s := &scxml.State{ID: id, Type: scxml.TypeState, Parent: root, Order: len(c.states)}
	root.Children = append(root.Children, s)
	c.states = append(c.states, s)
	c.byID[id] = s
	c.initial = append(c.initial, id)
	return s
}

// parallel reports whether every child of s is active with it.
func parallel(s *scxml.State) bool { return s.Type == scxml.TypeParallel }

// regionOf is the nearest state at or above s whose parent is a <parallel>
// (or the root of a flat set): the region a handler of s selects in.
func regionOf(s *scxml.State) *scxml.State {
	for r := s; r != nil; r = r.Parent {
		if r.Parent != nil && parallel(r.Parent) {
			return r
		}
	}
	return nil
}

// configuration is the active set of one dispatch: every active state and
// the leaves selection starts from.
type configuration struct {
	active []bool         // indexed by order
	leaves []*scxml.State // active states with no active child, in document order
	ids    []string       // every active state's id, for In()
}

// configure builds the legal configuration (W3C SCXML §3.11) that holds
// the given state ids: each state, all its ancestors, every region of an
// active <parallel>, and the default entry of an active compound state
// none of whose children is given. In a flat set the states are labels, so
// only those given are active. An unknown id is an error.
func (c *chart) configure(ids []string) (configuration, error) {
	cfg := configuration{active: make([]bool, len(c.states))}
	for _, id := range ids {
		s := c.byID[id]
		if s == nil {
			return cfg, fmt.Errorf("no state %q (states: %s)", id, strings.Join(c.knownIDs(), ", "))
		}
		for ; s != nil; s = s.Parent {
			cfg.active[s.Order] = true
		}
	}
	if !c.flat {
		byID := func(id string) *scxml.State { return c.byID[id] }
		newEntrySet(documentEntry{state: byID}, cfg.active).complete(c.states)
	}
	hasActiveChild := make([]bool, len(c.states))
	for _, s := range c.states[1:] {
		if cfg.active[s.Order] {
			hasActiveChild[s.Parent.Order] = true
		}
	}
	for _, s := range c.states[1:] {
		if !cfg.active[s.Order] {
			continue
		}
		cfg.ids = append(cfg.ids, s.ID)
		if !hasActiveChild[s.Order] {
			cfg.leaves = append(cfg.leaves, s)
		}
	}
	return cfg, nil
}

func (c *chart) knownIDs() []string {
	const show = 20
	var ids []string
	for _, s := range c.states[1:] {
		if len(ids) == show {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, s.ID)
	}
	return ids
}
