package builtins

import (
	"errors"
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
			assert.EqualError(t, YAMLError("f.yaml", []byte(tt.text), err), tt.want)
		})
	}
	assert.EqualError(t, YAMLError("f.yaml", nil, errors.New("other")), "f.yaml: other", "not the reader's error")
}
