package builtins

// EventField documents one of the fields every SCXML _event carries.
type EventField struct {
	Name string
	Doc  string
}

// eventFields are the seven fields of _event (W3C SCXML §5.10.1, §B.2.8;
// ORS-REFERENCE §3.1). Every one is present on _event; a field not supplied
// is undefined, and type defaults to "external".
var eventFields = [...]EventField{
	{"name", "The event's name: what the descriptors of a handler's event attribute are matched against."},
	{"type", `"platform" (errors raised by the platform), "internal" (<raise>, <send target="#_internal">) or "external" (the default).`},
	{"sendid", "The send id of the <send> that produced the event, if any."},
	{"origin", "URI to which a reply to this event can be sent; for ORS functional-module events, the module's fm URI."},
	{"origintype", "The I/O processor type of origin."},
	{"invokeid", "The id of the <invoke> that produced the event, if any."},
	{"data", "The event's payload: for ORS interaction events, an object with fields such as interactionid and resultof."},
}

// EventFields lists the seven W3C _event fields in the order the Recommendation gives them.
func EventFields() []EventField { return append([]EventField(nil), eventFields[:]...) }

// DefaultEventType is the value of _event.type when the caller supplies none.
const DefaultEventType = "external"
