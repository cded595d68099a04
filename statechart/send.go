package statechart

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// I/O processor types <send> accepts.
const (
	basicHTTPProcessor = "http://www.w3.org/TR/scxml/#BasicHTTPEventProcessor"
)

var sendTypes = map[string]bool{"": true, "scxml": true, scxmlProcessor: true, basicHTTPProcessor: true, "basichttp": true}

func (a *sendAction) run(s *Session) error {
	text := func(lit string, e *expr) (string, error) {
		if e == nil {
			return unquote(lit), nil
		}
		v, err := s.value(e)
		if err != nil {
			return "", err
		}
		return v.String(), nil
	}
	name, err := text(a.event, a.eventExpr)
	if err != nil {
		return err
	}
	target, err := text(a.target, a.targetExpr)
	if err != nil {
		return err
	}
	typ, err := text(a.typ, a.typeExpr)
	if err != nil {
		return err
	}
	delayText, err := text(a.delay, a.delayExpr)
	if err != nil {
		return err
	}
	sendid := a.id
	if a.idLoc != nil {
		sendid = s.sim.newID()
		if err := s.assign(a.idLoc, s.rt.ToValue(sendid)); err != nil {
			return err
		}
	}
	delay, ok := parseDelay(delayText)
	if !ok {
		return &failure{name: "error.execution", typ: "Error", msg: fmt.Sprintf("<send>: %q is not a delay (write e.g. 500ms or 1.5s)", delayText), at: a.at}
	}
	var data goja.Value
	switch {
	case a.content != nil:
		data, err = s.contentValue(a.content)
	case len(a.namelist) > 0 || len(a.params) > 0:
		data, err = s.paramObject(a.namelist, a.params)
	}
	if err != nil {
		return err
	}
	if !sendTypes[typ] {
		return &failure{name: "error.execution", typ: "Error", msg: fmt.Sprintf("<send>: the event I/O processor type %q is not supported", typ), at: a.at}
	}
	ev := &Event{Name: name, Type: "external", SendID: sendid, Origin: "#_scxml_" + s.id, OriginType: scxmlProcessor}
	if data != nil {
		ev.js, ev.owner = data, s
	}
	if typ == basicHTTPProcessor || typ == "basichttp" || strings.Contains(target, "://") {
		// Outside the simulation: recorded, never sent.
		attrs := map[string]any{"event": name, "target": target, "type": typ, "delay": delay}
		if data != nil {
			attrs["data"] = exportJS(data)
		}
		if sendid != "" {
			attrs["id"] = sendid
		}
		s.sim.record(s, Effect{Action: "send", Attrs: attrs, At: a.at})
		return nil
	}
	deliver, err := s.route(target, ev, a.at)
	if err != nil {
		return err
	}
	if deliver == nil {
		return nil
	}
	if delay > 0 {
		s.sim.schedule(&timer{due: s.sim.clock + delay, from: s, sendid: sendid, deliver: deliver})
		return nil
	}
	deliver()
	return nil
}

// route finds where an event sent to target goes and returns the function
// that delivers it then. A target it cannot reach raises
// error.communication (and returns a nil function); one that is not a
// target at all fails with error.execution.
func (s *Session) route(target string, ev *Event, at place) (func(), error) {
	unreachable := func() (func(), error) {
		s.fail(&failure{name: "error.communication", typ: "Error", msg: fmt.Sprintf("<send>: no session or invocation answers to %q", target), at: at, sendid: ev.SendID})
		return nil, nil
	}
	switch {
	case target == "":
		return func() { s.enqueue(ev) }, nil
	case target == "#_internal":
		ev.Type = "internal"
		return func() {
			if s.running {
				s.internal = append(s.internal, ev)
			}
		}, nil
	case target == "#_parent":
		if s.parent == nil {
			return unreachable()
		}
		ev.InvokeID = s.invokeID
		p := s.parent
		return func() { p.enqueue(ev) }, nil
	case strings.HasPrefix(target, "#_scxml_"):
		id := strings.TrimPrefix(target, "#_scxml_")
		for _, o := range s.sim.sessions {
			if o.id == id && o.running {
				if o.parent == s {
					ev.InvokeID = ""
				} else if s.parent == o {
					ev.InvokeID = s.invokeID
				}
				return func() { o.enqueue(ev) }, nil
			}
		}
		return unreachable()
	case strings.HasPrefix(target, "#_"):
		id := strings.TrimPrefix(target, "#_")
		for _, c := range s.children {
			if c.invokeID == id && c.live() {
				return func() { c.enqueue(ev) }, nil
			}
		}
		return unreachable()
	}
	return nil, &failure{name: "error.execution", typ: "Error", msg: fmt.Sprintf("<send>: %q is not a target the SCXML event processor knows", target), at: at, sendid: ev.SendID}
}

// unquote drops the quotes of a string literal written where a plain value
// belongs: Composer writes <send event="'application.start'"
// delay="'1s'">, which ORS accepts.
func unquote(lit string) string {
	if len(lit) >= 2 && lit[0] == '\'' && lit[len(lit)-1] == '\'' {
		return lit[1 : len(lit)-1]
	}
	return lit
}

var delayPattern = regexp.MustCompile(`^\s*(\d*\.?\d+)\s*(ms|s|m|h|d)?\s*$`)

var delayUnits = map[string]float64{"": 1, "ms": 1, "s": 1000, "m": 60000, "h": 3600000, "d": 86400000}

// parseDelay reads a CSS2 time ("500ms", "1.5s"; a bare number is
// milliseconds) as milliseconds.
func parseDelay(text string) (int64, bool) {
	if strings.TrimSpace(text) == "" {
		return 0, true
	}
	m := delayPattern.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	ms := f * delayUnits[m[2]]
	if ms > math.MaxInt64/2 {
		return 0, false
	}
	return int64(math.Round(ms)), true
}
