package statechart

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// Session is one running SCXML session, with the sessions it invoked. It
// owns one writable ECMAScript datamodel and processes one event at a time;
// it is not safe for concurrent use. Time is virtual: a delayed <send>
// never sleeps, Advance and Settle move the clock.
type Session struct {
	m    *Machine
	sim  *simulation
	opts Options
	sb   *runtime.Sandbox
	rt   *goja.Runtime
	id   string

	parent    *Session
	invokeID  string     // the id its parent invoked it under
	def       *invokeDef // the <invoke> that started it, for a child
	invokedIn *state     // the parent state it was invoked in
	children  []*Session
	cancelled bool

	active   []bool                          // by state order
	bound    []bool                          // late binding: the state's data is initialised
	history  map[*scxml.State][]*scxml.State // by history state: what it recorded
	internal []*Event
	external []*Event
	toInvoke []*state
	running  bool
	exited   bool
	// finalConfig is the configuration the session ended in: W3C exits
	// every state at the end, but what it ended in is what a user asks.
	finalConfig []string
	final       *state
	micro       int // microsteps in the current external step

	current *Event       // the event being processed
	event   *goja.Object // _event, once read
	setters map[*expr]goja.Callable
	params  map[string]any // data values an invoking session passed
	dom     map[*goja.Object]*scxml.Element
}

// Options are what a session starts with.
type Options struct {
	// System is the Composer system-variable object, copied in as the
	// global `system`.
	System map[string]any
	// Globals are further global variables, copied in.
	Globals map[string]any
	// Genesys declares what `_genesys.*` gives: a path such as
	// "ixn.interactions" reads as its value; a path ending in "()", such as
	// "session.timeInZone()", is a function returning the value. Anything
	// else the strategy reads of _genesys throws, so error.execution names
	// it.
	Genesys map[string]any
	// MaxMicrosteps bounds the microsteps one event may cause (default
	// 10000), so eventless transitions that never settle stop the session
	// with an error instead of hanging.
	MaxMicrosteps int
	// Sandbox are the limits each expression runs under.
	Sandbox []runtime.Option
}

func (o Options) maxMicrosteps() int {
	if o.MaxMicrosteps > 0 {
		return o.MaxMicrosteps
	}
	return 10000
}

// Event is an event a session processes: given by the caller, raised,
// sent, or made by the platform (errors, done events).
type Event struct {
	Name       string `json:"name"`
	Type       string `json:"type,omitempty"` // internal, external or platform; external when empty
	SendID     string `json:"sendid,omitempty"`
	Origin     string `json:"origin,omitempty"`
	OriginType string `json:"origintype,omitempty"`
	InvokeID   string `json:"invokeid,omitempty"`
	Data       any    `json:"data,omitempty"`
	// Raw is the event as it arrived, for the Basic HTTP Event I/O
	// processor: the whole HTTP request (_event.raw).
	Raw string `json:"raw,omitempty"`

	js    goja.Value // Data as made in owner's runtime, when it was
	owner *Session
}

// Start loads nothing more: it makes the session, sets up its datamodel and
// enters the initial configuration. The Step tells what start-up did.
func (m *Machine) Start(opts Options) (*Session, *Step, error) {
	sim := &simulation{}
	s, err := newSession(m, sim, opts, nil, "", nil, nil)
	if err != nil {
		return nil, nil, err
	}
	sim.root = s
	sim.begin(nil)
	s.start()
	sim.drain()
	return s, sim.end(), nil
}

func newSession(m *Machine, sim *simulation, opts Options, parent *Session, invokeID string, def *invokeDef, params map[string]any) (*Session, error) {
	s := &Session{
		m: m, sim: sim, opts: opts, parent: parent, invokeID: invokeID, def: def,
		sb:      runtime.NewSandbox(opts.Sandbox...),
		active:  make([]bool, len(m.states)),
		bound:   make([]bool, len(m.states)),
		history: map[*scxml.State][]*scxml.State{},
	}
	s.rt = s.sb.Runtime()
	s.id = sim.newSessionID()
	sim.sessions = append(sim.sessions, s)
	if err := s.setupDatamodel(params); err != nil {
		return nil, err
	}
	return s, nil
}

// start initialises the data (all of it, or only the root's with late
// binding), runs the top-level scripts and enters the initial states.
func (s *Session) start() {
	s.running = true
	if s.m.late {
		s.bindData(s.m.root)
	} else {
		for _, st := range s.m.states {
			s.bindData(st)
		}
	}
	for _, sc := range s.m.scripts {
		if _, err := s.value(sc); err != nil {
			s.fail(err)
		}
	}
	if s.m.root.initial == nil {
		s.stop("the document has no state to start in")
		return
	}
	init := *s.m.root.initial
	init.internal = true
	s.enterStates([]*transition{&init})
	s.macrostep()
}

// stop ends the session with an error that is not an event: a limit.
func (s *Session) stop(msg string) {
	s.sim.record(s, Error{Name: "error.limit", Type: "LimitError", Message: msg, At: s.m.root.at})
	s.running = false
	s.internal = nil
}

func (s *Session) raiseInternal(ev *Event, data *doneValue) {
	s.internal = append(s.internal, s.withData(ev, data, s))
}

// enqueue puts an event on the external queue; the simulation takes it in
// turn.
func (s *Session) enqueue(ev *Event) {
	if s.running {
		s.external = append(s.external, ev)
	}
}

// doneValue is data made in one session, to deliver to one (maybe another).
type doneValue struct {
	v goja.Value
}

// withData attaches data made in session from to ev.
func (s *Session) withData(ev *Event, d *doneValue, from *Session) *Event {
	if d != nil && d.v != nil {
		ev.js, ev.owner = d.v, from
	}
	return ev
}

// setEvent binds _event to ev. The object is made when a condition or
// script first reads it: most events a strategy gets are matched by name
// alone, and making it costs more than the rest of a step.
func (s *Session) setEvent(ev *Event) {
	s.current, s.event = ev, nil
}

// eventObject is _event: the current event as an object of the session's
// runtime, made once per event.
func (s *Session) eventObject() goja.Value {
	if s.event != nil {
		return s.event
	}
	ev := s.current
	if ev == nil {
		return goja.Undefined()
	}
	o := s.rt.NewObject()
	typ := ev.Type
	if typ == "" {
		typ = "external"
	}
	set := func(k string, v string) {
		if v == "" {
			_ = o.Set(k, goja.Undefined())
		} else {
			_ = o.Set(k, v)
		}
	}
	set("name", ev.Name)
	set("type", typ)
	set("sendid", ev.SendID)
	set("origin", ev.Origin)
	set("origintype", ev.OriginType)
	set("invokeid", ev.InvokeID)
	_ = o.Set("data", s.eventData(ev))
	if ev.Raw != "" {
		_ = o.Set("raw", ev.Raw)
	}
	s.event = o
	return o
}

// eventData is the event's data as a value of this session's runtime: its
// own object when it was made here, else a copy.
func (s *Session) eventData(ev *Event) goja.Value {
	switch {
	case ev.js != nil && ev.owner == s:
		return ev.js
	case ev.js != nil:
		return toJS(s.rt, exportJS(ev.js))
	case ev.Data != nil:
		return toJS(s.rt, ev.Data)
	}
	return goja.Undefined()
}

// exportJS turns a runtime's value into JSON-shaped Go data.
func exportJS(v goja.Value) any {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	return v.Export()
}

// toJS copies JSON-shaped Go data into plain objects and arrays of rt, so
// nothing the session does can reach the caller's maps.
func toJS(rt *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case map[string]any:
		o := rt.NewObject()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			_ = o.Set(k, toJS(rt, x[k]))
		}
		return o
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = toJS(rt, e)
		}
		return rt.NewArray(items...)
	case json.Number:
		f, _ := x.Float64()
		return rt.ToValue(f)
	case string, bool, float64, int, int64, float32, int32, uint, uint32, uint64:
		return rt.ToValue(x)
	case goja.Value:
		return x
	}
	// Typed maps and slices: through JSON.
	b, err := json.Marshal(v)
	if err != nil {
		return goja.Undefined()
	}
	var generic any
	if json.Unmarshal(b, &generic) != nil {
		return goja.Undefined()
	}
	return toJS(rt, generic)
}

// Configuration is the active atomic states, in document order; once the
// session has ended, those it ended in.
func (s *Session) Configuration() []string {
	if s.exited {
		return s.finalConfig
	}
	var out []string
	for _, st := range s.configuration() {
		if st.atomic() {
			out = append(out, st.id)
		}
	}
	return out
}

// Active is every active state, in document order.
func (s *Session) Active() []string {
	var out []string
	for _, st := range s.configuration() {
		out = append(out, st.id)
	}
	return out
}

// Done reports whether the session has ended.
func (s *Session) Done() bool { return !s.running }

// Final is the id of the top-level <final> state the session reached, ""
// when it has not (or ended otherwise).
func (s *Session) Final() string {
	if s.final == nil {
		return ""
	}
	return s.final.id
}

// ID is _sessionid.
func (s *Session) ID() string { return s.id }

// Time is the virtual clock, in milliseconds since start.
func (s *Session) Time() int64 { return s.sim.clock }

// Send processes an external event, and everything it causes, at the
// current virtual time.
func (s *Session) Send(ev Event) *Step { return s.SendAfter(ev, 0) }

// SendAfter moves the clock by ms (delivering what falls due on the way),
// then processes ev; the Step holds all of it.
func (s *Session) SendAfter(ev Event, ms int64) *Step {
	e := ev
	if e.Type == "" {
		e.Type = "external"
	}
	s.sim.begin(&e)
	s.sim.advance(s.sim.clock + ms)
	s.enqueue(&e)
	s.sim.drain()
	return s.sim.end()
}

// Advance moves the virtual clock by ms, delivering the delayed events that
// fall due on the way.
func (s *Session) Advance(ms int64) *Step {
	s.sim.begin(nil)
	s.sim.advance(s.sim.clock + ms)
	return s.sim.end()
}

// Settle jumps the clock from one pending delayed event to the next until
// none is left or the session is done.
func (s *Session) Settle() *Step {
	s.sim.begin(nil)
	s.sim.settle()
	return s.sim.end()
}

// Eval evaluates an expression in the session's datamodel, as a condition
// of the document would (it may change the datamodel), and returns its
// value as JSON-shaped Go data. An error is the error.execution a
// condition would raise, with its class and message.
func (s *Session) Eval(src string) (any, error) {
	e := compileText(src, scxml.Text{Value: src}, s.m.File, formValue)
	v, err := s.value(e)
	if err != nil {
		return nil, err
	}
	return exportJS(v), nil
}

// Close stops what the session holds open (the Basic HTTP Event I/O
// processor's port, when it was used); a session that ended has closed it
// already. The session takes no more events after Close.
func (s *Session) Close() {
	s.sim.close()
	for _, o := range s.sim.sessions {
		o.running = false
	}
}

// Pending is how many delayed events wait to be delivered.
func (s *Session) Pending() int { return len(s.sim.timers) }

func (s *Session) String() string { return fmt.Sprintf("session %s (%s)", s.id, s.m.File) }
