package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"slices"
	"strconv"

	"github.com/condeval/condeval/scxml"
)

// HandlerFix is a document rule's repair, said in terms of handlers: the
// driver writes it into the file in the file's own syntax and escaping
// (an IPD <events> entry, an SCXML <transition>).
type HandlerFix struct {
	Cond string      // the handler's new condition, decoded; "" keeps it
	Add  *NewHandler // a handler to add beside the others; nil for none
}

// NewHandler is a handler a fix adds, as an IPD's Events dialog holds it.
type NewHandler struct {
	Name, Event, Cond, Description string
	Body                           string // SCXML executable content, unescaped
}

// requeued is the "interaction re-queued" handler of Composer 8.1.400.20
// and later (conformance/handlers/composer-8.1.400.20.yaml): after an
// eServices switchover the session waits for interaction.present instead
// of ending on interaction.notcontrolled. Composer's own body is not
// documented; this one logs that the interaction is back.
var requeued = NewHandler{
	Name:        "interaction re-queued",
	Event:       "interaction.present",
	Cond:        "_event.data.interactionid == _data.system.context.InteractionID",
	Description: "The interaction is available to this session again after an eServices switchover.",
	Body:        `<log expr="_sessionid + ': interaction re-queued, available to this session again'"/>`,
}

// handlerSite is where one of a file's handlers sits, in the order of
// handlers(f): what a HandlerFix edits or writes beside.
type handlerSite struct {
	event, cond scxml.Text // cond.Source() is nil when the attribute is missing
	condAttr    string
	start, end  int          // the element's file offsets
	parent      *scxml.State // the state holding a transition; nil for a Composer handler
}

// handlerSites lists the file's handlers where they sit.
func handlerSites(f *scxml.File) []handlerSite {
	var out []handlerSite
	switch {
	case f.Document != nil:
		for _, t := range f.Document.Transitions {
			if t.Event.Value != "" { // as handlers(f) lists them
				out = append(out, handlerSite{event: t.Event, cond: t.Cond, condAttr: "cond", start: t.Pos.Offset, end: t.End, parent: t.Source})
			}
		}
	case f.Process != nil:
		for _, h := range f.Process.Handlers {
			out = append(out, handlerSite{event: h.Event, cond: h.Condition, condAttr: "condition", start: h.Pos.Offset, end: h.End})
		}
	case f.Workflow != nil:
		for _, h := range f.Workflow.Exceptions {
			out = append(out, handlerSite{event: h.Event, cond: h.Condition, condAttr: "condition", start: h.Pos.Offset, end: h.End})
		}
	}
	return out
}

// handlerRepair writes a document finding's fix into the file; nil when
// it has none or part of it cannot be written here.
func (l *fileLinter) handlerRepair(f DocumentFinding) *Repair {
	fx := f.HandlerFix
	sites := handlerSites(l.file)
	if fx == nil || f.Handler >= len(sites) {
		return nil
	}
	depth := 2 // what Composer copies into generated SCXML
	if l.file.Format == scxml.FormatSCXML {
		depth = 1
	}
	var edits []Edit
	if fx.Cond != "" {
		e, ok := l.condEdit(sites[f.Handler], fx.Cond, depth)
		if !ok {
			return nil
		}
		edits = append(edits, e)
	}
	if fx.Add != nil {
		e, ok := l.addEdit(sites, f.Handler, *fx.Add)
		if !ok {
			return nil
		}
		edits = append(edits, e)
	}
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start.Offset - b.Start.Offset })
	return &Repair{Kind: FixKindOf(f.Code), Edits: edits}
}

// condEdit replaces a handler's condition, or adds the attribute after its
// event attribute when it has none.
func (l *fileLinter) condEdit(s handlerSite, cond string, depth int) (Edit, bool) {
	data := l.file.Source.Data
	if s.cond.Source() != nil {
		from, to := s.cond.FileSpan(0, len(s.cond.Value))
		if len(s.cond.Value) == 0 {
			to = from
		}
		quote := byte('"')
		if from > 0 && data[from-1] == '\'' {
			quote = '\''
		}
		return l.editAt(from, to, escapeLayers(cond, depth, quote)), true
	}
	at := s.event.FileOffset(len(s.event.Value)) + 1 // past the event attribute's closing quote
	if at <= 0 || at > len(data) || data[at-1] != '"' && data[at-1] != '\'' {
		return Edit{}, false
	}
	return l.editAt(at, at, " "+s.condAttr+`="`+escapeLayers(cond, depth, '"')+`"`), true
}

// addEdit writes a new handler after the last handler of the file (an
// IPD) or of the state that holds handler h (SCXML), on a line of its own
// indented like that handler.
func (l *fileLinter) addEdit(sites []handlerSite, h int, nh NewHandler) (Edit, bool) {
	anchor := sites[h]
	for _, s := range sites {
		if s.parent == anchor.parent && s.start > anchor.start {
			anchor = s
		}
	}
	data := l.file.Source.Data
	nl, indent := lineBreak(data, anchor.end), indentation(data, anchor.start)
	var text string
	switch l.file.Format {
	case scxml.FormatIxnprocess:
		xmiType := "datatypes:TransitionCommonItem"
		if m := xmiTypeAttr.FindSubmatch(data[anchor.start:anchor.end]); m != nil {
			xmiType = string(m[1])
		}
		text = nl + indent + `<events xmi:type="` + xmiType + `" xmi:id="` + freshXMIID(data, nh.Name) + `" name="` + escapeXML(nh.Name) +
			`" event="` + escapeLayers(nh.Event, 2, '"') + `" condition="` + escapeLayers(nh.Cond, 2, '"') +
			`" body="` + escapeXML(nh.Body) + `" target="false" description="` + escapeXML(nh.Description) + `"/>`
	case scxml.FormatSCXML:
		unit := "\t"
		if indent != "" && indent[0] == ' ' {
			unit = "  "
		}
		text = nl + indent + "<!-- " + nh.Name + " -->" +
			nl + indent + `<transition event="` + escapeXML(nh.Event) + `" cond="` + escapeXML(nh.Cond) + `">` +
			nl + indent + unit + nh.Body +
			nl + indent + "</transition>"
	default:
		return Edit{}, false
	}
	return l.editAt(anchor.end, anchor.end, text), true
}

var xmiTypeAttr = regexp.MustCompile(`\sxmi:type\s*=\s*"([^"&<]*)"`)

func (l *fileLinter) editAt(from, to int, text string) Edit {
	return Edit{Start: l.file.Source.Position(from), End: l.file.Source.Position(to), NewText: text}
}

// lineBreak returns the line break the file uses at offset: that of the
// line it is on, else the file's first, else LF.
func lineBreak(data []byte, offset int) string {
	if i := bytes.IndexByte(data[offset:], '\n'); i >= 0 {
		if i > 0 && data[offset+i-1] == '\r' {
			return "\r\n"
		}
		return "\n"
	}
	if bytes.Contains(data, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// indentation returns the blanks before offset on its line, or "" when
// something else stands there.
func indentation(data []byte, offset int) string {
	start := offset
	for start > 0 && (data[start-1] == ' ' || data[start-1] == '\t') {
		start--
	}
	if start > 0 && data[start-1] != '\n' && data[start-1] != '\r' {
		return ""
	}
	return string(data[start:offset])
}

// freshXMIID returns an xmi:id the file does not use yet, in the form EMF
// gives its ids ('_' and 22 URL-safe base64 characters). It is derived
// from the file and the handler's name, so a fix gives the same id every
// time it runs on the same text.
func freshXMIID(data []byte, name string) string {
	for n := 0; ; n++ {
		sum := sha256.Sum256(append(append(slices.Clip(data), name...), strconv.Itoa(n)...))
		id := "_" + base64.RawURLEncoding.EncodeToString(sum[:])[:22]
		if !bytes.Contains(data, []byte(`"`+id+`"`)) {
			return id
		}
	}
}
