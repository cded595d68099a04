package builtins

// The top-level scope of a condition: what a bare identifier can name.

// scxmlGlobals are the W3C system variables and In() [DOC W3C §5.9.1,
// §5.10, §B.2.3], and the Composer _data object [OBS CRD, docs/ors.md §3].
func scxmlGlobals() []Decl {
	w3c := func(d Decl, section string) Decl { return d.cite(Documented, "W3C "+section).rooted(FromSCXML) }
	location := func(name string) Decl {
		return object(name, "The SCXML Event I/O Processor of this session.",
			decl(KindString, "location", "The address other sessions use to send this session events."),
		)
	}
	return []Decl{
		eventDecl(eventDataDecl(unionEventData(), "the event")),
		w3c(decl(KindString, "_sessionid", "The ID of this session, unique for its lifetime. Read-only."), "§5.10"),
		w3c(decl(KindString, "_name", "The name attribute of the document's <scxml> element. Read-only."), "§5.10"),
		w3c(object("_ioprocessors",
			"The Event I/O Processors this session supports, keyed by type; each has a location to send this session events. Read-only.",
			location("scxml"),
			location("http://www.w3.org/TR/scxml/#SCXMLEventProcessor"),
		), "§5.10, §C.1"),
		w3c(function("In(stateID)", "True when the state with id stateID is active. Every SCXML data model must support it."), "§5.9.1, §B.2.3"),
		dataDecl(),
		systemDecl().rooted(FromComposer),
		genesysDecl(),
		function("__Log(expr, label, level)", "Writes expr to the ORS log with a label and level. Called by generated code but defined in no project include file, so probably an ORS built-in.").
			cite(Inferred, "docs/ors.md §8 (OBS CRD)").rooted(FromORS),
		function("__Raise(event)", "Raises an internal event from a script. Called by generated code but defined in no project include file, so probably an ORS built-in like __Log.").
			cite(Inferred, "generated code of the public Composer projects of docs/ors.md §11").rooted(FromORS),
		decl(KindString, "_my_prefix", "The state-id prefix of this Composer workflow: what $$_MY_PREFIX_$$ became when the IPD included it. Generated code compares _event.data.resolveid with it to take only its own delayed events.").
			cite(Observed, "CRD src-gen (docs/ors.md §2, §7)").rooted(FromComposer),
	}
}

// dataDecl declares _data, through which Composer code reaches the
// document's <data> items (docs/ors.md §3, §4). Open: documents add
// their own ids.
func dataDecl() Decl {
	return object("_data",
		"The document's <data> items, by id: Composer code reads _data.system.context (the system variables) and _data.<id>. Documents add their own ids.",
		object("system", "The <data id=\"system\"> item of the IPD; its context field holds the Composer system variables.",
			systemDecl().renamed("context"),
		).closed(),
		decl(KindBoolean, "start_workflow_onrouterequest", "IPD setting: start the workflow on interaction.onrouterequest instead of interaction.added.").
			cite(Observed, "CRD src-gen IPD (docs/ors.md §5)"),
		decl(KindBoolean, "keepGVPSessionAlive", "IPD setting: keep the GVP session alive; the IPD handles error.notallowed when it is true.").
			cite(Observed, "CRD src-gen IPD (docs/ors.md §3, §5)"),
	).cite(Observed, "CRD src-gen/IPD_default_MainWorkflow.scxml (docs/ors.md §3, §4)").rooted(FromComposer)
}

// includeFunctions are defined by Composer's project include files, not by
// ORS [OBS CRD include/*.js, docs/ors.md §4, §8]: a document that does
// not load the file does not have them.
func includeFunctions() []Decl {
	fn := func(signature, file, doc string) Decl {
		return function(signature, doc+" Defined in Composer's include/"+file+", not by ORS.").
			cite(Observed, "CRD include/"+file+" (docs/ors.md §8)").rooted(FromIncludeFile)
	}
	return []Decl{
		fn("isEventHandledByApplication()", "common.js", "True when the application region handled _event, that is, when it is not in system.uncaughtApplicationEvents."),
		fn("storeUnhandledEvent()", "common.js", "Records _event as not handled by the application region."),
		fn("storeEvent(...)", "common.js", "Stores an event for the workflow."),
		fn("storeException(blockName, event)", "common.js", "Records an error event in system.LastErrorEvent, LastErrorEventName and LastErrorDescription."),
		fn("resetEvents()", "common.js", "Sets system.LastErrorEvent, LastErrorEventName and LastErrorDescription to ''."),
		fn("getuData(...)", "*.js", "Reads interaction user data."),
		fn("getBaseURL()", "*.js", "The application's base URL (system.BaseURL)."),
		fn("getRelativePathURL()", "*.js", "The application's relative path URL (system.RelativePathURL)."),
		fn("getOPMParameters()", "*.js", "The operational parameters (system.OPM)."),
		fn("initializeRoutingSystemVariables()", "RouteFeature.js", "Sets the system variables from the start event and the interaction."),
		fn("setSystemVarsForEffectiveIxnId(system)", "*.js", "Refreshes system.TenantID, CallID, DNIS and ANI for the effective interaction."),
		fn("getWorkflowRecordURI()", "RouteFeature.js", "The OCS record URI of the interaction's user data (system.OCS_RecordURI)."),
		fn("getWorkflowOCSURI()", "RouteFeature.js", "The OCS server part of the record URI (system.OCS_URI)."),
		fn("getWorkflowOCSRecord()", "RouteFeature.js", "The OCS record handle of the interaction (system.OCS_Record)."),
	}
}

// deprecatedGlobals are the pre-system-object Composer globals that
// generated code still declares [OBS CRD, docs/ors.md §4]; the
// replacements are the system variables of the same meaning [INF].
var deprecatedGlobals = []struct{ name, replacedBy, doc string }{
	{"App_Name", "", "The application name."},
	{"App_BaseURL", "system.BaseURL", "The application's base URL."},
	{"App_RelativePathURL", "system.RelativePathURL", "The application's relative path URL."},
	{"InteractionID", "system.InteractionID", "The current interaction ID."},
	{"CallID", "system.CallID", "The call ID created by the switch."},
	{"DNIS", "system.DNIS", "The DNIS of the called number."},
	{"ThisDN", "system.ThisDN", "ThisDN of the last point of presence."},
	{"ANI", "system.ANI", "The ANI of the caller."},
	{"TenantID", "system.TenantID", "The current tenant ID."},
	{"Tenant_Name", "system.TenantName", "The current tenant name."},
	{"App_Last_Error_Event", "system.LastErrorEvent", "The last error event."},
	{"App_Last_Error_Event_Name", "system.LastErrorEventName", "The name of the last error event."},
	{"App_Last_Error_Description", "system.LastErrorDescription", "The description of the last error event."},
	{"App_StartEvent", "system.StartEvent", "The start event."},
}

func deprecatedDecls() []Decl {
	out := make([]Decl, len(deprecatedGlobals))
	for i, g := range deprecatedGlobals {
		doc := g.doc + " Deprecated Composer global, still declared by generated code"
		if g.replacedBy != "" {
			doc += "; use " + g.replacedBy + " instead"
		}
		out[i] = decl(KindAny, g.name, doc+".").deprecated(g.replacedBy).
			cite(Observed, "CRD src-gen (docs/ors.md §4)").rooted(FromComposer)
	}
	return out
}

// globalDecls is every global, built once; Decl values cannot be changed
// through what the accessors return.
var globalDecls = buildGlobals()

func buildGlobals() []Decl {
	var ds []Decl
	for _, part := range [][]Decl{scxmlGlobals(), includeFunctions(), deprecatedDecls(), es5Globals(), spiderMonkeyGlobals()} {
		ds = append(ds, part...)
	}
	return ds
}

// Globals lists every name a condition can read without a declaration of its
// own: SCXML system variables, In, _data, system, _genesys, __Log, __Raise,
// _my_prefix, Composer include-file functions, deprecated Composer globals,
// and the ES5 standard globals with SpiderMonkey's uneval. A document may add <data> ids, <script>
// variables and Composer workflow variables (App_*), which are not here.
func Globals() []Decl { return append([]Decl(nil), globalDecls...) }

// GlobalNames lists the names of Globals, for did-you-mean.
func GlobalNames() []string { return names(globalDecls) }

// LookupGlobal finds a top-level name.
func LookupGlobal(name string) (Decl, bool) { return find(globalDecls, name) }
