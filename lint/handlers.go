package lint

import "github.com/condeval/condeval/scxml"

// handlerText is a handler with the texts its findings point at.
type handlerText struct {
	HandlerSummary
	event scxml.Text
}

// document runs the document-level rules over the file's handlers.
func (l *fileLinter) document() {
	hs := handlers(l.file)
	if len(hs) == 0 {
		return
	}
	doc := &Document{File: l.file.Path, Handlers: make([]HandlerSummary, len(hs))}
	for i, h := range hs {
		doc.Handlers[i] = h.HandlerSummary
	}
	for _, f := range LintDocument(doc, l.cfg) {
		ev := hs[f.Handler].event
		if l.suppression(ev.FileOffset(0)).Covers(f.Code) {
			continue
		}
		ff := l.locate(f.Finding, scxml.Item{Text: ev, Attr: "event"})
		ff.Repair = l.handlerRepair(f)
		l.add(ff)
	}
}

// handlers lists a file's event handlers: the transitions with an event of
// an SCXML document, the handlers of an IPD, the conditional exceptions of
// a workflow.
func handlers(f *scxml.File) []handlerText {
	var out []handlerText
	switch {
	case f.Document != nil:
		for _, t := range f.Document.Transitions {
			if t.Event.Value != "" {
				out = append(out, handlerText{HandlerSummary{Event: t.Event.Value, Cond: t.Cond.Value, EndsSession: t.EndsSession}, t.Event})
			}
		}
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

func composerHandler(h *scxml.ComposerHandler) handlerText {
	return handlerText{HandlerSummary{
		Event: h.Event.Value, Cond: h.Condition.Value, Disabled: !h.Enabled, EndsSession: h.EndsSession,
	}, h.Event}
}
