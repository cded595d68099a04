package builtins

// The _event.data attributes ORS events carry, declared once by name; the
// event catalog refers to them and may refine one for a single event (the
// error codes of error.interaction.terminate). When the handler's event is
// not known, the union of these is what _event.data may hold.

func data(name string, kind Kind, ev Evidence, source, doc string) Decl {
	return decl(kind, name, doc).cite(ev, source).rooted(FromORS)
}

// dataFields is the canonical declaration of every _event.data attribute.
var dataFields = []Decl{
	// docs/ors.md §2 (OBS: generated code of CRD, mesopotamiaz/genesys, rocklogu/IVRcodetesting).
	data("interactionid", KindString, Observed, "docs/ors.md §2",
		"The ID of the interaction the event is about. Compare it with system.InteractionID (or InitialInteractionID, ParentInteractionID) to handle only the session's own interaction."),
	resultofDecl(),
	data("focusdeviceid", KindString, Observed, "docs/ors.md §2",
		"The device (DN) where the interaction now is; Composer's default handler copies it to system.ThisDN."),
	data("frominteractionid", KindString, Observed, "docs/ors.md §2, §5",
		"The interaction being merged; for a consult call, the consult interaction (system.InteractionID)."),
	data("tointeractionid", KindString, Observed, "docs/ors.md §2, §5",
		"The interaction merged into; for a consult call, the parent interaction (system.ParentInteractionID)."),
	data("requestid", KindString, Observed, "docs/ors.md §2",
		"The requestid of the action this event answers. Compare it with the requestid the action stored (system.RequestID, App_<block>['requestid'])."),
	data("error", KindString, Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2, §3)",
		"The error code of a failed action, such as 'unknown', 'invalidstate' or 'remote'."),
	data("description", KindString, Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2, §3)",
		"A human-readable description of the error."),
	data("targetselected", KindString, Documented, "TechRef81 (docs/ors.md §2)",
		"The target queue:submit selected for the interaction (see also system.LastTargetSelected)."),
	data("vqselected", KindString, Observed, "docs/ors.md §2",
		"The virtual queue queue:submit selected (see also system.LastVirtualQueueSelected)."),
	data("targetobjectselected", KindString, Observed, "docs/ors.md §2",
		"The high-level target object queue:submit selected (see also system.LastTargetObjectSelected)."),
	data("targetcomponentselected", KindString, Observed, "docs/ors.md §2",
		"The target component queue:submit selected (see also system.LastTargetComponentSelected)."),
	data("resource", KindAny, Observed, "docs/ors.md §2",
		"The resource selected by queue:submit."),
	data("priority", KindAny, Observed, "docs/ors.md §2",
		"The interaction's priority in the queue."),
	data("positioninqueue", KindAny, Observed, "docs/ors.md §2",
		"The interaction's position in the queue."),
	data("invqwaittime", KindAny, Observed, "docs/ors.md §2",
		"How long the interaction has waited in the virtual queue."),
	data("content", KindAny, Observed, "docs/ors.md §2",
		"The content fetched by session:fetch."),
	data("extensions", KindAny, Observed, "docs/ors.md §2",
		"The extensions returned by the dialog."),
	data("digits", KindString, Documented, "TechRef81 Dialog Interface Events",
		"The digits the caller entered, collected by <dialog:collect> (or <dialog:playandcollect>)."),
	data("resolveid", KindString, Observed, "docs/ors.md §2, §7",
		"The prefix of the Composer workflow that sent this delayed event; generated code compares it with _my_prefix."),
	data("reason", KindString, Observed, "docs/ors.md §3, §5",
		"Why the session, state or invocation ended (for application.exit, e.g. 'current interaction deleted')."),
	// docs/ors.md §3 [DOC TechRef81 "SCXML Event Extensions"].
	data("document", KindString, Documented, "TechRef81 (docs/ors.md §3)",
		"The URL of the SCXML document where the error happened."),
	data("element", KindString, Documented, "TechRef81 (docs/ors.md §3)",
		"The SCXML element where the error happened."),
	data("linenumber", KindAny, Documented, "TechRef81 (docs/ors.md §3)",
		"The line of the document where the error happened."),
	data("target", KindString, Documented, "TechRef81 (docs/ors.md §3)",
		"The target that could not be reached or fetched."),
	data("sessionid", KindString, Documented, "TechRef81 (docs/ors.md §3)",
		"The ID of the session that finished."),
	data("params", KindAny, Documented, "TechRef81 (docs/ors.md §3)",
		"The parameters returned on completion."),
}

// dataField returns the canonical declaration of an _event.data attribute.
// The catalog only names attributes declared above (a test checks it).
func dataField(name string) Decl {
	d, _ := find(dataFields, name)
	return d
}

// fields turns attribute names into their canonical declarations.
func fields(names ...string) []Decl {
	out := make([]Decl, len(names))
	for i, n := range names {
		out[i] = dataField(n)
	}
	return out
}

// errorCodes refines the error attribute for one event with its documented codes.
func errorCodes(source string, codes ...EnumValue) Decl {
	d := dataField("error").values(codes...)
	d.Source = source
	return d // already rooted in ORS
}

// dialogErrorCodes refines the error attribute of error.dialog.<action>
// with the codes TechRef81 lists for the Dialog module.
func dialogErrorCodes() Decl {
	return errorCodes("TechRef81 Dialog Interface Events",
		EnumValue{"invalidattribute", "An attribute of the action has a value that is not valid or not allowed in this request."},
		EnumValue{"unknown", "The cause of the failure is unknown."},
		EnumValue{"invalidstate", "The interaction is in a state that does not allow the action; may be followed by .<state>."},
		EnumValue{"invalidstate.null", "The interaction has no state that allows the action."},
		EnumValue{"invalidstate.hold", "The interaction is on hold."},
		EnumValue{"invalidstate.treating", "The interaction is being treated."},
		EnumValue{"invalidstate.routed", "The interaction was routed."},
		EnumValue{"remote", "The failure happened at the remote end."},
		EnumValue{"cancelled", "The request was cancelled."},
		EnumValue{"timeout", "The request timed out."},
	)
}

// unionEventData is every known attribute: what _event.data may hold when
// the handler's event is not known.
func unionEventData() []Decl { return append([]Decl(nil), dataFields...) }
