package cond

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReadCursor(t *testing.T) {
	tests := []struct {
		name   string
		before string // the text before the cursor; "‸" marks the start of the replaced text when it is not the cursor
		kind   CursorKind
		path   []string
		prefix string
		quote  byte
	}{
		{"empty", "", CursorName, nil, "", 0},
		{"a name", "‸_ev", CursorName, nil, "_ev", 0},
		{"a name after an operator", "!‸_ev", CursorName, nil, "_ev", 0},
		{"a reserved word", "‸typ", CursorName, nil, "typ", 0},
		{"an operand after an operator", "a && ", CursorName, nil, "", 0},
		{"after an open parenthesis", "a && (", CursorName, nil, "", 0},
		{"a member after a dot", "_event.", CursorMember, []string{"_event"}, "", 0},
		{"a member being typed", "_event.data.‸re", CursorMember, []string{"_event", "data"}, "re", 0},
		{"spaces around the dot", "system . ‸Int", CursorMember, []string{"system"}, "Int", 0},
		{"a reserved word as a property", "a.default.", CursorMember, []string{"a", "default"}, "", 0},
		{"a reserved word being typed as a property", "a.‸in", CursorMember, []string{"a"}, "in", 0},
		{"case is kept", "_event.data.‸resultOf", CursorMember, []string{"_event", "data"}, "resultOf", 0},
		{"a bracket key", "_event['data'].‸inter", CursorMember, []string{"_event", "data"}, "inter", 0},
		{"a double-quoted bracket key", `_event["data"].`, CursorMember, []string{"_event", "data"}, "", 0},
		{"a number key", "App.list[0].", CursorMember, []string{"App", "list", "0"}, "", 0},
		{"a computed key", "_genesys.ixn.interactions[system.InteractionID].‸par", CursorMember,
			[]string{"_genesys", "ixn", "interactions", AnyKey}, "par", 0},
		{"nested brackets", "a[b[0]].", CursorMember, []string{"a", AnyKey}, "", 0},
		{"a key typed in a string", "_event.data['‸res", CursorMember, []string{"_event", "data"}, "res", '\''},
		{"a value in a string", "_event.data.resultof == '", CursorValue, []string{"_event", "data", "resultof"}, "", '\''},
		{"a value typed in a string", `_event.data.resultof === "‸de`, CursorValue, []string{"_event", "data", "resultof"}, "de", '"'},
		{"a value after !=", "_event.data.resultof != '‸r", CursorValue, []string{"_event", "data", "resultof"}, "r", '\''},
		{"a value compared with a bracket key", "_event.data['resultof'] == '‸de", CursorValue, []string{"_event", "data", "resultof"}, "de", '\''},
		{"a value assigned", `_event.data.resultof = "‸re`, CursorValue, []string{"_event", "data", "resultof"}, "re", '"'},
		{"a value in a later clause", "a && (!_event.data.resultof || _event.data.resultof == '‸del", CursorValue, []string{"_event", "data", "resultof"}, "del", '\''},
		{"escapes decoded", `x == '‸it\'s`, CursorValue, []string{"x"}, "it's", '\''},
		{"an escape typed halfway", `x == '‸de\`, CursorValue, []string{"x"}, "de", '\''},
		{"a unicode escape typed halfway", `x == '‸de\u00`, CursorValue, []string{"x"}, `de\u00`, '\''},
		{"a value before its string", "_event.data.resultof == ", CursorValue, []string{"_event", "data", "resultof"}, "", 0},
		{"after strings with quotes in them", `'é"' == "'" && _event.‸da`, CursorMember, []string{"_event"}, "da", 0},
		{"a line comment", "// ‸_ev", CursorComment, nil, "", 0},
		{"a line comment after code", "a && // _ev", CursorComment, nil, "", 0},
		{"a block comment", "/* _ev", CursorComment, nil, "", 0},
		{"after a closed block comment", "/* x */ ‸_ev", CursorName, nil, "_ev", 0},
		{"after a line comment's line", "// x\n‸_ev", CursorName, nil, "_ev", 0},
		{"a quote inside a comment", "/* ' */ a.", CursorMember, []string{"a"}, "", 0},
		{"a string not compared", "'_ev", CursorNothing, nil, "", 0},
		{"a string compared with a call", "f() == '", CursorNothing, nil, "", 0},
		{"an operand compared with a call", "f() == ", CursorName, nil, "", 0},
		{"after a closed string", "x == 'de'", CursorNothing, nil, "", 0},
		{"a member of a call", "foo().", CursorNothing, nil, "", 0},
		{"a member of a number", "1.", CursorNothing, nil, "", 0},
		{"a member of a literal key alone", "['x'].", CursorNothing, nil, "", 0},
		{"a digit", "1", CursorNothing, nil, "", 0},
		{"after a name and a space", "a ", CursorNothing, nil, "", 0},
		{"inside a regular expression", "/ab", CursorNothing, nil, "", 0},
		{"a string broken by a line break", "x == 'a\n", CursorNothing, nil, "", 0},
		{"after a character the lexer refuses", "a ¤ b.", CursorNothing, nil, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.before, "‸")
			before := strings.Replace(tt.before, "‸", "", 1)
			if start < 0 {
				start = len(before)
			}
			got := ReadCursor(before+"rest after the cursor')", len(before))
			assert.Equal(t, tt.kind, got.Kind, "kind")
			assert.Equal(t, tt.path, got.Path, "path")
			assert.Equal(t, tt.prefix, got.Prefix, "prefix")
			assert.Equal(t, tt.quote, got.Quote, "quote")
			if tt.kind != CursorNothing && tt.kind != CursorComment {
				assert.Equal(t, start, got.Start, "start")
			}
			assert.Equal(t, len(before), got.End, "end")
		})
	}
}

func TestReadCursorClampsTheCursor(t *testing.T) {
	assert.Equal(t, CursorContext{Kind: CursorName, Prefix: "ab", End: 2}, ReadCursor("ab", 10))
	assert.Equal(t, CursorContext{Kind: CursorName}, ReadCursor("ab", -1))
}

func TestCursorFilter(t *testing.T) {
	cands := []string{"interactionid", "InteractionID", "resultof"}
	tests := []struct {
		prefix string
		want   []string
	}{
		{"", cands},
		{"inter", []string{"interactionid"}},
		{"Inter", []string{"InteractionID"}},
		{"INTER", []string{"interactionid", "InteractionID"}},
		{"resultOf", []string{"resultof"}},
		{"nothing", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, CursorContext{Prefix: tt.prefix}.Filter(cands), tt.prefix)
	}
}

// ReadCursor never panics, and its replace range lies before the cursor;
// outside strings the prefix is the text it replaces.
func FuzzReadCursor(f *testing.F) {
	for _, seed := range []string{
		"_event.data['resultof'] == 'de", "a[b[0]].x", "x == 'it\\'s", "/* '", "a.default.", "'\\u00", "f() == '", "\u2028'",
	} {
		f.Add(seed, len(seed))
	}
	f.Fuzz(func(t *testing.T, src string, cursor int) {
		c := ReadCursor(src, cursor)
		end := min(max(cursor, 0), len(src))
		if c.End != end || c.Start < 0 || c.Start > c.End {
			t.Fatalf("range [%d, %d) for a cursor at %d", c.Start, c.End, end)
		}
		if c.Quote == 0 && (c.Kind == CursorName || c.Kind == CursorMember) && c.Prefix != src[c.Start:c.End] && !strings.Contains(src[c.Start:c.End], `\`) {
			t.Fatalf("prefix %q, but replaces %q", c.Prefix, src[c.Start:c.End])
		}
	})
}
