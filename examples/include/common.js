// Helpers the example IPD loads with <xi:include parse="text">. A cut-down,
// hand-written stand-in for the include files Composer ships with a project.

// True when the application leg handled the current event itself, that is,
// when the event is not in the list the application leg's "*" transition
// keeps (storeUnhandledEvent).
function isEventHandledByApplication() {
	var list = _data.system.context.uncaughtApplicationEvents;
	for (var i = 0; i < list.length; i++) {
		if (list[i] === _event) {
			return false;
		}
	}
	return true;
}

// Remembers an event the application leg did not handle.
function storeUnhandledEvent() {
	_data.system.context.uncaughtApplicationEvents.push(_event);
}

// Fills the routing system variables from the start event.
function initializeRoutingSystemVariables() {
	var system = _data.system.context;
	system.Type = 'undefined';
	system.InteractionID = system.StartEvent.data.interactionid;
	system.InitialInteractionID = system.InteractionID;
	var ixn = _genesys.ixn.interactions[system.InteractionID];
	if (typeof ixn != 'undefined') {
		system.ParentInteractionID = ixn.parentid;
		if (typeof ixn.voice != 'undefined') {
			system.Type = ixn.voice.type;
			system.ANI = ixn.voice.ani;
			system.DNIS = ixn.voice.dnis;
		}
	}
}

// Refreshes the variables that depend on the interaction in effect.
function setSystemVarsForEffectiveIxnId(system) {
	var ixn = _genesys.ixn.interactions[system.InteractionID];
	if (typeof ixn != 'undefined' && typeof ixn.voice != 'undefined') {
		system.ANI = ixn.voice.ani;
		system.DNIS = ixn.voice.dnis;
	}
}
