package yamlerr

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The YAML reader says "yaml: line 1: did not find expected ',' or ']'":
// its own words, no column, and a line that is often the line before the
// mistake. Every YAML file condeval reads (.condeval.yaml, --config,
// handler files, scenarios) reports its syntax errors through Syntax,
// so they all read file:line:col: message.

// yamlProblems says the reader's problems in the words of someone writing
// the file; a problem not listed is shown as the reader says it.
var yamlProblems = map[string]string{
	"did not find expected ',' or ']'":                       "a [ ] list needs ',' between its items and ']' at its end",
	"did not find expected ',' or '}'":                       "a { } mapping needs ',' between its entries and '}' at its end",
	"found a tab character that violates indentation":        "a tab cannot indent YAML; indent with spaces",
	"found character that cannot start any token":            "this character cannot start a value; put the text in quotes",
	"found unexpected end of stream":                         "the file ends before this quoted text is closed",
	"did not find expected key":                              "this line is indented differently from the lines above it",
	"did not find expected '-' indicator":                    "this line is indented differently from the list items above it",
	"did not find expected node content":                     "a value is missing here",
	"mapping values are not allowed in this context":         "':' cannot follow a value on the same line; put the text in quotes or start a new line",
	"could not find expected ':'":                            "a key needs ':' after it",
	"found undefined tag handle":                             "this '!' tag is not defined",
	"block sequence entries are not allowed in this context": "'-' cannot start a list item here; start the list on a new line",
}

// Syntax turns the YAML reader's syntax error about file (whose text is
// data) into "file:line:col: message". The reader keeps the position to
// itself, so it is found again: the mistake sits at the end of the
// shortest beginning of the file that fails the same way. Errors that are
// not syntax errors come back as "file: message".
func Syntax(file string, data []byte, err error) error {
	problem, ok := yamlProblem(err)
	if !ok {
		return fmt.Errorf("%s: %v", file, err)
	}
	at := failingPrefix(data, problem)
	line, col := lastChar(data[:at])
	words := yamlProblems[problem]
	if at > 0 && data[at-1] == '\t' {
		words = yamlProblems["found a tab character that violates indentation"]
	}
	if words == "" {
		words = problem
	}
	return fmt.Errorf("%s:%d:%d: %s", file, line, col, words)
}

// yamlProblem is the problem of a syntax error without "yaml: line N: ".
func yamlProblem(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	msg, ok := strings.CutPrefix(err.Error(), "yaml: ")
	if !ok || strings.Contains(msg, "cannot unmarshal") {
		return "", false
	}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if _, after, found := strings.Cut(rest, ": "); found {
			msg = after
		}
	}
	return msg, true
}

// failingPrefix is the length of the shortest beginning of data that the
// reader rejects with problem. The reader stops at its first mistake, so a
// beginning that holds it fails and a shorter one mostly does not: a
// binary search, whole lines first and then the bytes of the line found,
// costs a few dozen reads even of a long file.
func failingPrefix(data []byte, problem string) int {
	fails := func(n int) bool {
		p, ok := yamlProblem(yaml.Unmarshal(data[:n], new(yaml.Node)))
		return ok && p == problem
	}
	var ends []int // of each line, its line break included
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	line := sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if line == len(ends) {
		return len(data) // no beginning fails alone; the end of the file it is
	}
	start := 0
	if line > 0 {
		start = ends[line-1]
	}
	return start + 1 + sort.Search(ends[line]-start-1, func(i int) bool { return fails(start + 1 + i) })
}

// lastChar is the 1-based line and column (in characters) of the last
// character of text, a final line break aside.
func lastChar(text []byte) (line, col int) {
	s := strings.TrimSuffix(string(text), "\n")
	start := strings.LastIndexByte(s, '\n') + 1
	return strings.Count(s[:start], "\n") + 1, max(1, utf8.RuneCountInString(s[start:]))
}
