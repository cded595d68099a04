package builtins

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The events generated code handles, with the _event.data fields it reads
// (docs/ors.md §2).
var section21 = []struct {
	name   string
	fields []string
}{
	{"interaction.added", []string{"interactionid"}},
	{"interaction.deleted", []string{"interactionid", "resultof"}},
	{"interaction.partystatechanged", []string{"interactionid", "focusdeviceid"}},
	{"interaction.onrouterequest", []string{"interactionid"}},
	{"interaction.onmerge", []string{"frominteractionid", "tointeractionid"}},
	{"interaction.attach.done", []string{"requestid", "interactionid"}},
	{"interaction.detach.done", []string{"requestid"}},
	{"interaction.redirect.done", []string{"requestid"}},
	{"interaction.terminate.done", []string{"requestid"}},
	{"interaction.accept.done", []string{"requestid"}},
	{"error.interaction.detach", []string{"requestid", "error"}},
	{"error.interaction.redirect", []string{"requestid"}},
	{"error.interaction.terminate", []string{"requestid"}},
	{"error.interaction.accept", []string{"requestid"}},
	{"interaction.udata.changed", nil},
	{"interaction.abandoned", nil},
	{"queue.submit.done", []string{"requestid", "targetselected", "vqselected", "targetobjectselected", "targetcomponentselected", "resource"}},
	{"queue.submit.requestid", []string{"requestid"}},
	{"queue.cancel.done", []string{"requestid"}},
	{"queue.query.done", []string{"priority", "positioninqueue", "invqwaittime"}},
	{"session.fetch.done", []string{"requestid", "content"}},
	{"dialog.start.done", []string{"requestid", "extensions"}},
	{"error.dialog.start", []string{"requestid", "extensions"}},
}

func TestCatalogHasEverySection21Event(t *testing.T) {
	for _, tc := range section21 {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := LookupEvent(tc.name)
			require.True(t, ok)
			assert.Equal(t, tc.name, e.Name, "listed by its exact name, not only through a family")
			assert.Subset(t, names(e.Data()), tc.fields)
			assert.True(t, KnownEventPrefix(tc.name))
		})
	}
}

func TestCatalogCoversDocumentedNames(t *testing.T) {
	tests := []struct{ name, entry string }{
		// §2, §2.2
		{"interaction.present", "interaction.present"},
		{"interaction.notcontrolled", "interaction.notcontrolled"},
		{"interaction.associate.done", "interaction.associate.done"},
		{"error.interaction.transfer", "error.interaction.<action>"},
		// §2.3
		{"error.interaction.attach", "error.interaction.attach"},
		// §3.3
		{"error.illegalcond.TypeError", "error.illegalcond.<errortype>"},
		{"error.illegalloc.x", "error.illegalloc.<errortype>"},
		{"error.illegalvalue.x", "error.illegalvalue.<errortype>"},
		{"error.illegaldata.x", "error.illegaldata.<errortype>"},
		{"error.script.TypeError", "error.script.<errortype>"},
		{"error.script.SyntaxError", "error.script.SyntaxError"},
		{"error.script.ReferenceError", "error.script.ReferenceError"},
		{"error.unsupported.foreach", "error.unsupported.<element>"},
		{"error.receive.datamismatch", "error.receive.datamismatch"},
		{"error.send.nosuchsession", "error.send.nosuchsession"},
		{"error.send.datamismatch", "error.send.datamismatch"},
		{"error.send.ioprocessorerror", "error.send.ioprocessorerror"},
		{"error.send.failed", "error.send.failed"},
		{"error.send.noeventspecified", "error.send.noeventspecified"},
		{"error.send.targettypeinvalid.s1", "error.send.targettypeinvalid.<stateid>"},
		{"error.send.targetunavailable.s1", "error.send.targetunavailable.<stateid>"},
		{"error.cancel.notallowed", "error.cancel.notallowed"},
		{"error.illegalassign", "error.illegalassign"},
		{"error.badfetch.http.404", "error.badfetch.<protocol>.<response_code>"},
		{"done.state.s1", "done.state.<stateid>"},
		{"done.state.a.b", "done.state.<stateid>"},
		{"done.scxml.main", "done.scxml.<name>"},
		{"done.invoke.i1", "done.invoke.<invokeid>"},
		{"error.semantic", "error.semantic"},
		{"error.session.fetch", "error.session.fetch"},
		{"error.session.start", "error.session.start"},
		{"error.session.terminate", "error.session.terminate"},
		{"error.msgbased.createmessage", "error.msgbased.createmessage"},
		{"error.notallowed", "error.notallowed"},
		{"error.queue.submit", "error.queue.submit"},
		{"error.com.genesyslab.composer.noudata", "error.com.genesyslab.composer.noudata"},
		{"error.statistic.peek", "error.statistic.<action>"},
		// W3C
		{"error.execution", "error.execution"},
		{"error.communication", "error.communication"},
		// Composer
		{"application.start", "application.start"},
		{"application.exit", "application.exit"},
		{"Wait1.wait.timeout", "<block>.wait.timeout"},
		{"Script3.script.done", "<block>.script.done"},
		{"ws.response", "ws.<event>"},
		// descriptors naming a family
		{"error.interaction.*", "error.interaction.<action>"},
		{"error.interaction", "error.interaction.<action>"},
		{"done.state", "done.state.<stateid>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := LookupEvent(tc.name)
			require.True(t, ok)
			assert.Equal(t, tc.entry, e.Name)
		})
	}
}

func TestLookupEventRejectsUnknownNames(t *testing.T) {
	for _, name := range []string{"", "*", "interaction.error", "interaction.attached",
		"interaction.partystate.changed", "Interaction.deleted", "interaction.delete", "interaction.onremove", "foo", "error.illegal"} {
		_, ok := LookupEvent(name)
		assert.False(t, ok, name)
	}
}

func TestCatalogEntriesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Events() {
		assert.False(t, seen[e.Name], "duplicate %s", e.Name)
		seen[e.Name] = true
		assert.NotEmpty(t, e.Doc, e.Name)
		assert.NotEmpty(t, e.Source, e.Name)
		assert.Equal(t, e.Name, strings.TrimSpace(e.Name))
		for _, f := range e.Data() {
			assert.NotEmpty(t, f.Name, "%s has an undeclared data field", e.Name)
			assert.NotEmpty(t, f.Doc, "%s.%s", e.Name, f.Name)
			_, canonical := find(dataFields, f.Name)
			assert.True(t, canonical, "%s.%s is not in dataFields", e.Name, f.Name)
		}
	}
}

func TestEventEvidence(t *testing.T) {
	tests := []struct {
		name string
		want Evidence
	}{
		{"interaction.present", Documented},
		{"interaction.notcontrolled", Documented},
		{"interaction.partystatechanged", Observed},
		{"error.interaction.attach", Inferred},
		{"ws.foo", Inferred},
		{"error.execution", Documented},
	}
	for _, tc := range tests {
		e, ok := LookupEvent(tc.name)
		require.True(t, ok, tc.name)
		assert.Equal(t, tc.want, e.Evidence, tc.name)
	}
	assert.Equal(t, "DOC", Documented.String())
	assert.Equal(t, "OBS", Observed.String())
	assert.Equal(t, "INF", Inferred.String())
}

func TestEventLabels(t *testing.T) {
	tests := []struct{ name, label string }{
		{"interaction.present", "interaction re-queued"},
		{"interaction.partystatechanged", "interaction party state changed"},
		{"interaction.attach.done", "interaction attached"},
	}
	for _, tc := range tests {
		e, ok := LookupEvent(tc.name)
		require.True(t, ok)
		assert.Equal(t, tc.label, e.Label)
	}
}

func TestResultofHasTheFourSeedValues(t *testing.T) {
	for _, name := range []string{"interaction.notcontrolled", "interaction.deleted"} {
		t.Run(name, func(t *testing.T) {
			e, ok := LookupEvent(name)
			require.True(t, ok)
			r, ok := find(e.Data(), "resultof")
			require.True(t, ok)
			assert.Equal(t, KindString, r.Kind)
			assert.True(t, r.Closed, "a value outside the four is likely a mistake")
			assert.Equal(t, []string{"detaching", "deletion", "routing", "revoking"}, r.EnumValues())
			for _, v := range r.Enum() {
				assert.NotEmpty(t, v.Doc, v.Value)
			}
			assert.Contains(t, r.Doc, "8.1.400.17")
			assert.Contains(t, r.Doc, "undefined")
		})
	}
	r, ok := Resolve([]string{"_event", "data", "resultof"}, "interaction.notcontrolled")
	require.True(t, ok)
	assert.Contains(t, r.Enum()[2].Doc, "expected event")
	assert.Contains(t, r.Enum()[3].Doc, "unexpected event")
}

func TestKnownEventPrefix(t *testing.T) {
	tests := []struct {
		descriptor string
		want       bool
	}{
		{"*", true},
		{"error", true},
		{"error.", true},
		{"error.*", true},
		{"interaction", true},
		{"interaction.*", true},
		{"interaction.deleted", true},
		{"interaction.attach", true},
		{"error.interaction", true},
		{"error.interaction.*", true},
		{"error.interaction.transfer", true},
		{"done.state.s1", true},
		{"done.state.a.b", true},
		{"Wait1.wait.timeout", true},
		{"Wait1.wait", true},
		{"ws.anything", true},
		{"queue.submit", true},
		{"application", true},
		{"", false},
		{"interaction.partystate.changed", false},
		{"interaction.attached", false},
		{"interaction.error", false},
		{"interaction.delete", false},
		{"Interaction.deleted", false},
		{"errorhandler", false},
		{"Wait1", false},
		{"interaction.deleted.extra", false},
		{"foo.bar", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, KnownEventPrefix(tc.descriptor), "%q", tc.descriptor)
	}
}

func TestEventDataFields(t *testing.T) {
	all := names(unionEventData())
	tests := []struct {
		event   string
		want    []string
		without []string
	}{
		{"interaction.deleted", []string{"interactionid", "resultof"}, nil},
		{"interaction.deleted.*", []string{"interactionid", "resultof"}, nil},
		{"interaction.added", []string{"interactionid"}, nil},
		{"interaction.deleted interaction.onmerge", []string{"interactionid", "resultof", "frominteractionid", "tointeractionid"}, nil},
		{"error", []string{"requestid", "error", "description", "document", "element", "linenumber", "target", "extensions"}, nil},
		{"", all, nil},
		{"no.such.event", all, nil},
		{"*", all, nil},
		{"done.state.s1", []string{"sessionid", "reason", "params"}, nil},
		{"application.start", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.event, func(t *testing.T) {
			got := names(EventDataFields(tc.event))
			if tc.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.ElementsMatch(t, tc.want, got)
		})
	}
}

func TestEventDataFieldsKeepEventSpecificCodes(t *testing.T) {
	fs := EventDataFields("error.interaction.terminate")
	e, ok := find(fs, "error")
	require.True(t, ok)
	assert.Contains(t, e.EnumValues(), "invalidstate.ringing")

	// Over several events the generic declaration is used.
	fs = EventDataFields("error.interaction")
	e, ok = find(fs, "error")
	require.True(t, ok)
	assert.Empty(t, e.EnumValues())
}

func TestMisspelling(t *testing.T) {
	tests := []struct{ name, want string }{
		{"interaction.partystate.changed", "interaction.partystatechanged"},
		{"interaction.attached", "interaction.attach.done"},
		{"interaction.error", "error.interaction.*"},
		{"interaction.error.*", "error.interaction.*"},
		{"interaction.attached.*", "interaction.attach.done.*"},
		{"interaction re-queued", "interaction.present"},
		{"Interaction Re-queued", "interaction.present"},
		{"interaction party state changed", "interaction.partystatechanged"},
		{"interaction attached", "interaction.attach.done"},
	}
	for _, tc := range tests {
		got, ok := Misspelling(tc.name)
		require.True(t, ok, tc.name)
		assert.Equal(t, tc.want, got, tc.name)
	}
	for _, name := range []string{"interaction.present", "interaction.deleted", "interaction.onremove", "", "error"} {
		_, ok := Misspelling(name)
		assert.False(t, ok, name)
	}
}

func TestSuggestEvent(t *testing.T) {
	tests := []struct{ descriptor, want string }{
		{"interaction.partystate.changed", "interaction.partystatechanged"},
		{"interaction.error", "error.interaction.*"},
		{"interaction.delete", "interaction.deleted"},
		{"interaction.notcontroled", "interaction.notcontrolled"},
		{"interaction.Deleted", "interaction.deleted"},
		{"queue.submit.don", "queue.submit.done"},
		{"interaction re-queued", "interaction.present"},
	}
	for _, tc := range tests {
		got, ok := SuggestEvent(tc.descriptor)
		require.True(t, ok, tc.descriptor)
		assert.Equal(t, tc.want, got, tc.descriptor)
	}
	for _, d := range []string{"my.custom.event", "interaction.onremove", "x"} {
		got, ok := SuggestEvent(d)
		assert.False(t, ok, "%s → %s", d, got)
	}
}

func TestEventsReturnsCopies(t *testing.T) {
	es := Events()
	es[0].Name = "changed"
	es[3].Data()[0].Name = "changed"
	d := es[3].Data()
	d[0] = Decl{}
	assert.NotEqual(t, "changed", Events()[0].Name)
	assert.Equal(t, "interactionid", Events()[3].Data()[0].Name)
}

// The Dialog module's events, which Composer's voice blocks wait for, are
// catalogued by their own names, so none of them is taken for a typo of
// another (dialog.stop.done is not "did you mean dialog.start.done").
func TestCatalogHasTheDialogModuleEvents(t *testing.T) {
	tests := []struct {
		name   string
		entry  string
		fields []string
	}{
		{"dialog.start.done", "dialog.start.done", []string{"requestid"}},
		{"dialog.start.requestid", "dialog.start.requestid", []string{"requestid"}},
		{"dialog.stop.done", "dialog.stop.done", []string{"requestid"}},
		{"dialog.collect.done", "dialog.collect.done", []string{"requestid", "digits"}},
		{"dialog.play.done", "dialog.play.done", []string{"requestid"}},
		{"dialog.playsound.done", "dialog.playsound.done", []string{"requestid"}},
		{"dialog.playandcollect.done", "dialog.playandcollect.done", []string{"requestid", "digits"}},
		{"dialog.playandcollect.requestid", "dialog.<action>.requestid", []string{"requestid"}},
		{"error.dialog.stop", "error.dialog.stop", []string{"requestid", "error", "description"}},
		{"error.dialog.playsound", "error.dialog.<action>", []string{"requestid", "error", "description"}},
		{"session.fetch.requestid", "session.<action>.requestid", []string{"requestid"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := LookupEvent(tc.name)
			require.True(t, ok)
			assert.Equal(t, tc.entry, e.Name)
			assert.Subset(t, names(e.Data()), tc.fields)
			assert.NotEmpty(t, e.Source, "every event names its source")
			assert.True(t, KnownEventPrefix(tc.name), "a catalogued event is no typo")
		})
	}
	e, _ := LookupEvent("error.dialog.start")
	code, ok := find(e.Data(), "error")
	require.True(t, ok)
	assert.Subset(t, code.EnumValues(), []string{"timeout", "invalidstate.hold"})
}
