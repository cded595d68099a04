package statechart

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
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
