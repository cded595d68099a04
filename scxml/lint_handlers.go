package scxml

import (
	"regexp"
	"strings"

	"github.com/condeval/condeval/cond"
)

// handlerText is a handler with the texts its findings point at.
type handlerText struct {
	cond.Handler
	event Text
}

// document runs the document-level rules over the file's handlers.
func (l *fileLinter) document() {
	hs := handlers(l.file)
	if len(hs) == 0 {
		return
	}
	doc := &cond.Document{File: l.file.Path, Handlers: make([]cond.Handler, len(hs))}
	for i, h := range hs {
		doc.Handlers[i] = h.Handler
	}
	for _, f := range cond.LintDocument(doc, l.cfg) {
		ev := hs[f.Handler].event
		if l.suppression(ev.FileOffset(0)).Covers(f.Code) {
			continue
		}
		l.add(l.locate(f.Finding, Item{Text: ev, Attr: "event"}))
	}
}

// handlers lists a file's event handlers: the transitions with an event of
// an SCXML document, the handlers of an IPD, the conditional exceptions of
// a workflow.
func handlers(f *File) []handlerText {
	var out []handlerText
	switch {
	case f.Document != nil:
		out = transitionHandlers(f.Document)
	case f.Process != nil:
		for _, h := range f.Process.Handlers {
			out = append(out, composerHandler(h))
		}
	case f.Workflow != nil:
		for _, h := range f.Workflow.Exceptions {
			out = append(out, composerHandler(h))
		}
	}
	return out
}

// raisesExit finds Composer's way of ending the session in an escaped
// handler body: raising application.exit.
var raisesExit = regexp.MustCompile(`<raise\s[^>]*event\s*=\s*["']application\.exit["']`)

func composerHandler(h *Handler) handlerText {
	return handlerText{cond.Handler{
		Event: h.Event.Value, Cond: h.Condition.Value, Disabled: !h.Enabled,
		EndsSession: raisesExit.MatchString(h.Body.Value),
	}, h.Event}
}

// transitionHandlers reads the transitions with an event attribute, and
// whether each ends the session: it raises or sends application.exit,
// runs <exit>, or targets a <final> child of the root.
func transitionHandlers(d *Document) []handlerText {
	x, err := parseXML(d.Source)
	if err != nil {
		return nil
	}
	finals := map[string]bool{}
	for _, s := range d.Root.Children {
		if s.Type == TypeFinal {
			finals[s.ID] = true
		}
	}
	var out []handlerText
	for _, r := range x.Roots {
		r.walk(func(n *node) bool {
			if !isSCXML(n) {
				return false
			}
			if n.Name.Local == "initial" || n.Name.Local == "history" {
				return false
			}
			ev, ok := n.attr("event")
			if n.Name.Local != "transition" || !ok || ev.Value == "" {
				return true
			}
			c, _ := n.attr("cond")
			out = append(out, handlerText{cond.Handler{Event: ev.Value, Cond: c.Value, EndsSession: endsSession(n, finals)}, ev})
			return false
		})
	}
	return out
}

func endsSession(t *node, finals map[string]bool) bool {
	for _, id := range strings.Fields(t.value("target")) {
		if finals[id] {
			return true
		}
	}
	ends := false
	for _, k := range t.Kids {
		k.walk(func(n *node) bool {
			switch n.Name.Local {
			case "raise", "send":
				ends = ends || n.value("event") == "application.exit" || n.value("eventexpr") == "'application.exit'"
			case "exit":
				ends = true
			}
			return !ends
		})
	}
	return ends
}
