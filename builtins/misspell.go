package builtins

import "strings"

// misspellings are event names people write that ORS never sends, with
// the name they mean (docs/ors.md §2).
var misspellings = map[string]string{
	// [OBS] all 8 IPDs of docs/ors.md §11 use the undotted form; the dotted one occurs nowhere.
	"interaction.partystate.changed": "interaction.partystatechanged",
	// [OBS] the result of <ixn:attach> ("interaction attached" in the Events dialog).
	"interaction.attached": "interaction.attach.done",
	// [DOC OS-IxnEvents naming rule] action errors are error.interaction.<action>;
	// [INF] interaction.error never matches anything.
	"interaction.error": "error.interaction.*",
	// [DOC Switchovers] "interaction re-queued" is the Events-dialog label of interaction.present.
	"interaction re-queued": "interaction.present",
}

// Misspelling returns the real event name for a name people commonly write
// instead, or for a Composer Events-dialog label ("interaction re-queued").
// A trailing ".*" is kept on the correction.
func Misspelling(name string) (correct string, ok bool) {
	name = strings.TrimSpace(name)
	if c, ok := misspellings[name]; ok {
		return c, true
	}
	base := ParseDescriptor(name).Stem()
	if c, ok := misspellings[base]; ok && base != name {
		return strings.TrimSuffix(c, ".*") + ".*", true
	}
	for _, e := range events {
		if e.Label != "" && strings.EqualFold(e.Label, name) {
			return e.Name, true
		}
	}
	return "", false
}
