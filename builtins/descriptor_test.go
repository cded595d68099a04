package builtins

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatchDescriptors(t *testing.T) {
	tests := []struct {
		attr  string
		event string
		want  bool
	}{
		// W3C SCXML §3.12.1: "error foo" matches these ...
		{"error foo", "error", true},
		{"error foo", "error.send", true},
		{"error foo", "error.send.failed", true},
		{"error foo", "foo", true},
		{"error foo", "foo.bar", true},
		// ... and not these (errOr.send: matching is case-sensitive).
		{"error foo", "errorhandler.mistake", false},
		{"error foo", "foobar", false},
		{"error foo", "errOr.send", false},
		{"error foo", "", false},

		// error, error. and error.* are the same descriptor.
		{"error.", "error.execution", true},
		{"error.*", "error.execution", true},
		{"error.*", "error", true},
		{"error.*", "errors", false},
		{"error.", "errors", false},

		// * matches every event.
		{"*", "foo", true},
		{"*", "interaction.notcontrolled", true},
		{"*", "error.execution", true},
		{".*", "anything.at.all", true},
		{"foo *", "bar", true},

		// Whole tokens: a descriptor is never a character prefix.
		{"interaction.delete", "interaction.deleted", false},
		{"interaction.deleted", "interaction.deleted", true},
		{"interaction", "interaction.deleted", true},
		{"interaction.deleted", "interaction", false},
		{"interaction.deleted.more", "interaction.deleted", false},
		{"foo", "foos", false},
		{"foos", "foos", true},
		{"foo.bar.*", "foo.bar", true},
		{"foo.bar.*", "foo.bar.bat", true},
		{"foo.bar.*", "foo.barn", false},

		// Case sensitivity.
		{"Interaction.Deleted", "interaction.deleted", false},
		{"error", "ERROR", false},

		// Several descriptors, any whitespace between them.
		{"foo bar", "bar", true},
		{"foo bar bat", "bat", true},
		{"foo\tbar\n  bat", "bat", true},
		{"foo bar", "baz", false},
		{"interaction.deleted interaction.notcontrolled", "interaction.notcontrolled", true},

		// "foo*" is not a wildcard form.
		{"foo*", "foo", false},
		{"foo*", "foo*", true},
		{"foo*", "foobar", false},

		// An empty or blank attribute is eventless: it matches no event.
		{"", "foo", false},
		{"   ", "foo", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.attr+"→"+tt.event, func(t *testing.T) {
			assert.Equal(t, tt.want, MatchDescriptors(tt.attr, tt.event))
		})
	}
}

func TestDescriptorsEventless(t *testing.T) {
	tests := []struct {
		attr string
		want bool
	}{
		{"", true},
		{" \t\n", true},
		{"*", false},
		{"error", false},
		{"a b", false},
	}
	for _, tt := range tests {
		d := ParseDescriptors(tt.attr)
		assert.Equal(t, tt.want, d.Eventless(), "%q", tt.attr)
		assert.Equal(t, tt.attr, d.String())
	}
}

// FuzzMatchDescriptors checks the string-prefix matcher against a plain
// reading of §3.12.1: split both sides on dots and compare token lists.
func FuzzMatchDescriptors(f *testing.F) {
	for _, s := range [][2]string{
		{"error", "error.send"}, {"*", "x"}, {"error.*", "error"}, {".", "a"},
		{"..*", "a..b"}, {"foo*", "foo"}, {"", ""}, {"a.b", "a.bc"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, word, name string) {
		if strings.ContainsAny(word, " \t\n\r\v\f\u0085\u00a0") || strings.ContainsFunc(word, unicode.IsSpace) {
			t.Skip()
		}
		got := MatchDescriptors(word, name)
		assert.Equal(t, referenceMatch(word, name), got, "%q vs %q", word, name)
	})
}

func referenceMatch(word, name string) bool {
	if word == "" {
		return false
	}
	w := word
	if strings.HasSuffix(w, ".*") || w == "*" {
		w = strings.TrimSuffix(w, "*")
	}
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return true
	}
	want, have := strings.Split(w, "."), strings.Split(name, ".")
	return len(want) <= len(have) && slices.Equal(want, have[:len(want)])
}

func TestDescriptorParts(t *testing.T) {
	tests := []struct {
		word  string
		any   bool
		stem  string
		names string // an event the descriptor names itself; "" for none
	}{
		{"error", false, "error", "error"},
		{"error.", false, "error", "error"},
		{"error.*", false, "error", "error"},
		{" error.* ", false, "error", "error"},
		{"*", true, "", ""},
		{".*", true, "", ""},
		{"interaction.deleted", false, "interaction.deleted", "interaction.deleted"},
		{"interaction.notcontrolled*", false, "interaction.notcontrolled*", "interaction.notcontrolled*"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			d := ParseDescriptor(tt.word)
			assert.Equal(t, tt.any, d.Any())
			assert.Equal(t, tt.stem, d.Stem())
			assert.Equal(t, strings.TrimSpace(tt.word), d.String())
			assert.Equal(t, tt.names != "", d.Names(tt.names))
			assert.False(t, d.Names("interaction"), "a prefix is not the event itself")
		})
	}
}

func TestDescriptorsNames(t *testing.T) {
	ds := ParseDescriptors("interaction.deleted interaction.notcontrolled.* *")
	assert.True(t, ds.Names("interaction.deleted"))
	assert.True(t, ds.Names("interaction.notcontrolled"))
	assert.False(t, ds.Names("interaction"), "a shared prefix names no event")
	assert.False(t, ds.Names("interaction.present"), "* matches it but does not name it")
	assert.False(t, ParseDescriptors("interaction.notcontrolled*").Names("interaction.notcontrolled"))
	assert.Len(t, ds.List(), 3)
}

func TestDescriptorFlaw(t *testing.T) {
	tests := []struct {
		word   string
		flawed bool
		offset int
		fix    string
	}{
		{"interaction.notcontrolled*", true, 25, "interaction.notcontrolled"},
		{"interaction.*deleted", true, 12, ""},
		{"*.deleted", true, 0, ""},
		{"foo.**", true, 4, "foo"},
		{"foo*bar", true, 3, ""},
		{"**", true, 0, ""},
		{"interaction.notcontrolled", false, 0, ""},
		{"interaction.*", false, 0, ""},
		{"interaction.", false, 0, ""},
		{"*", false, 0, ""},
		{".*", false, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			f, ok := ParseDescriptor(tt.word).Flaw()
			require.Equal(t, tt.flawed, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.offset, f.Offset)
			assert.Equal(t, byte('*'), tt.word[f.Offset])
			assert.Equal(t, tt.fix, f.Fix)
			assert.Contains(t, f.Message, tt.word)
			assert.False(t, ParseDescriptor(tt.word).Match(strings.ReplaceAll(tt.word, "*", "x")), "it is matched literally")
		})
	}
}

// The catalog reads descriptors the way dispatch does: a '*' glued to a
// token is no wildcard, so the descriptor selects no catalogued event.
func TestCatalogReadsDescriptorsAsDispatchDoes(t *testing.T) {
	assert.True(t, KnownEventPrefix("interaction.notcontrolled"))
	assert.True(t, KnownEventPrefix("interaction.notcontrolled.*"))
	assert.False(t, KnownEventPrefix("interaction.notcontrolled*"))
	_, ok := LookupEvent("interaction.notcontrolled*")
	assert.False(t, ok)
	assert.True(t, KnownEventPrefix(".*"), ".* is read as *")
	guess, ok := SuggestEvent("interaction.notcontrolled*")
	require.True(t, ok)
	assert.Equal(t, "interaction.notcontrolled", guess)
}

// A flaw's fix is a descriptor without a flaw.
func FuzzDescriptorFlaw(f *testing.F) {
	for _, s := range []string{"interaction.notcontrolled*", "*.x", "a.**", "**", ".*", "a*b*", "*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		fl, ok := ParseDescriptor(word).Flaw()
		if !ok {
			return
		}
		if fl.Offset < 0 || fl.Offset >= len(ParseDescriptor(word).String()) || ParseDescriptor(word).String()[fl.Offset] != '*' {
			t.Fatalf("%q: offset %d is not a '*'", word, fl.Offset)
		}
		if fl.Fix == "" {
			return
		}
		if _, bad := ParseDescriptor(fl.Fix).Flaw(); bad {
			t.Fatalf("%q: fix %q is flawed too", word, fl.Fix)
		}
	})
}
