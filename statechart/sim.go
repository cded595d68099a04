package statechart

import (
	"fmt"
	goruntime "runtime"
	"slices"
)

// simulation is what a session and the sessions it invokes share: the
// virtual clock, the delayed events, and the record of the current step.
type simulation struct {
	root     *Session
	sessions []*Session
	clock    int64
	timers   []*timer
	seq      int
	ids      int
	step     *Step

	http    *httpProcessor // started when first used
	httpErr error          // why it could not start
	closed  bool
}

// timer is a delayed <send>.
type timer struct {
	due     int64
	seq     int
	from    *Session
	sendid  string
	deliver func()
}

// maxEventsPerStep bounds the external events one step may process, so
// sessions that keep sending each other events without delay stop.
const maxEventsPerStep = 100000

func (sim *simulation) newSessionID() string {
	sim.ids++
	return fmt.Sprintf("session%d", sim.ids)
}

// newID makes a platform id (send ids, invoke ids).
func (sim *simulation) newID() string {
	sim.seq++
	return fmt.Sprintf("id%d", sim.seq)
}

func (sim *simulation) begin(ev *Event) *Step {
	sim.step = &Step{Event: ev, Time: sim.clock}
	if sim.root != nil {
		sim.root.micro = 0
	}
	return sim.step
}

func (sim *simulation) end() *Step {
	st := sim.step
	r := sim.root
	st.Time = sim.clock
	st.Configuration = r.Configuration()
	st.Done, st.Final = !r.running, r.Final()
	sim.step = nil
	if !r.running {
		sim.close()
	}
	return st
}

// httpProcessor is the simulation's Basic HTTP Event I/O processor,
// started the first time it is asked for.
func (sim *simulation) httpProcessor() (*httpProcessor, error) {
	switch {
	case sim.closed:
		return nil, fmt.Errorf("the session has ended")
	case sim.http == nil && sim.httpErr == nil:
		sim.http, sim.httpErr = startHTTP()
		if sim.httpErr != nil {
			sim.httpErr = fmt.Errorf("cannot listen on a loopback port: %w", sim.httpErr)
		} else if sim.root != nil {
			// A caller that drops a session without Close does not keep
			// the port open for ever.
			goruntime.AddCleanup(sim.root, (*httpProcessor).close, sim.http)
		}
	}
	return sim.http, sim.httpErr
}

// collect puts the events the HTTP processor received on their sessions'
// external queues; an event for no running session is dropped.
func (sim *simulation) collect() {
	if sim.http == nil {
		return
	}
	for _, a := range sim.http.take() {
		for _, s := range sim.sessions {
			if s.id == a.session && s.running {
				s.enqueue(a.ev)
				break
			}
		}
	}
}

// close stops what the simulation holds open: the HTTP processor.
func (sim *simulation) close() {
	sim.closed = true
	if sim.http != nil {
		sim.http.close()
		sim.http = nil
	}
}

// drain processes external events, one per session in turn, until every
// queue is empty.
func (sim *simulation) drain() {
	for n := 0; ; n++ {
		sim.collect()
		progressed := false
		for _, s := range slices.Clone(sim.sessions) {
			if len(s.external) == 0 {
				continue
			}
			if !s.running {
				s.external = nil
				continue
			}
			ev := s.external[0]
			s.external = s.external[1:]
			s.micro = 0
			s.takeExternal(ev)
			progressed = true
		}
		if !progressed {
			return
		}
		if n > maxEventsPerStep {
			for _, s := range sim.sessions {
				if s.running {
					s.stop(fmt.Sprintf("more than %d events without settling: sessions keep sending events without delay", maxEventsPerStep))
				}
			}
			return
		}
	}
}

func (sim *simulation) schedule(t *timer) {
	sim.seq++
	t.seq = sim.seq
	sim.timers = append(sim.timers, t)
}

// next is the timer due first (in order of scheduling among equals).
func (sim *simulation) next() (int, *timer) {
	best := -1
	for i, t := range sim.timers {
		if best < 0 || t.due < sim.timers[best].due || t.due == sim.timers[best].due && t.seq < sim.timers[best].seq {
			best = i
		}
	}
	if best < 0 {
		return -1, nil
	}
	return best, sim.timers[best]
}

func (sim *simulation) fire(i int, t *timer) {
	sim.timers = slices.Delete(sim.timers, i, i+1)
	sim.clock = max(sim.clock, t.due)
	t.deliver()
	if s := t.from; s.running && len(s.internal) > 0 {
		s.macrostep() // the send failed: its error.communication
	}
	sim.drain()
}

// advance delivers what falls due up to the time `to`, then sets the clock.
// Events that arrived over HTTP meanwhile are taken first, at the current
// time.
func (sim *simulation) advance(to int64) {
	sim.drain()
	for {
		i, t := sim.next()
		if t == nil || t.due > to {
			break
		}
		sim.fire(i, t)
	}
	sim.clock = max(sim.clock, to)
}

// maxSettle bounds the delayed events Settle delivers, for documents that
// keep re-arming a timer.
const maxSettle = 10000

func (sim *simulation) settle() {
	sim.drain()
	for n := 0; n < maxSettle && sim.root.running; n++ {
		i, t := sim.next()
		if t == nil {
			return
		}
		sim.fire(i, t)
	}
}

// cancel drops the delayed events a session sent with sendid.
func (sim *simulation) cancel(from *Session, sendid string) {
	sim.timers = slices.DeleteFunc(sim.timers, func(t *timer) bool { return t.from == from && t.sendid == sendid })
}

// dropTimers forgets what an ended session had sent with a delay.
func (sim *simulation) dropTimers(from *Session) {
	sim.timers = slices.DeleteFunc(sim.timers, func(t *timer) bool { return t.from == from })
}

func (sim *simulation) label(s *Session) string {
	if s == sim.root {
		return ""
	}
	return s.id
}

func (sim *simulation) took(s *Session, t *transition) {
	if sim.step == nil {
		return
	}
	tr := Transition{Source: t.source.id, Event: t.events.String(), At: t.at, Session: sim.label(s)}
	for _, x := range t.targets {
		tr.Targets = append(tr.Targets, x.ID)
	}
	sim.step.Transitions = append(sim.step.Transitions, tr)
}

func (sim *simulation) entered(s *Session, st *state) {
	if sim.step != nil && s == sim.root {
		sim.step.Entered = append(sim.step.Entered, st.id)
	}
}

func (sim *simulation) exited(s *Session, st *state) {
	if sim.step != nil && s == sim.root {
		sim.step.Exited = append(sim.step.Exited, st.id)
	}
}

func (sim *simulation) record(s *Session, x any) {
	if sim.step == nil {
		return
	}
	switch r := x.(type) {
	case Log:
		r.Session = sim.label(s)
		sim.step.Logs = append(sim.step.Logs, r)
	case Effect:
		r.Session, r.Time = sim.label(s), sim.clock
		sim.step.Effects = append(sim.step.Effects, r)
	case Error:
		r.Session = sim.label(s)
		sim.step.Errors = append(sim.step.Errors, r)
	}
}
