package scxml

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFirst reads a handler file and returns its first entry.
func readFirst(t *testing.T, name, text string) *FileHandler {
	t.Helper()
	f, err := ReadHandlerFile(name, []byte(text))
	require.NoError(t, err)
	require.NotEmpty(t, f.Handlers)
	return f.Handlers[0]
}

// spanned is the file text a scalar's whole value maps onto.
func spanned(s Scalar) string {
	from, to := s.Text.FileSpan(0, len(s.Text.Value))
	return string(s.Text.Source().Data[from:to])
}

// A value is mapped byte for byte when it is written as it is read; an
// escaped or folded one maps onto its whole scalar, placed where it starts.
func TestReadHandlerFileScalars(t *testing.T) {
	const prefix = "handlers:\n  - name: x\n    cond: "
	tests := []struct {
		name, cond string
		value      string
		spans      string // the file text the value maps onto
		verbatim   bool
	}{
		{"plain", "a == 1\n", "a == 1", "a == 1", true},
		{"plain with a comment", "a == 1   # note\n", "a == 1", "a == 1", true},
		{"double quoted", `"a == 'b'"` + "\n", "a == 'b'", "a == 'b'", true},
		{"single quoted", `'a == "b"'` + "\n", `a == "b"`, `a == "b"`, true},
		{"double quoted, escaped", `"a == \"b\""` + "\n", `a == "b"`, `"a == \"b\""`, false},
		{"a backslash escaped before the closing quote", `"a\\"` + "\n", `a\`, `"a\\"`, false},
		{"single quoted, a quote doubled", `'a == ''b'''` + "\n", "a == 'b'", `'a == ''b'''`, false},
		{"folded", ">\n      a ==\n      b\n  - name: y\n", "a == b\n", ">\n      a ==\n      b", false},
		{"literal", "|  # keep\n      a ==\n\n      b\n", "a ==\n\nb\n", "|  # keep\n      a ==\n\n      b", false},
		{"plain over two lines", "a ==\n      b   # note\n", "a == b", "a ==\n      b", false},
		{"quoted over two lines", "\"a ==\n      b\"\n", "a == b", "\"a ==\n      b\"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := prefix + tt.cond
			h := readFirst(t, "h.yaml", text)
			assert.Equal(t, tt.value, h.Cond.Text.Value)
			assert.Equal(t, tt.spans, spanned(h.Cond))
			assert.Equal(t, tt.verbatim, h.Cond.Text.Verbatim(0, len(tt.value)))
			assert.Equal(t, "3:11", fmt.Sprintf("%d:%d", h.Cond.At.Line, h.Cond.At.Column), "where the scalar starts")
			if !tt.verbatim {
				end := h.Cond.Text.Pos(len(tt.value))
				assert.Equal(t, h.Cond.At, end, "a value with no place of its own ends where its scalar starts")
			}
		})
	}
}

// Every value is read with its place; the defaults are the entry's.
func TestReadHandlerFile(t *testing.T) {
	text := "\uFEFFname: Custom\r\nhandlers:\r\n" +
		"  - name: gone\r\n    event: interaction.deleted\r\n    cond: system.ANI == '1'\r\n    state: s\r\n    target: t\r\n    ends: true\r\n    description: bye\r\n" +
		"  - {event: \"interaction.présent\", enabled: false, condition: x}\r\n"
	f, err := ReadHandlerFile("h.yaml", []byte(text))
	require.NoError(t, err)
	assert.Equal(t, "Custom", f.Title.Text.Value)
	require.Len(t, f.Handlers, 2)
	gone, second := f.Handlers[0], f.Handlers[1]
	assert.Equal(t, "gone", gone.Label())
	assert.Equal(t, "s", gone.Region())
	assert.Equal(t, "t", gone.Target.Text.Value)
	assert.Equal(t, "bye", gone.Description.Text.Value)
	assert.True(t, gone.Enabled)
	assert.True(t, gone.Ends)
	assert.Equal(t, []int{3, 5}, []int{gone.Pos.Line, gone.Pos.Column}, "a byte order mark changes no column")
	assert.Equal(t, "5:21", fmt.Sprint(gone.Cond.Text.Pos(10).Line, ":", gone.Cond.Text.Pos(10).Column), "'1' inside system.ANI == '1'")

	assert.Equal(t, "handler 2", second.Label())
	assert.Equal(t, HandlerFileRegion, second.Region())
	assert.False(t, second.Enabled)
	assert.False(t, second.State.Set())
	assert.Equal(t, "x", second.Cond.Text.Value, "condition is cond")
	p := second.Event.Text.Pos(len("interaction.pré"))
	assert.Equal(t, []int{10, 29}, []int{p.Line, p.Column}, "columns count runes")

	var items []string
	for _, it := range f.Items {
		items = append(items, fmt.Sprintf("%s %s %q event=%q state=%q handler=%q %s", it.Kind, it.Element, it.Attr, it.Event, it.State, it.Handler, it.Text.Value))
	}
	assert.Equal(t, []string{
		`descriptors handler "event" event="interaction.deleted" state="s" handler="gone" interaction.deleted`,
		`condition handler "" event="interaction.deleted" state="s" handler="gone" system.ANI == '1'`,
		`descriptors handler "event" event="interaction.présent" state="handlers" handler="handler 2" interaction.présent`,
		`condition handler "" event="interaction.présent" state="handlers" handler="handler 2" x`,
	}, items)
}

// A blank condition is no item; a handler without an event has no event
// item.
func TestReadHandlerFileItems(t *testing.T) {
	f, err := ReadHandlerFile("h.json", []byte(`{"handlers": [{"cond": " "}, {"event": "e", "cond": ""}]}`))
	require.NoError(t, err)
	require.Len(t, f.Items, 1)
	assert.Equal(t, Descriptors, f.Items[0].Kind)
	assert.Equal(t, "e", f.Items[0].Text.Value)
	assert.Equal(t, 41, f.Items[0].Text.Pos(0).Column)
}

// Every mistake is an error at its place, in the words of the file.
func TestReadHandlerFileErrors(t *testing.T) {
	tests := []struct{ name, file, text, want string }{
		{"empty", "h.yaml", "", "h.yaml: empty handler file"},
		{"not a mapping", "h.yaml", "- a\n", "h.yaml:1:1: a handler file is a mapping with a handlers list"},
		{"unknown key", "h.yaml", "name: x\nhandler: []\n", `h.yaml:2:1: unknown key "handler" (want name, handlers)`},
		{"no list", "h.yaml", "name: x\n", "h.yaml:1:1: no handlers list"},
		{"list not a list", "h.yaml", "handlers: 3\n", "h.yaml:1:1: no handlers list"},
		{"entry not a mapping", "h.yaml", "handlers:\n  - x\n", "h.yaml:2:5: handler 1 is not a mapping"},
		{"unknown handler key", "h.yaml", "handlers:\n  - name: x\n    when: y\n", `h.yaml:3:5: unknown handler key "when" (want name, event, cond, condition, enabled, state, target, ends, description)`},
		{"enabled not a bool", "h.yaml", "handlers:\n  - enabled: yes\n", "h.yaml:2:14: handler 1: enabled must be true or false"},
		{"cond not text", "h.yaml", "handlers:\n  - cond: [a]\n", "h.yaml:2:11: handler 1: cond must be text"},
		{"both", "h.yaml", "handlers:\n  - cond: a\n    condition: b\n", "h.yaml:2:5: handler 1 has both cond and condition"},
		{"twice", "h.yaml", "handlers:\n  - cond: a\n    cond: b\n", "h.yaml:2:5: handler 1: yaml: unmarshal errors:\n  line 3: mapping key \"cond\" already defined at line 2"},
		{"YAML syntax", "h.yaml", "handlers: [\n", "h.yaml:1:11: a value is missing here"},
		{"JSON trailing comma", "h.json", "{\"handlers\": [{\"cond\": \"a\"},]}", "h.json:1:28: invalid JSON: a ',' cannot come before ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHandlerFile(tt.file, []byte(tt.text))
			assert.EqualError(t, err, tt.want)
		})
	}
}

// Handler files are read when named, never found by a walk.
func TestHandlerFilesAreNamed(t *testing.T) {
	for _, name := range []string{"h.yaml", "H.YML", "dir/h.json"} {
		assert.True(t, IsHandlerFile(name), name)
		_, ok := FormatOf(name)
		assert.False(t, ok, name)
	}
	assert.False(t, IsHandlerFile("h.scxml"))
	f, err := ReadNamed("h.yml", []byte("handlers:\n  - cond: a\n"))
	require.NoError(t, err)
	assert.Equal(t, FormatHandlers, f.Format)
	assert.Equal(t, "handlers", f.Format.String())
	require.Len(t, f.Items, 1)
	_, err = Read("h.yml", []byte("handlers:\n  - cond: a\n"))
	assert.Error(t, err, "Read keeps to documents")
}

// FuzzReadHandlerFile feeds arbitrary text to the handler-file reader:
// it may not panic, and every value it reads maps into the file, onto the
// very bytes it reads when it says it is written verbatim.
func FuzzReadHandlerFile(f *testing.F) {
	f.Add([]byte("name: t\nhandlers:\n  - {name: a, event: e, cond: 'a == == b'}\n"), false)
	f.Add([]byte(`{"handlers":[{"event":"*","condition":"In(\"x\")","state":"s"}]}`), true)
	f.Add([]byte("\uFEFFhandlers:\r\n  - cond: >\r\n      a ==\r\n      'b'\r\n    event: \"x\\ty\"\r\n"), false)
	f.Add([]byte("handlers:\n  - cond: |\n     a\n\n     b # c\n    target: 'it''s'\n  - description: &d x\n    name: *d\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, js bool) {
		name := "fuzz.yaml"
		if js {
			name = "fuzz.json"
		}
		file, err := ReadHandlerFile(name, data)
		if err != nil {
			return
		}
		size := len(file.Source.Data)
		check := func(what string, s Scalar) {
			if !s.Set() {
				return
			}
			from, to := s.Text.FileSpan(0, len(s.Text.Value))
			if from < 0 || to < from || to > size || s.At.Offset < 0 || s.At.Offset > size {
				t.Fatalf("%s %q maps to [%d, %d) at %d of %d bytes", what, s.Text.Value, from, to, s.At.Offset, size)
			}
			if s.Text.Verbatim(0, len(s.Text.Value)) && string(file.Source.Data[from:to]) != s.Text.Value {
				t.Fatalf("%s %q is said verbatim but the file has %q", what, s.Text.Value, file.Source.Data[from:to])
			}
		}
		check("title", file.Title)
		for _, h := range file.Handlers {
			for what, s := range map[string]Scalar{"name": h.Name, "event": h.Event, "cond": h.Cond, "state": h.State, "target": h.Target, "description": h.Description} {
				check(what, s)
			}
		}
	})
}
