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
var sendTypes = map[string]bool{"": true, "scxml": true, scxmlProcessor: true, basicHTTPProcessor: true, basicHTTPShort: true}

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
	if typ == basicHTTPProcessor || typ == basicHTTPShort {
		return s.sendHTTP(a, name, target, typ, delay, sendid, data)
	}
	if strings.Contains(target, "://") {
		s.recordSend(a, name, target, typ, delay, sendid, data)
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

// recordSend records a send to a target outside the simulation as an
// effect.
func (s *Session) recordSend(a *sendAction, name, target, typ string, delay int64, sendid string, data goja.Value) {
	attrs := map[string]any{"event": name, "target": target, "type": typ, "delay": delay}
	if data != nil {
		attrs["data"] = exportJS(data)
	}
	if sendid != "" {
		attrs["id"] = sendid
	}
	s.sim.record(s, Effect{Action: "send", Attrs: attrs, At: a.at})
}

// sendHTTP sends through the Basic HTTP Event I/O processor: a POST to a
// loopback target, made when the send is due (see http.go); an effect for
// any other host; error.communication when the target is no http URL or
// the POST fails.
func (s *Session) sendHTTP(a *sendAction, name, target, typ string, delay int64, sendid string, data goja.Value) error {
	unreachable := func(err error) {
		s.fail(&failure{name: "error.communication", typ: "Error", msg: "<send>: " + err.Error(), at: a.at, sendid: sendid})
	}
	post, err := httpTarget(target)
	if err != nil {
		unreachable(err)
		return nil
	}
	if !post {
		s.recordSend(a, name, target, typ, delay, sendid, data)
		return nil
	}
	fields, content := httpPayload(data, a.content != nil)
	deliver := func() {
		if err := postEvent(target, name, fields, content); err != nil {
			unreachable(fmt.Errorf("%s: %w", target, err))
			return
		}
		s.sim.collect()
	}
	if delay > 0 {
		s.sim.schedule(&timer{due: s.sim.clock + delay, from: s, sendid: sendid, deliver: deliver})
		return nil
	}
	deliver()
	return nil
}

// httpPayload is what a Basic HTTP send carries: <content> as text, or
// the namelist and <param>s as fields, each value as text (objects as
// JSON).
func httpPayload(data goja.Value, isContent bool) (fields [][2]string, content *string) {
	if isContent {
		text := ""
		if data != nil && !goja.IsUndefined(data) {
			text = display(data)
		}
		return nil, &text
	}
	o, ok := data.(*goja.Object)
	if !ok {
		return nil, nil
	}
	for _, k := range o.Keys() {
		fields = append(fields, [2]string{k, display(o.Get(k))})
	}
	return fields, nil
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
