package builtins

// Event describes one ORS, Composer or SCXML event, or a family of them,
// that a handler's event attribute can name.
type Event struct {
	// Name is the exact, case-sensitive name. A token in angle brackets,
	// such as <action> in error.interaction.<action>, stands for any token;
	// a placeholder at the end also covers names with more tokens, since
	// state ids and error codes may contain dots.
	Name     string
	Label    string // the name Composer's IPD Events dialog shows, when the sources give it
	Doc      string
	Source   string // short names of the sources docs/ors.md lists
	Evidence Evidence
	data     []Decl

	// doneData is true when the payload is a <donedata> of the document
	// (W3C §5.5, §6.4): any field name may be there.
	doneData bool
}

// Data declares the event's _event.data attributes. The list is open: ORS
// may send attributes the sources do not mention.
func (e Event) Data() []Decl { return append([]Decl(nil), e.data...) }

// Family reports whether Name has placeholders and so stands for many events.
func (e Event) Family() bool { return hasPlaceholder(splitName(e.Name)) }

func ev(name string, evidence Evidence, source, doc string, data ...Decl) Event {
	return Event{Name: name, Evidence: evidence, Source: source, Doc: doc, data: data}
}

func (e Event) withDoneData() Event {
	e.doneData = true
	return e
}

func (e Event) label(l string) Event {
	e.Label = l
	return e
}

const (
	actionResult  = "The requestid of the action's request comes back in _event.data.requestid."
	actionFailure = "An error caused by the action: _event.data.error holds the code and description the details."
)

// catalog is every event condeval knows, in the order a reader would look
// for them: interaction notifications, action results, the other ORS
// modules, Composer's own events, ORS and W3C errors and done events.
var catalog = []Event{
	// Interaction notifications. Names: OS-IxnIntf, TechRef81, Switchovers;
	// data: generated code (docs/ors.md §2, §5).
	ev("interaction.added", Documented, "OS-IxnIntf, TechRef81; data OBS CRD (docs/ors.md §2)",
		"An interaction was added to this session (for example by <associate>); interaction.present follows. Composer's IPD initialises the system variables here. _genesys.ixn.interactions is empty before it.",
		fields("interactionid")...),
	ev("interaction.present", Documented, "Switchovers, DefaultRoutingBlock; data INF (docs/ors.md §2, §6)",
		"The interaction is available to this session for processing: sent after interaction.added, and again after an eServices switchover (such as a Chat Server HA switchover) when the interaction is available to the session again. Since Composer 8.1.400.20 the default IPD handlers wait for it instead of ending the session on interaction.notcontrolled. The IPD's default Wait For Event.",
		fields("interactionid")...).label("interaction re-queued"),
	ev("interaction.notcontrolled", Documented, "Switchovers, OS-IxnIntf (docs/ors.md §1, §2)",
		"The interaction is no longer controlled by this session: it was detached, deleted, routed by the strategy's own actions, or revoked (an eServices switchover). From ORS "+ResultofMinORS+", _event.data.resultof says which; handle only the cases that should end the session, e.g. !_event.data.resultof || _event.data.resultof == 'deletion'. Composer 8.1.400.19 and earlier ended the session on every occurrence.",
		fields("interactionid", "resultof")...),
	ev("interaction.deleted", Documented, "OS-IxnIntf; data OBS CRD default handlers, resultof INF (docs/ors.md §1, §2, §5)",
		"The interaction was removed from this session: deleted, or associated with another session (<associate> sends the original session interaction.deleted and interaction.notcontrolled). Composer's default handlers end the session when it concerns the current, initial or (consult) parent interaction, and test resultof like interaction.notcontrolled.",
		fields("interactionid", "resultof")...),
	ev("interaction.partystatechanged", Observed, "CRD, all IPDs of docs/ors.md §11 (§2)",
		"A party of the interaction changed state; _event.data.focusdeviceid is the device where the interaction now is (the default handler copies it to system.ThisDN).",
		fields("interactionid", "focusdeviceid")...).label("interaction party state changed"),
	ev("interaction.onrouterequest", Observed, "CRD (docs/ors.md §2, §5)",
		"A routing request for the interaction. The default IPD starts the workflow on it when _data.start_workflow_onrouterequest is true.",
		fields("interactionid")...),
	ev("interaction.onmerge", Observed, "CRD (docs/ors.md §2, §5)",
		"Two interactions were merged. For a consult call the default handler makes the parent (tointeractionid) the current interaction.",
		fields("frominteractionid", "tointeractionid")...),
	ev("interaction.udata.changed", Observed, "CRD src-gen/Main.scxml (docs/ors.md §2)",
		"The interaction's user data changed. Generated code reads the new values from _genesys.ixn.interactions[system.InteractionID].udata."),
	ev("interaction.abandoned", Observed, "CRD (docs/ors.md §2, §5)",
		"The interaction was abandoned. Composer workflows catch it as a workflow-level exception."),

	// Interaction action results: <interaction>.<action>.done and
	// error.interaction.<action>. [DOC OS-IxnEvents, TechRef81] naming rule.
	ev("interaction.attach.done", Observed, "CRD (docs/ors.md §2, §5)",
		"<ixn:attach> succeeded. "+actionResult,
		fields("requestid", "interactionid")...).label("interaction attached"),
	ev("interaction.detach.done", Observed, "CRD (docs/ors.md §2)",
		"<ixn:detach> succeeded. "+actionResult, fields("requestid")...),
	ev("interaction.redirect.done", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"<ixn:redirect> succeeded. "+actionResult, fields("requestid", "interactionid")...),
	ev("interaction.terminate.done", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"<ixn:terminate> succeeded. "+actionResult, fields("requestid", "interactionid")...),
	ev("interaction.accept.done", Observed, "CRD src/subRoutines/InteractionAccept.scxml (docs/ors.md §2)",
		"<ixn:accept> succeeded. "+actionResult, fields("requestid")...),
	ev("interaction.associate.done", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"<ixn:associate> succeeded. "+actionResult, fields("requestid", "interactionid")...),
	ev("error.interaction.<action>", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"An error caused by an interaction action, such as error.interaction.terminate. Caught by error.interaction or error.interaction.*; interaction.error is not such an event.",
		fields("requestid", "error", "description")...),
	ev("error.interaction.attach", Inferred, "docs/ors.md §2 (naming rule of OS-IxnEvents)",
		"<ixn:attach> failed. "+actionFailure, fields("requestid", "error", "description")...),
	ev("error.interaction.detach", Observed, "CRD (docs/ors.md §2)",
		"<ixn:detach> failed. "+actionFailure,
		dataField("requestid"),
		errorCodes("CRD (docs/ors.md §2)",
			EnumValue{"invalidstate", "The interaction is not in a state that allows detaching (generated code compares error with 'invalidstate')."}),
		dataField("description")),
	ev("error.interaction.redirect", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"<ixn:redirect> failed. "+actionFailure,
		dataField("requestid"),
		errorCodes("OS-IxnEvents, TechRef81 (docs/ors.md §2)",
			EnumValue{"unknown", "An unknown error."},
			EnumValue{"invalidstate", "The interaction is in a state that does not allow redirecting; may be followed by .<state>."},
			EnumValue{"invaliddestination", "The destination is not valid."},
			EnumValue{"invalidsource", "The source is not valid (ORS 8.1.3 documentation)."},
			EnumValue{"badtranslation", "The destination could not be translated."},
			EnumValue{"remote", "The remote side refused the request."}),
		dataField("description")),
	ev("error.interaction.terminate", Documented, "OS-IxnEvents, TechRef81 (docs/ors.md §2)",
		"<ixn:terminate> failed. "+actionFailure,
		dataField("requestid"),
		errorCodes("OS-IxnEvents, TechRef81 (docs/ors.md §2)",
			EnumValue{"unknown", "An unknown error."},
			EnumValue{"invalidstate.null", "The interaction has no state that allows terminating."},
			EnumValue{"invalidstate.ringing", "The interaction is ringing."},
			EnumValue{"invalidstate.hold", "The interaction is on hold."},
			EnumValue{"invalidstate.transferring", "The interaction is being transferred."},
			EnumValue{"invalidstate.treating", "The interaction is being treated."},
			EnumValue{"invalidstate.routed", "The interaction has been routed."},
			EnumValue{"remote", "The remote side refused the request."}),
		dataField("description")),
	ev("error.interaction.accept", Observed, "CRD src/subRoutines/InteractionAccept.scxml (docs/ors.md §2)",
		"<ixn:accept> failed. "+actionFailure, fields("requestid", "error", "description")...),
	ev("error.interaction.associate", Inferred, "naming rule of OS-IxnEvents (docs/ors.md §2)",
		"<ixn:associate> failed. "+actionFailure, fields("requestid", "error", "description")...),

	// Queue module (docs/ors.md §2; targetselected DOC TechRef81).
	ev("queue.submit.done", Observed, "TechRef81 (targetselected); CRD (docs/ors.md §2)",
		"<queue:submit> found a target. "+actionResult,
		fields("requestid", "targetselected", "vqselected", "targetobjectselected", "targetcomponentselected", "resource")...),
	ev("queue.submit.requestid", Observed, "CRD (docs/ors.md §2)",
		"Reports the requestid of a <queue:submit> (observed in generated code; not documented in the sources).", fields("requestid")...),
	ev("queue.cancel.done", Observed, "CRD (docs/ors.md §2)",
		"<queue:cancel> succeeded. "+actionResult, fields("requestid")...),
	ev("queue.query.done", Observed, "CRD (docs/ors.md §2)",
		"<queue:query> answered with the interaction's place in the queue.",
		fields("priority", "positioninqueue", "invqwaittime")...),
	ev("error.queue.submit", Observed, "CRD (docs/ors.md §3)",
		"<queue:submit> failed. "+actionFailure, fields("requestid", "error", "description")...),

	// Session module.
	ev("session.fetch.done", Observed, "CRD (docs/ors.md §2)",
		"<session:fetch> succeeded; _event.data.content holds what was fetched. "+actionResult,
		fields("requestid", "content")...),
	ev("error.session.fetch", Documented, "TechRef81 (docs/ors.md §3)",
		"<session:fetch> failed. _event.data.error is protocol.errorcode (such as an HTTP status).",
		fields("requestid", "error", "description")...),
	ev("error.session.start", Documented, "TechRef81 (docs/ors.md §3)",
		"<session:start> failed. "+actionFailure, fields("requestid", "error", "description")...),
	ev("error.session.terminate", Documented, "TechRef81 (docs/ors.md §3)",
		"<session:terminate> failed. "+actionFailure, fields("requestid", "error", "description")...),

	// Dialog module: the voice treatments of Composer's Play Message, Menu
	// and Input blocks. TechRef81 "Dialog (Treatment) Interface > Events"
	// documents start, stop and collect; play, playsound and playandcollect
	// are what generated workflows of the public projects of docs/ors.md
	// §11 wait for [OBS]. Every action's request id comes back in a
	// dialog.<action>.requestid event (see moduleFamilies).
	ev("dialog.start.done", Documented, "TechRef81 Dialog Interface Events; data OBS CRD (docs/ors.md §2)",
		"<dialog:start> finished: the dialog application started (or one started at the resource completed). "+actionResult,
		fields("requestid", "extensions")...),
	ev("dialog.start.requestid", Documented, "TechRef81 Dialog Interface Events",
		"Gives the strategy the request id of a <dialog:start> it invoked.", fields("requestid")...),
	ev("error.dialog.start", Documented, "TechRef81 Dialog Interface Events; extensions OBS CRD (docs/ors.md §2, §3)",
		"<dialog:start> failed, timed out or was refused. "+actionFailure,
		dataField("requestid"), dataField("extensions"), dialogErrorCodes(), dataField("description")),
	ev("dialog.stop.done", Documented, "TechRef81 Dialog Interface Events",
		"<dialog:stop> stopped the dialog application. "+actionResult, fields("requestid")...),
	ev("error.dialog.stop", Documented, "TechRef81 Dialog Interface Events",
		"<dialog:stop> failed. "+actionFailure, dataField("requestid"), dialogErrorCodes(), dataField("description")),
	ev("dialog.collect.done", Documented, "TechRef81 Dialog Interface Events",
		"<dialog:collect> collected the caller's digits, in _event.data.digits. "+actionResult,
		fields("requestid", "digits")...),
	ev("dialog.play.done", Observed, "generated workflows of docs/ors.md §11",
		"<dialog:play> finished playing its prompts. "+actionResult, fields("requestid")...),
	ev("dialog.playsound.done", Observed, "generated workflows of docs/ors.md §11",
		"<dialog:playsound> finished playing its sound. "+actionResult, fields("requestid")...),
	ev("dialog.playandcollect.done", Observed, "generated workflows of docs/ors.md §11; digits INF from dialog.collect.done",
		"<dialog:playandcollect> played its prompts and collected the caller's digits, in _event.data.digits. "+actionResult,
		fields("requestid", "digits")...),

	// Message-based module.
	ev("error.msgbased.createmessage", Documented, "TechRef81 (docs/ors.md §3)",
		"<msgbased:createmessage> failed. "+actionFailure, fields("requestid", "error", "description")...),

	// Composer's application events (OBS CRD IPD, docs/ors.md §5).
	ev("application.start", Observed, "CRD src-gen IPD (docs/ors.md §5)",
		"Raised by Composer's IPD to start the workflow, once the interaction is ready."),
	ev("application.exit", Observed, "CRD src-gen IPD (docs/ors.md §5)",
		"Raised by Composer's IPD to end the workflow, e.g. with reason 'current interaction deleted'.",
		fields("interactionid", "reason")...),
	ev("<block>.script.done", Observed, "CRD (docs/ors.md §2)",
		"A Composer delayed <send> event of the block named first. Compare _event.data.resolveid with _my_prefix to know it is this workflow's.",
		fields("resolveid")...),
	ev("<block>.wait.timeout", Observed, "CRD (docs/ors.md §2)",
		"A Composer wait timed out for the block named first. Compare _event.data.resolveid with _my_prefix to know it is this workflow's.",
		fields("resolveid")...),
	ev("error.com.genesyslab.composer.noudata", Observed, "CRD (docs/ors.md §3)",
		"Composer's own error: the expected user data is missing."),

	// ORS errors of SCXML processing [DOC TechRef81 "SCXML Event Extensions"]
	// (docs/ors.md §3). Lower-case final parts are placeholders [INF].
	ev("error.illegalcond.<errortype>", Documented, "TechRef81 (docs/ors.md §3)",
		"A cond could not be evaluated. ORS probably raises this (or error.script.*) for a failing condition where the W3C Recommendation says error.execution.",
		fields("document", "element", "linenumber")...),
	ev("error.illegalloc.<errortype>", Documented, "TechRef81 (docs/ors.md §3)",
		"A location expression is not valid.", fields("document", "element", "linenumber")...),
	ev("error.illegalvalue.<errortype>", Documented, "TechRef81 (docs/ors.md §3)",
		"A value expression could not be evaluated.", fields("document", "element", "linenumber")...),
	ev("error.illegaldata.<errortype>", Documented, "TechRef81 (docs/ors.md §3)",
		"Data could not be evaluated or loaded.", fields("document", "element", "linenumber")...),
	ev("error.illegalassign", Documented, "TechRef81 (docs/ors.md §3)",
		"An assignment is not allowed.", fields("document", "element", "linenumber")...),
	ev("error.script.<errortype>", Documented, "TechRef81 (docs/ors.md §3)",
		"A script failed; the last part names the ECMAScript error class.", fields("document", "element", "linenumber")...),
	ev("error.script.SyntaxError", Documented, "ECMAScriptBlock (docs/ors.md §3)",
		"A script of a Composer workflow is not valid ECMAScript.", fields("document", "element", "linenumber")...),
	ev("error.script.ReferenceError", Documented, "ECMAScriptBlock (docs/ors.md §3)",
		"A script of a Composer workflow read a name that is not declared.", fields("document", "element", "linenumber")...),
	ev("error.semantic", Documented, "ECMAScriptBlock (docs/ors.md §3)",
		"A script error in a VXML callflow."),
	ev("error.unsupported.<element>", Documented, "TechRef81 (docs/ors.md §3)",
		"The document uses an element ORS does not support.", fields("document", "element", "linenumber")...),
	ev("error.receive.datamismatch", Documented, "TechRef81 (docs/ors.md §3)",
		"Received data does not match what was expected.", fields("document", "element", "linenumber")...),
	ev("error.send.nosuchsession", Documented, "TechRef81 (docs/ors.md §3)",
		"<send> named a session that does not exist.", fields("document", "element", "linenumber")...),
	ev("error.send.datamismatch", Documented, "TechRef81 (docs/ors.md §3)",
		"<send> data does not match what the target expects.", fields("document", "element", "linenumber")...),
	ev("error.send.ioprocessorerror", Documented, "TechRef81 (docs/ors.md §3)",
		"The I/O processor failed to deliver a <send>.", fields("document", "element", "linenumber")...),
	ev("error.send.failed", Documented, "TechRef81 (docs/ors.md §3)",
		"A <send> failed.", fields("document", "element", "linenumber")...),
	ev("error.send.noeventspecified", Documented, "TechRef81 (docs/ors.md §3)",
		"A <send> has no event.", fields("document", "element", "linenumber")...),
	ev("error.send.targettypeinvalid.<stateid>", Documented, "TechRef81 (docs/ors.md §3)",
		"A <send> target type is not valid.", fields("document", "element", "linenumber")...),
	ev("error.send.targetunavailable.<stateid>", Documented, "TechRef81 (docs/ors.md §3)",
		"A <send> target is not available.", fields("document", "element", "linenumber", "target")...),
	ev("error.cancel.notallowed", Documented, "TechRef81 (docs/ors.md §3)",
		"A <cancel> is not allowed.", fields("document", "element", "linenumber")...),
	ev("error.badfetch.<protocol>.<response_code>", Documented, "TechRef81 (docs/ors.md §3)",
		"A fetch failed with the protocol's response code.", fields("document", "element", "linenumber", "target")...),
	ev("error.notallowed", Observed, "CRD IPD (docs/ors.md §3, §5)",
		"An operation is not allowed. Composer's IPD handles it when _data.keepGVPSessionAlive is true."),

	// W3C SCXML platform events (W3C §3.12.2, §5.9.1, §6.4).
	ev("error.execution", Documented, "W3C §3.12.2, §5.9.1",
		"An error inside the document, such as a condition that throws or cannot be evaluated: the condition counts as false. condeval reports failing conditions with this event; ORS most likely raises error.illegalcond.* or error.script.* instead."),
	ev("error.communication", Documented, "W3C §3.12.2",
		"An error communicating with an external entity, such as a <send> that could not be delivered."),
	ev("error.platform", Documented, "W3C §3.12.2",
		"Reserved by the W3C for platform errors."),
	ev("done.state.<stateid>", Documented, "W3C §3.7; TechRef81 (docs/ors.md §3)",
		"The compound or parallel state named last reached a final state; _event.data holds the final state's <donedata>.", fields("sessionid", "reason", "params")...).withDoneData(),
	ev("done.invoke.<invokeid>", Documented, "W3C §6.4; TechRef81 (docs/ors.md §3)",
		"The invocation named last finished; _event.data holds the <donedata> of the invoked session's final state.", fields("sessionid", "reason", "params")...).withDoneData(),
	ev("done.scxml.<name>", Documented, "TechRef81 (docs/ors.md §3)",
		"The SCXML session named last finished.", fields("sessionid", "reason", "params")...),
}

// orsModules are the ORS functional modules and their event prefixes
// [DOC OrchExt]. Every module may report an action failure as
// error.<module>.<action> [DOC TechRef81]. Modules whose notifications the
// sources do not list get a <module>.<event> family [INF], so a handler on
// one of their events is not taken for a typo; the others list their
// events one by one above.
var orsModules = []struct {
	prefix, doc string
	listed      bool
}{
	{"session", "Session", true},
	{"ws", "Web", false},
	{"queue", "Queue", true},
	{"interaction", "Interaction", true},
	{"voice", "Interaction (voice)", false},
	{"msgbased", "Interaction (message-based)", false},
	{"chat", "Interaction (chat)", false},
	{"dialog", "Dialog", true},
	{"statistic", "Statistics", false},
	{"classification", "Classification", false},
	{"resource", "Resource", false},
	{"elasticconnector", "Elastic connector", false},
	{"agent", "Agent", false},
}

// moduleFamilies are the per-module families of orsModules.
func moduleFamilies() []Event {
	var out []Event
	for _, m := range orsModules {
		if m.prefix != "interaction" { // error.interaction.<action> is listed with its members
			out = append(out, ev("error."+m.prefix+".<action>", Documented, "TechRef81, OrchExt (docs/ors.md §2, §3)",
				"An error caused by a "+m.doc+" module action. "+actionFailure,
				fields("requestid", "error", "description")...))
		}
		if m.listed && m.prefix != "interaction" {
			out = append(out, ev(m.prefix+".<action>.requestid", Inferred, "TechRef81 dialog.start.requestid; queue.submit.requestid OBS CRD (docs/ors.md §2)",
				"Gives the strategy the request id of a "+m.doc+" module action it invoked, before the action's result.",
				fields("requestid")...))
		}
		if !m.listed {
			out = append(out, ev(m.prefix+".<event>", Inferred, "OrchExt (docs/ors.md §2)",
				"An event of the "+m.doc+" module; the sources do not list its events one by one."))
		}
	}
	return out
}

// events is the whole catalog: the listed events, then the module families.
var events = append(append([]Event(nil), catalog...), moduleFamilies()...)

// Events lists every catalogued event and family.
func Events() []Event { return append([]Event(nil), events...) }
