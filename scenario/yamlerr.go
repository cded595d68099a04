package scenario

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// The YAML decoder names the Go types it could not fill ("cannot unmarshal
// !!map into []scenario.Step"); a scenario's author reads what the file
// should have held instead.

// yamlTypeError matches one of the decoder's type errors.
var yamlTypeError = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+) (?:`([^`]*)` )?into (.+)$")

// yamlKind names a YAML kind of value (map, seq, str…) in the user's words.
func yamlKind(tag string) string {
	return map[string]string{
		"map": "a mapping", "seq": "a list", "str": "text", "int": "a number", "float": "a number",
		"bool": "true or false", "null": "nothing", "timestamp": "a date",
	}[tag]
}

// userError rewrites the decoder's type errors of file in the user's
// words, one line each; other errors come back as they are.
func userError(file string, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("%s: %v", file, err)
	}
	var lines []string
	for _, e := range te.Errors {
		m := yamlTypeError.FindStringSubmatch(e)
		if m == nil {
			lines = append(lines, fmt.Sprintf("%s: %s", file, e))
			continue
		}
		got := yamlKind(m[2])
		if m[3] != "" {
			got += " (" + m[3] + ")"
		}
		lines = append(lines, fmt.Sprintf("%s:%s: want %s, got %s", file, m[1], goKind(m[4]), got))
	}
	return errors.New(strings.Join(lines, "\n"))
}

// goKind says what a value of a Go type is written as in YAML.
func goKind(t string) string {
	t = strings.TrimLeft(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return "a mapping"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	}
	return "a number"
}
