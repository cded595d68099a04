package builtins

import "testing"

// The seed condition's member paths, resolved as the linter would for its
// handler. Baseline: the same number of plain global look-ups.
var seedPaths = [][]string{
	{"_event", "data", "interactionid"},
	{"system", "InteractionID"},
	{"_event", "data", "resultof"},
	{"_event", "data", "resultof"},
}

func BenchmarkResolveSeedPaths(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range seedPaths {
			if _, ok := Resolve(p, "interaction.notcontrolled"); !ok {
				b.Fatal(p)
			}
		}
	}
}

func BenchmarkBaselineLookupGlobal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range seedPaths {
			if _, ok := LookupGlobal(p[0]); !ok {
				b.Fatal(p)
			}
		}
	}
}

func BenchmarkSuggestSystemField(b *testing.B) {
	system, _ := LookupGlobal("system")
	candidates := system.MemberNames()
	b.ReportAllocs()
	for b.Loop() {
		if got, _ := Suggest("InteractionId", candidates); got != "InteractionID" {
			b.Fatal(got)
		}
		if _, ok := Suggest("CustomerSegment", candidates); ok {
			b.Fatal("suggested")
		}
	}
}

func BenchmarkKnownEventPrefix(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if !KnownEventPrefix("interaction.deleted") || KnownEventPrefix("interaction.partystate.changed") {
			b.Fatal("wrong")
		}
	}
}
