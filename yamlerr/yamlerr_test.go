package yamlerr

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"gopkg.in/yaml.v3"
)

func TestYAMLError(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unclosed list", "disable: [C206, C207\n", "f.yaml:1:11: a [ ] list needs ',' between its items and ']' at its end"},
		{"list closed by a brace, second line", "a: 1\nb: [x, y}\n", "f.yaml:2:5: a [ ] list needs ',' between its items and ']' at its end"},
		{"tab", "a: 1\n\tb: 2\n", "f.yaml:2:1: a tab cannot indent YAML; indent with spaces"},
		{"unclosed quote", "a: 1\nb: \"x\n", "f.yaml:2:4: the file ends before this quoted text is closed"},
		{"dedented list item", "a:\n  - x\n - y\n", "f.yaml:3:2: this line is indented differently from the lines above it"},
		{"second colon", "a: b: c\n", "f.yaml:1:5: ':' cannot follow a value on the same line; put the text in quotes or start a new line"},
		{"handler key out of line", "handlers:\n  - name: x\n    cond: a == 1\n   event: y\n", "f.yaml:4:4: this line is indented differently from the list items above it"},
		{"characters counted, not bytes", "é: [x, y}\n", "f.yaml:1:5: a [ ] list needs ',' between its items and ']' at its end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := yaml.Unmarshal([]byte(tt.text), new(yaml.Node))
			assert.EqualError(t, Syntax("f.yaml", []byte(tt.text), err), tt.want)
		})
	}
	assert.EqualError(t, Syntax("f.yaml", nil, errors.New("other")), "f.yaml: other", "not the reader's error")

	long := strings.Repeat("- a: 1\n  b: [x, y]\n", 5000) + "- c: [x, y}\n"
	err := yaml.Unmarshal([]byte(long), new(yaml.Node))
	assert.EqualError(t, Syntax("f.yaml", []byte(long), err), "f.yaml:10001:10: a [ ] list needs ',' between its items and ']' at its end", "a mistake at the end of a long file")
}

// Whatever the text, a syntax error comes back placed in the file.
func FuzzYAMLError(f *testing.F) {
	for _, s := range []string{"a: [b, c\n", "a: b: c", "\t- x", "a: 'x", "a:\n  - x\n - y\n", "{a: 1]", "é: [x, y}"} {
		f.Add(s)
	}
	placed := regexp.MustCompile(`^f\.yaml:[1-9][0-9]*:[1-9][0-9]*: `)
	f.Fuzz(func(t *testing.T, text string) {
		err := yaml.Unmarshal([]byte(text), new(yaml.Node))
		if _, syntax := yamlProblem(err); !syntax {
			return
		}
		got := Syntax("f.yaml", []byte(text), err).Error()
		if !placed.MatchString(got) || strings.Contains(strings.TrimPrefix(got, "f.yaml:"), "yaml:") {
			t.Fatalf("%q: %s", text, got)
		}
	})
}
