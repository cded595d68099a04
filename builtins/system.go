package builtins

// The Composer system variables: the object every Composer diagram reads as
// `system`, which is also `_data.system.context` (docs/ors.md §4).
//
// Sources: [OBS] the Entry blocks of CRD Workflows/Main.workflow (and
// Survey.workflow @ e9ca7fad) give each variable's default and Composer's
// description (docs/ors.md §4); CRD src-gen/Main.scxml and
// include/RouteFeature.js show how they are set at run time (§4.2).
// [DOC VariablesProjectandWorkflow] system variables "hold Project and
// application-related values. You cannot delete system variables, but
// applications can modify their values".

const (
	srcSystemEntry   = "CRD Workflows/Main.workflow Entry block (docs/ors.md §4)"
	srcSystemRuntime = "CRD src-gen IPD, include/RouteFeature.js (docs/ors.md §4)"
	ixnNote          = " ixn stands for _genesys.ixn.interactions[system.InteractionID]."
)

func entry(kind Kind, name, doc string) Decl {
	return decl(kind, name, doc).cite(Observed, srcSystemEntry)
}

func runtimeOnly(kind Kind, name, doc string) Decl {
	return decl(kind, name, doc).cite(Observed, srcSystemRuntime+"; runtime-only member, §4.2 item 7")
}

// systemDecl declares `system`. It is closed: Composer declares a fixed set
// of system variables, so an unknown name is most likely a typo (such as
// system.InteractionId).
func systemDecl() Decl {
	undefinedString := " Starts as the string 'undefined' (not the undefined value), so typeof is 'string' before the first value is set."
	startEvent := eventDecl(eventDataDecl(unionEventData(), "the start event")).renamed("StartEvent")
	startEvent.Doc = "The content of the specified start event: the _event of the IPD's interaction.added handler (or of the IPD's Wait For Event), so system.StartEvent.data.interactionid is the starting interaction."
	startEvent = startEvent.cite(Observed, srcSystemRuntime)
	lastError := eventDecl(eventDataDecl(unionEventData(), "the last error event")).renamed("LastErrorEvent")
	lastError.Kind, lastError.Closed = KindAny, false
	lastError.Doc = "The last error event, as stored by storeException()." + undefinedString
	lastError = lastError.cite(Observed, srcSystemEntry+"; include/common.js storeException")

	return object("system",
		"The Composer system variables, shared by every diagram of the session. The same object as _data.system.context. Set by the IPD's interaction.added handler (initializeRoutingSystemVariables), so interaction fields are undefined before it runs.",
		entry(KindString, "InteractionID", "The current interaction ID. Default: system.StartEvent.data.interactionid. Undefined until the IPD's interaction.added handler has run, and undefined == undefined is true: compare with care."),
		entry(KindString, "InitialInteractionID", "The ID of the interaction that started this session. Default: system.StartEvent.data.interactionid."),
		entry(KindString, "ParentInteractionID", "The current interaction's parent ID (for a consult interaction). Default: ixn.parentid."+ixnNote),
		entry(KindString, "InteractionUID", "Globally unique ID of the interaction, defined by the media system. Default: ixn.g_uid."+ixnNote),
		entry(KindString, "ThisDN", "ThisDN of the last point of presence for this call. Default: system.StartEvent.data.focusdeviceid; updated from interaction.partystatechanged."),
		startEvent,
		lastError,
		entry(KindString, "LastErrorEventName", "The name of the last error event."+undefinedString),
		entry(KindString, "LastErrorDescription", "The description of the last error event (its data.description, or '')."+undefinedString),
		entry(KindNumber, "TenantID", "The current tenant ID. Default: parseInt(ixn.tenantid)."+ixnNote),
		entry(KindString, "TenantName", "The current tenant name. Default: _genesys.session.tenant."),
		entry(KindString, "CallID", "The call ID created by the switch (voice). Default: ixn.voice.callid."+ixnNote),
		entry(KindString, "DNIS", "The DNIS of the called number (voice). Default: ixn.voice.dnis."+ixnNote),
		entry(KindString, "ANI", "The ANI of the caller (voice). Default: ixn.voice.ani."+ixnNote),
		entry(KindString, "CurrentQueue", "The queue attribute of this interaction (multimedia). Default: ixn.msgbased.queue."+ixnNote),
		entry(KindString, "SubmittedBy", "The media server that submitted the interaction. Default: ixn.location.media_server (Composer gives no description)."+ixnNote),
		entry(KindString, "InteractionMediaType", "The originating media type, such as \"voice\" or \"email\"."),
		entry(KindString, "InteractionType", "The originating interaction type: \"Inbound\", \"Outbound\" or \"Internal\"."),
		entry(KindString, "InteractionSubType", "The originating interaction sub-type (for multimedia, msgbased.type such as InboundNew)."),
		entry(KindString, "ExternalID", "The ID assigned by the originating media server."),
		entry(KindAny, "OriginatingSession", "The originating session context, fetched when a Detach block passes context (user data key _composer_originating_session)."),
		entry(KindString, "LastTargetComponentSelected", "The target component the interaction was last routed to."+undefinedString),
		entry(KindString, "LastTargetObjectSelected", "The high-level target object the interaction was last routed to."+undefinedString),
		entry(KindString, "LastTargetSelected", "The DN and switch of the target the interaction was last routed to."+undefinedString),
		entry(KindString, "LastVirtualQueueSelected", "The alias of the virtual queue last selected."+undefinedString),
		entry(KindString, "LastSubmitRequestId", "The requestid of the last queue:submit."+undefinedString),
		entry(KindNumber, "TerminateIxnOnExit", "Whether the Exit block terminates multimedia interactions: 1 (default) or 0."),
		entry(KindString, "WebServiceStubbing", "The Web Services stubbing flag: '0' (default) or '1'."),
		entry(KindString, "Language", "The application language. Default: 'en-US'."),
		entry(KindString, "BaseURL", "The application's base URL. Default: getBaseURL()."),
		entry(KindString, "RelativePathURL", "The application's relative path URL. Default: getRelativePathURL()."),
		entry(KindAny, "OPM", "The operational parameters. Default: getOPMParameters()."),
		entry(KindAny, "OCS_Record", "The OCS record data (Outbound Contact Server)."),
		entry(KindString, "OCS_RecordURI", "The URI of the OCS record."),
		entry(KindString, "OCS_URI", "The OCS URI."),
		runtimeOnly(KindString, "SessionID", "The ORS session ID, set to _sessionid by the IPD's interaction.added handler; undefined before it. The default handlers test typeof system.SessionID == 'undefined' to run only once."),
		runtimeOnly(KindString, "RequestID", "The requestid of the IPD's pending <ixn:attach>; the default interaction.attach.done handler compares _event.data.requestid with it."),
		runtimeOnly(KindString, "Type", "The interaction type as the media reports it (voice.type, msgbased.type or the chat type); 'consult' for a consult call. Starts as the string 'undefined'."),
		runtimeOnly(KindArray, "uncaughtApplicationEvents", "Events the application region did not handle, recorded by storeUnhandledEvent(); isEventHandledByApplication() is true when _event is not among them."),
		runtimeOnly(KindAny, "events", "Set by Composer's generated code; its contents are not documented."),
		runtimeOnly(KindAny, "errors", "Set by Composer's generated code; its contents are not documented."),
		runtimeOnly(KindAny, "currentBlock", "Set by Composer's generated code as blocks run; its contents are not documented."),
		runtimeOnly(KindAny, "diagram", "Set by Composer's generated code; its contents are not documented."),
	).cite(Observed, srcSystemEntry).closed()
}
