package builtins

// resultofValues are the documented values of _event.data.resultof, quoted
// from the seed page (Composer Help, Handling eServices Switchovers, last
// edited 2018-11-30; docs/ors.md §1).
var resultofValues = [...]EnumValue{
	// [DOC Switchovers]
	{"detaching", "The interaction became not controlled because it was detached from a running session."},
	// [DOC Switchovers]
	{"deletion", "The interaction became not controlled because it was deleted."},
	// [DOC Switchovers]
	{"routing", "The interaction became not controlled because of ORS actions such as delivering to an agent or placing in a queue. An expected event in a session: it is a result of the strategy's own actions."},
	// [DOC Switchovers]
	{"revoking", "The interaction being processed by ORS (pulled) was taken away from this ORS instance, explicitly (by an agent, by a media server, by Interaction Server for inactivity) or implicitly (disconnection from Interaction Server); all previously pulled interactions stop counting as pulled. A kind of unexpected event: ideally the session ends, but that is up to the application developer."},
}

// ResultofMinORS is the first ORS release that sets resultof.
const ResultofMinORS = "8.1.400.17"

// resultofDecl declares _event.data.resultof. [DOC Switchovers] on
// interaction.notcontrolled; [OBS] Composer's default handlers also test it
// on interaction.deleted (CRD src-gen/IPD_default_MainWorkflow.scxml).
func resultofDecl() Decl {
	return decl(KindString, "resultof",
		"Why the interaction stopped being controlled by this session (ORS "+ResultofMinORS+" and later). "+
			"Absent (undefined) with older ORS releases, so the usual filter is "+
			"!_event.data.resultof || _event.data.resultof == 'deletion'.",
	).values(resultofValues[:]...).closed().cite(Documented, "Switchovers (docs/ors.md §1)").rooted(FromORS)
}
