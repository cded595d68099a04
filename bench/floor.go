package bench

import (
	"slices"
	"strings"
)

// The floor: each condition hand-written in Go against the decoded maps.
// No engine can beat reading the maps directly, so every other engine is
// reported as a multiple of these functions.
//
// Comparing two interface values is ECMAScript's == for the JSON scalars the
// workload holds (strings, numbers, booleans, null), including
// undefined == undefined (two missing keys).

func seedGo(in Input) bool {
	data, _ := in.Event["data"].(map[string]any)
	resultof, _ := data["resultof"].(string)
	return data["interactionid"] == in.System["InteractionID"] && (resultof == "" || resultof == "deletion")
}

func composerGo(in Input) bool {
	data, _ := in.Event["data"].(map[string]any)
	_, hasSession := in.System["SessionID"] // typeof null is "object", so a present key is enough
	_, deviceIsString := data["focusdeviceid"].(string)
	return hasSession &&
		in.System["Type"] != "consult" &&
		deviceIsString &&
		data["devicetype"] == "routepoint" &&
		in.System["LastErrorEventName"] == "undefined" &&
		slices.Contains(in.States, "Routing")
}

func nestedGo(in Input) bool {
	data, _ := in.Event["data"].(map[string]any)
	udata, _ := data["udata"].(map[string]any)
	customer, _ := udata["customer"].(map[string]any)
	routing, _ := udata["routing"].(map[string]any)
	channel, _ := udata["channel"].(map[string]any)
	priority, _ := routing["priority"].(float64)
	return customer["segment"] == "gold" &&
		customer["language"] == in.System["Language"] &&
		priority > 5 &&
		routing["skill"] == "billing" &&
		channel["media"] == "chat"
}

func lowerGo(in Input) bool {
	data, _ := in.Event["data"].(map[string]any)
	routetype, _ := data["routetype"].(string)
	return strings.ToLower(routetype) == "gns"
}
