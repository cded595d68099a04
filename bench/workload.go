package bench

import (
	"encoding/json"
	"fmt"
)

// Input is what one evaluation sees: the _event object, the Composer system
// object and the active states. Every engine reads the same maps.
type Input struct {
	Event  map[string]any
	System map[string]any
	States []string
}

// Condition is one condition written once per engine, each in that engine's
// own language, so every engine is measured doing the same job.
type Condition struct {
	Name string
	JS   string // ECMAScript, for condeval and raw goja
	Expr string // expr-lang/expr
	CEL  string // cel-go, with _event and system as map(string, dyn) and _states as list(string)
	Go   func(Input) bool
}

// Case is one event as it arrives: JSON text, as ORS hands it over, with the
// outcome every condition must have for it.
type Case struct {
	Name   string
	Event  string // the _event object
	System string // the system object
	States []string
	Want   map[string]bool // condition name → outcome
}

// Raw is the case's JSON text.
func (c Case) Raw() RawInput {
	return RawInput{Event: []byte(c.Event), System: []byte(c.System), States: c.States}
}

// Decode turns the case's JSON into fresh maps, the way a service does for
// every event it receives.
func (c Case) Decode() (Input, error) {
	in := Input{States: c.States}
	if err := json.Unmarshal([]byte(c.Event), &in.Event); err != nil {
		return Input{}, fmt.Errorf("case %s: event: %w", c.Name, err)
	}
	if err := json.Unmarshal([]byte(c.System), &in.System); err != nil {
		return Input{}, fmt.Errorf("case %s: system: %w", c.Name, err)
	}
	return in, nil
}

// Conditions returns the four conditions of the workload: the vendor's
// switchover condition (with its missing parenthesis restored), a
// Composer-style guard chain, a read of nested user data, and a string method.
func Conditions() []Condition {
	return []Condition{
		{
			Name: "seed",
			JS:   `_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')`,
			Expr: `_event.data.interactionid == system.InteractionID && (_event.data.resultof == nil || _event.data.resultof == "" || _event.data.resultof == "deletion")`,
			CEL:  `_event.data.interactionid == system.InteractionID && (!has(_event.data.resultof) || _event.data.resultof == '' || _event.data.resultof == 'deletion')`,
			Go:   seedGo,
		},
		{
			Name: "composer",
			JS: `typeof system.SessionID != 'undefined' && system.Type != 'consult' && typeof _event.data.focusdeviceid == 'string' && ` +
				`_event.data.devicetype == 'routepoint' && system.LastErrorEventName == 'undefined' && In('Routing')`,
			Expr: `"SessionID" in system && system.Type != "consult" && type(_event.data.focusdeviceid) == "string" && ` +
				`_event.data.devicetype == "routepoint" && system.LastErrorEventName == "undefined" && In("Routing")`,
			CEL: `has(system.SessionID) && system.Type != 'consult' && type(_event.data.focusdeviceid) == string && ` +
				`_event.data.devicetype == 'routepoint' && system.LastErrorEventName == 'undefined' && In(_states, 'Routing')`,
			Go: composerGo,
		},
		{
			Name: "nested",
			JS: `_event.data.udata.customer.segment == 'gold' && _event.data.udata.customer.language == system.Language && ` +
				`_event.data.udata.routing.priority > 5 && _event.data.udata.routing.skill == 'billing' && _event.data.udata.channel.media == 'chat'`,
			Expr: `_event.data.udata.customer.segment == "gold" && _event.data.udata.customer.language == system.Language && ` +
				`_event.data.udata.routing.priority > 5 && _event.data.udata.routing.skill == "billing" && _event.data.udata.channel.media == "chat"`,
			CEL: `_event.data.udata.customer.segment == 'gold' && _event.data.udata.customer.language == system.Language && ` +
				`_event.data.udata.routing.priority > 5.0 && _event.data.udata.routing.skill == 'billing' && _event.data.udata.channel.media == 'chat'`,
			Go: nestedGo,
		},
		{
			Name: "lower",
			JS:   `_event.data.routetype.toLowerCase() === 'gns'`,
			Expr: `lower(_event.data.routetype) == "gns"`,
			CEL:  `_event.data.routetype.lowerAscii() == 'gns'`,
			Go:   lowerGo,
		},
	}
}

// System objects as an initialised Composer session holds them (docs/ors.md §4).
const (
	systemInbound = `{"SessionID":"00KF2F9OLCADR2FNC2O4H5LAES00001A","InteractionID":"000PaG8U4SYB001N",` +
		`"InitialInteractionID":"000PaG8U4SYB001N","ParentInteractionID":"","InteractionUID":"0197a3f2-5512",` +
		`"ThisDN":"7001","TenantID":101,"TenantName":"Environment","Type":"Inbound","Language":"en-US",` +
		`"LastErrorEventName":"undefined","TerminateIxnOnExit":1}`
	systemConsult = `{"SessionID":"00KF2F9OLCADR2FNC2O4H5LAES00001B","InteractionID":"000PaG8U4SYB001N",` +
		`"InitialInteractionID":"000PaG8U4SYB001N","ParentInteractionID":"000PaG8U4SYB0011","InteractionUID":"0197a3f2-5513",` +
		`"ThisDN":"7002","TenantID":101,"TenantName":"Environment","Type":"consult","Language":"en-US",` +
		`"LastErrorEventName":"undefined","TerminateIxnOnExit":1}`
	// systemStarting is a session before interaction.added: no SessionID yet.
	systemStarting = `{"InteractionID":"000PaG8U4SYB001N","InitialInteractionID":"000PaG8U4SYB001N",` +
		`"ParentInteractionID":"","InteractionUID":"0197a3f2-5514","ThisDN":"7001","TenantID":101,` +
		`"TenantName":"Environment","Type":"Inbound","Language":"en-US","LastErrorEventName":"undefined",` +
		`"TerminateIxnOnExit":1,"WebServiceStubbing":"0"}`
)

// Cases returns the events of the workload; together they make every
// condition both true and false.
func Cases() []Case {
	return []Case{
		{
			Name: "deleted",
			Event: `{"name":"interaction.notcontrolled","type":"external","data":{"interactionid":"000PaG8U4SYB001N",` +
				`"resultof":"deletion","focusdeviceid":"7001","devicetype":"routepoint","routetype":"GNS","tenantid":101,` +
				`"mediatype":"chat","requestid":"42","reason":"deleted","timestamp":"2024-05-06T10:15:00Z","queue":"chat_in",` +
				`"udata":{"customer":{"segment":"gold","language":"en-US","id":"C-1001"},"routing":{"priority":7,"skill":"billing"},` +
				`"channel":{"media":"chat","origin":"web"}}}}`,
			System: systemInbound,
			States: []string{"Main", "Routing"},
			Want:   map[string]bool{"seed": true, "composer": true, "nested": true, "lower": true},
		},
		{
			Name: "routing",
			Event: `{"name":"interaction.notcontrolled","type":"external","data":{"interactionid":"000PaG8U4SYB001N",` +
				`"resultof":"routing","focusdeviceid":"7001","devicetype":"queue","routetype":"Agent","tenantid":101,` +
				`"mediatype":"chat","requestid":"43","reason":"routed","timestamp":"2024-05-06T10:16:00Z","queue":"chat_in",` +
				`"udata":{"customer":{"segment":"gold","language":"en-US","id":"C-1001"},"routing":{"priority":3,"skill":"billing"},` +
				`"channel":{"media":"chat","origin":"web"}}}}`,
			System: systemInbound,
			States: []string{"Main", "Routing"},
			Want:   map[string]bool{"seed": false, "composer": false, "nested": false, "lower": false},
		},
		{
			Name: "consult",
			Event: `{"name":"interaction.partystatechanged","type":"external","data":{"interactionid":"000PaG8U4SYB001N",` +
				`"focusdeviceid":null,"devicetype":"routepoint","routetype":"gns","tenantid":101,"mediatype":"voice",` +
				`"requestid":"44","reason":"","timestamp":"2024-05-06T10:17:00Z","queue":"vq_sales","party":"7002",` +
				`"udata":{"customer":{"segment":"gold","language":"fr-FR","id":"C-1002"},"routing":{"priority":9,"skill":"billing"},` +
				`"channel":{"media":"chat","origin":"web"}}}}`,
			System: systemConsult,
			States: []string{"Main", "Routing"},
			Want:   map[string]bool{"seed": true, "composer": false, "nested": false, "lower": true},
		},
		{
			Name: "other",
			Event: `{"name":"interaction.partystatechanged","type":"external","data":{"interactionid":"000PaG8U4SYB002X",` +
				`"resultof":"deletion","focusdeviceid":"7001","devicetype":"routepoint","routetype":"Queue","tenantid":101,` +
				`"mediatype":"chat","requestid":"45","reason":"","timestamp":"2024-05-06T10:18:00Z","queue":"chat_in",` +
				`"udata":{"customer":{"segment":"gold","language":"en-US","id":"C-1003"},"routing":{"priority":6,"skill":"billing"},` +
				`"channel":{"media":"chat","origin":"mobile"}}}}`,
			System: systemInbound,
			States: []string{"Main", "Routing"},
			Want:   map[string]bool{"seed": false, "composer": true, "nested": true, "lower": false},
		},
		{
			Name: "starting",
			Event: `{"name":"interaction.added","type":"external","data":{"interactionid":"000PaG8U4SYB001N",` +
				`"resultof":"","focusdeviceid":"7001","devicetype":"routepoint","routetype":"Default","tenantid":101,` +
				`"mediatype":"email","requestid":"46","reason":"","timestamp":"2024-05-06T10:19:00Z","queue":"email_in",` +
				`"udata":{"customer":{"segment":"silver","language":"en-US","id":"C-1004"},"routing":{"priority":8,"skill":"billing"},` +
				`"channel":{"media":"email","origin":"web"}}}}`,
			System: systemStarting,
			States: []string{"Main", "Routing"},
			Want:   map[string]bool{"seed": true, "composer": false, "nested": false, "lower": false},
		},
		{
			Name: "waiting",
			Event: `{"name":"interaction.notcontrolled","type":"external","data":{"interactionid":"000PaG8U4SYB001N",` +
				`"resultof":"revoking","focusdeviceid":"7001","devicetype":"routepoint","routetype":"GnS","tenantid":101,` +
				`"mediatype":"chat","requestid":"47","reason":"revoked","timestamp":"2024-05-06T10:20:00Z","queue":"chat_in",` +
				`"udata":{"customer":{"segment":"gold","language":"en-US","id":"C-1005"},"routing":{"priority":5,"skill":"billing"},` +
				`"channel":{"media":"chat","origin":"web"}}}}`,
			System: systemInbound,
			States: []string{"Main", "Waiting"},
			Want:   map[string]bool{"seed": false, "composer": false, "nested": false, "lower": true},
		},
	}
}
