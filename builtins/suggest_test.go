package builtins

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSuggest(t *testing.T) {
	system, _ := LookupGlobal("system")
	event, _ := LookupGlobal("_event")
	data := names(unionEventData())
	tests := []struct {
		name       string
		candidates []string
		want       string // "" for no suggestion
	}{
		{"resultOf", data, "resultof"},
		{"ResultOf", data, "resultof"},
		{"resultof", data, ""}, // already right
		{"result", data, "resultof"},
		{"resutlof", data, "resultof"},
		{"interactionId", data, "interactionid"},
		{"InteractionId", system.FieldNames(), "InteractionID"},
		{"InteractionUId", system.FieldNames(), "InteractionUID"},
		{"nmae", event.FieldNames(), "name"},
		{"tpye", event.FieldNames(), "type"},
		{"sendId", event.FieldNames(), "sendid"},
		{"Tipe", system.FieldNames(), "Type"},
		{"SesionID", system.FieldNames(), "SessionID"},
		{"LastErrorEventNmae", system.FieldNames(), "LastErrorEventName"},
		{"isNan", GlobalNames(), "isNaN"},
		{"_sessionId", GlobalNames(), "_sessionid"},
		{"_evnet", GlobalNames(), "_event"},
		{"sytem", GlobalNames(), "system"},
		// near misses that must not suggest
		{"x", GlobalNames(), ""},
		{"id", []string{"ip"}, ""},
		{"foo", event.FieldNames(), ""},
		{"App_TargetBySkill1", GlobalNames(), ""},
		{"routeType", GlobalNames(), ""},
		{"CallerDay", GlobalNames(), ""},
		{"cdpApiBaseURL", GlobalNames(), ""},
		{"reason", []string{"resultof"}, ""},
		{"InteractionFooBar", system.FieldNames(), ""},
		{"CustomerSegment", system.FieldNames(), ""},
		{"", GlobalNames(), ""},
		{"resultof", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Suggest(tc.name, tc.candidates)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.want != "", ok)
		})
	}
}

func TestSuggestPrefersCaseOnlyAndEarlierCandidates(t *testing.T) {
	got, _ := Suggest("DATA", []string{"date", "Data"})
	assert.Equal(t, "Data", got, "a case-only difference beats an edit")
	got, _ = Suggest("abcd", []string{"abce", "abcf"})
	assert.Equal(t, "abce", got)
}

// levenshteinOSA is a plain reference implementation of editDistance.
func levenshteinOSA(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"nmae", "name", 1}, {"kitten", "sitting", 3},
		{"ca", "abc", 3}, {"resultof", "resultof", 0},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, editDistance(tc.a, tc.b, 100), "%q %q", tc.a, tc.b)
		assert.Equal(t, min(tc.want, 2), editDistance(tc.a, tc.b, 2), "%q %q bounded", tc.a, tc.b)
	}
}

func FuzzEditDistance(f *testing.F) {
	f.Add("nmae", "name", 3)
	f.Add("interaction.partystate.changed", "interaction.partystatechanged", 2)
	f.Add("", "abc", 1)
	f.Fuzz(func(t *testing.T, a, b string, bound int) {
		if len(a) > 64 || len(b) > 64 || bound < 0 || bound > 100 {
			return
		}
		want := min(levenshteinOSA(a, b), bound)
		if got := editDistance(a, b, bound); got != want {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", a, b, bound, got, want)
		}
	})
}

// FuzzEventNames feeds user-written event attributes to every entry point
// that takes one: none may panic, and the answers must agree.
func FuzzEventNames(f *testing.F) {
	for _, s := range []string{"*", "error", "error.*", "interaction.deleted", "interaction.partystate.changed",
		"done.state.a.b", "Wait1.wait.timeout", "<block>.wait.timeout", ". .", "..*", "interaction re-queued", "error.interaction.*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if e, ok := LookupEvent(s); ok {
			assert.NotEmpty(t, e.Name)
			assert.True(t, KnownEventPrefix(s), "LookupEvent(%q) found %s but KnownEventPrefix disagrees", s, e.Name)
		}
		if c, ok := Misspelling(s); ok {
			assert.True(t, KnownEventPrefix(c), "correction %q of %q is not known", c, s)
		}
		if c, ok := SuggestEvent(s); ok {
			assert.NotEqual(t, strings.TrimSpace(s), c)
		}
		_ = EventDataFields(s)
		_, _ = ResolvePrefix([]string{"_event", "data", s}, s)
	})
}
