package builtins

// _genesys: the ORS extension objects, one per functional module
// (docs/ors.md §8). Open throughout: the vendor documentation lists only
// part of each module, so an unknown member is not necessarily a typo.

const (
	srcOrchExt      = "OrchExt (docs/ors.md §8)"
	srcObjectModel  = "AccessIxnProperties, IxnIntfObjectModel (docs/ors.md §8)"
	srcTechRef      = "TechRef81 (docs/ors.md §8)"
	srcCRDInclude   = "CRD include/*.js (docs/ors.md §8)"
	srcCRDVariables = "CRD src-gen, include/RouteFeature.js (docs/ors.md §4)"
)

func observedIn(d Decl, source string) Decl { return d.cite(Observed, source) }

// interactionDecl declares one element of _genesys.ixn.interactions.
func interactionDecl() Decl {
	s := func(name, doc string) Decl { return decl(KindString, name, doc) }
	enum := func(name, doc string, values ...EnumValue) Decl {
		return decl(KindString, name, doc).values(values...).closed()
	}
	chat := object("chat", "Chat properties of the interaction.",
		enum("type", "The chat interaction type.",
			EnumValue{"unknown", "Unknown type."}, EnumValue{"chat", "A chat."},
			EnumValue{"chatrequest", "A chat request."}, EnumValue{"cobrowse", "A co-browsing session."}),
		enum("state", "The chat state.",
			EnumValue{"new", "New."}, EnumValue{"queued", "Queued."}, EnumValue{"abandoned", "Abandoned."},
			EnumValue{"processing", "Being processed."}, EnumValue{"complete", "Complete."}, EnumValue{"unknown", "Unknown."}),
		enum("media", "The chat media type.",
			EnumValue{"TMediaAny", "Any media."}, EnumValue{"TMediaChat", "Chat."},
			EnumValue{"TMediaCoBrowsing", "Co-browsing."}, EnumValue{"TMediaIMChat", "Instant-messaging chat."}),
		decl(KindAny, "categories", "The chat categories."),
		s("externalID", "The ID the chat server gave the interaction."),
	).cite(Documented, srcTechRef)
	return object("interactions[id]",
		"One interaction of this session, read-only. Reading an interaction that is not available yet raises a runtime exception and an error event.",
		s("g_uid", "The interaction's globally unique ID; what an action's interactionid attribute returns."),
		s("category", "The interaction category."),
		s("tenantid", "The tenant ID (a string: Composer uses parseInt(ixn.tenantid))."),
		s("parentid", "The parent interaction's ID, for a consult interaction."),
		decl(KindAny, "contactedaddr", "The contacted address."),
		decl(KindAny, "parties", "The parties of the interaction."),
		object("udata", "The interaction's user data (attached data), keyed by key name: udata['key'] or udata.key.").
			each(decl(KindAny, "udata[key]", "A user data value; undefined when the key is not attached.")),
		observedIn(object("voice", "Voice properties of the interaction.",
			s("callid", "The call ID created by the switch (system.CallID)."),
			s("dnis", "The DNIS of the called number (system.DNIS)."),
			s("ani", "The ANI of the caller (system.ANI)."),
			s("type", "The call type, such as inbound (system.Type)."),
			s("media", "The media type, such as TMediaVoice."),
		), srcCRDVariables),
		decl(KindAny, "xdata", "Extended interaction data."),
		object("location", "Where the interaction is.",
			observedIn(s("media_server", "The media server holding the interaction (system.SubmittedBy)."), srcCRDVariables),
		),
		observedIn(object("msgbased", "Message-based (multimedia) properties of the interaction.",
			s("queue", "The queue attribute (system.CurrentQueue)."),
			s("type", "The interaction type, such as InboundNew, OutboundReply or InternalCollaborationInvite."),
			s("media", "The media type, such as TMediaEMail."),
		), srcCRDVariables),
		chat,
	).cite(Documented, srcObjectModel)
}

func genesysDecl() Decl {
	module := func(name, doc string, members ...Decl) Decl {
		return object(name, doc, members...).cite(Documented, srcOrchExt)
	}
	return object("_genesys",
		"The ORS extensions: one object per functional module (ixn, queue, session, dialog, statistic, classification, resource, elasticconnector, agent, ws).",
		module("ixn", "The Interaction module.",
			object("interactions",
				"The interactions of this session, keyed by interaction ID, read-only: _genesys.ixn.interactions[system.InteractionID]. Empty when the session starts, even one started by an interaction; wait for interaction.added.",
			).each(interactionDecl()).cite(Documented, srcObjectModel),
			function("getMediaIntValue(media)", "The number of a media type name; -1 when it is not found (0 before ORS 8.1.200.50).").
				cite(Documented, "IxnIntfFunctions (docs/ors.md §8)"),
			observedIn(function("getuData(key, ixnId)", "A user data value of an interaction (observed in Composer include files)."), srcCRDInclude),
			observedIn(function("setuData(kvObject, ixnId)", "Attaches user data to an interaction (observed in Composer include files)."), srcCRDInclude),
			observedIn(object("mediaType", "Media type names (observed in Composer include files)."), srcCRDInclude),
			observedIn(decl(KindAny, "firstixnid", "The first interaction of the session (observed in Composer include files)."), srcCRDInclude),
		),
		module("queue", "The Queue module.",
			decl(KindAny, "excludeAgents", "Agents to exclude from routing.").cite(Documented, "ECMAScriptBlock (docs/ors.md §8)"),
			observedIn(decl(KindAny, "rType", "Routing type constants (observed in Composer include files)."), srcCRDInclude),
			observedIn(decl(KindAny, "overwriteType", "Overwrite type constants (observed in Composer include files)."), srcCRDInclude),
			observedIn(decl(KindAny, "usecapcond", "Capacity condition setting (observed in Composer include files)."), srcCRDInclude),
		),
		module("session", "The Session module.",
			object("server", "The ORS server running this session.",
				decl(KindString, "name", "The ORS server name, read-only."),
				decl(KindString, "cluster", "The ORS cluster name, read-only."),
			).cite(Documented, srcTechRef).closed(),
			observedIn(decl(KindString, "tenant", "The tenant name (system.TenantName)."), srcCRDInclude),
			observedIn(decl(KindAny, "tenantid", "The tenant ID (system.TenantID)."), srcCRDInclude),
			observedIn(object("day", "Day-of-week constants to compare with dayInZone().",
				decl(KindAny, "Saturday", "Saturday."),
				decl(KindAny, "Sunday", "Sunday."),
			), srcCRDInclude),
			observedIn(function("getListItemValue(list, item, key)", "A value of a configuration List object's item."), srcCRDInclude),
			observedIn(function("getConfigOption(ixnId, key, ...)", "A configuration option value."), srcCRDInclude),
			observedIn(function("dateInZone(tz)", "The current date in time zone tz."), srcCRDInclude),
			observedIn(function("dayInZone(tz)", "The current day of week in time zone tz; compare with _genesys.session.day."), srcCRDInclude),
			observedIn(function("timeInZone(tz)", "The current time of day in time zone tz."), srcCRDInclude),
			observedIn(function("isSpecialDay(statTable, statDay, timeZone, useTime)", "Whether today is a special day of the given statistics table (timeZone and useTime are optional)."), srcCRDInclude),
		),
		module("dialog", "The Dialog module."),
		module("statistic", "The Statistics module.",
			observedIn(function("sData(target, statName)", "The value of statistic statName for target."), srcCRDInclude),
		),
		module("classification", "The Classification module."),
		module("resource", "The Resource module.",
			observedIn(decl(KindAny, "resourceType", "Resource type constants (observed in Composer include files)."), srcCRDInclude),
		),
		module("elasticconnector", "The Elastic connector module."),
		module("agent", "The Agent module."),
		module("ws", "The Web module."),
		observedIn(object("voice", "Voice constants used by Composer include files.",
			decl(KindAny, "overwriteType", "Overwrite type constants (observed in Composer include files)."),
		), srcCRDInclude),
	).cite(Documented, srcOrchExt).rooted(FromORS)
}
