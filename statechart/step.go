package statechart

// Step is what one call into a session did: start-up, one event and all it
// caused, or a move of the clock.
type Step struct {
	Event         *Event       `json:"event"`
	Time          int64        `json:"time"`
	Configuration []string     `json:"configuration"`
	Transitions   []Transition `json:"transitions"`
	Exited        []string     `json:"exited"`
	Entered       []string     `json:"entered"`
	Logs          []Log        `json:"logs"`
	Effects       []Effect     `json:"effects"`
	Errors        []Error      `json:"errors"`
	Done          bool         `json:"done"`
	Final         string       `json:"final,omitempty"`
}

// Transition is a transition taken.
type Transition struct {
	Source  string   `json:"source"`
	Targets []string `json:"targets"`
	Event   string   `json:"event,omitempty"`
	At      place    `json:"at"`
	Session string   `json:"session,omitempty"` // an invoked session's id; "" for the main one
}

// Log is what a <log> wrote.
type Log struct {
	Label   string `json:"label,omitempty"`
	Message string `json:"message"`
	At      place  `json:"at"`
	Session string `json:"session,omitempty"`
}

// Effect is an action the simulation records instead of doing: an ORS
// extension action (ixn:*, queue:*, …) or a <send> to a target outside the
// simulation.
type Effect struct {
	Action  string         `json:"action"`
	Attrs   map[string]any `json:"attrs"`
	At      place          `json:"at"`
	Time    int64          `json:"time"`
	Session string         `json:"session,omitempty"`
}

// Error is an error event the session raised (error.execution,
// error.communication), or the limit that stopped it (error.limit).
type Error struct {
	Name    string `json:"name"`
	Type    string `json:"type,omitempty"`
	Message string `json:"message"`
	At      place  `json:"at"`
	Session string `json:"session,omitempty"`
}
