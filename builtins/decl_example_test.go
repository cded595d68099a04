package builtins_test

import (
	"fmt"

	"github.com/condeval/condeval/builtins"
)

// How a linter finds the typo in _event.data.resultOf on an
// interaction.notcontrolled handler, and what it can suggest.
func ExampleResolvePrefix() {
	path := []string{"_event", "data", "resultOf"}
	d, n := builtins.ResolvePrefix(path, "interaction.notcontrolled")
	fix, _ := builtins.Suggest(path[n], d.MemberNames())
	fmt.Printf("%s is not declared; did you mean %s?\n", path[n], fix)

	r, _ := builtins.Resolve([]string{"_event", "data", fix}, "interaction.notcontrolled")
	fmt.Println(r.EnumValues())
	// Output:
	// resultOf is not declared; did you mean resultof?
	// [detaching deletion routing revoking]
}

// How a linter checks a handler's event descriptor.
func ExampleKnownEventPrefix() {
	for _, desc := range []string{"interaction.deleted", "error.interaction.*", "interaction.partystate.changed"} {
		if builtins.KnownEventPrefix(desc) {
			fmt.Println(desc, "is known")
			continue
		}
		fix, _ := builtins.SuggestEvent(desc)
		fmt.Println(desc, "names no known event; did you mean", fix+"?")
	}
	// Output:
	// interaction.deleted is known
	// error.interaction.* is known
	// interaction.partystate.changed names no known event; did you mean interaction.partystatechanged?
}

// Hover text for an event name.
func ExampleLookupEvent() {
	e, _ := builtins.LookupEvent("interaction.present")
	fmt.Printf("%s (%q in the Events dialog) [%s]\n", e.Name, e.Label, e.Evidence)
	// Output:
	// interaction.present ("interaction re-queued" in the Events dialog) [DOC]
}
