package builtins

// EventField documents one of the fields every SCXML _event carries.
type EventField struct {
	Name string
	Doc  string
}

// eventFields are the seven fields of _event (W3C SCXML §5.10.1, §B.2.8;
// docs/ors.md §3). Every one is present on _event; a field not supplied
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

// rawField is _event.raw, which only events received through the Basic HTTP
// Event I/O Processor carry (W3C SCXML §C.2; tests 509, 518, 519, 520, 534):
// declared, so reading it is no typo, but not one of the seven fields every
// _event has.
var rawField = decl(KindString, "raw",
	"The raw HTTP message of an event received through the Basic HTTP Event I/O Processor; undefined for other events.").
	cite(Documented, "W3C §C.2")

// eventDecl declares _event: the seven W3C fields and raw, closed (anything
// else on _event is a typo, though Object.prototype members such as toSource
// are still inherited), with data as the given payload declaration.
func eventDecl(data Decl) Decl {
	fields := make([]Decl, len(eventFields))
	for i, f := range eventFields {
		fields[i] = decl(KindString, f.Name, f.Doc)
	}
	d := object("_event",
		"The event being processed. It has the seven W3C fields; a field without a value is undefined. For ORS events the payload is in _event.data. Unbound at start-up, and eventless transitions see the last event.",
		fields...,
	).cite(Documented, "W3C §5.10.1, §B.2.8 (docs/ors.md §3)").closed().rooted(FromSCXML)
	d.fields[len(d.fields)-1] = data // the payload and its attributes are ORS's
	d.fields = append(d.fields, rawField.rooted(FromSCXML))
	return d
}

// eventDataDecl declares _event.data for a handler: open, since ORS may
// send more attributes than the sources list.
func eventDataDecl(fields []Decl, of string) Decl {
	d := object("data", "The payload of "+of+". Fields ORS does not send read as undefined.", fields...)
	d.Source, d.Evidence, d.Origin = "docs/ors.md §2, §3", Observed, FromORS
	return d
}

// doneDataField declares every field of a payload that a document's own
// <donedata> makes, which no catalog can list.
var doneDataField = decl(KindAny, "data[name]",
	"A field of the <donedata> of the final state or invoked session that finished; the document decides its names.").
	cite(Documented, "W3C §5.5, §6.4").rooted(FromSCXML)
