package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alecthomas/kong"
)

// kongNoValue matches kong's refusals of a flag given without its value,
// which speak of its Go-side type ("expected string value but got "EOL"").
var kongNoValue = regexp.MustCompile(`^(--[\w-]+): (?:expected \w+ value but got (?:"EOL"|"(-[^"]*)")|missing value)`)

// placeholderWords say what a flag's value is, by its placeholder.
var placeholderWords = map[string]string{
	"FILE": "a file name", "DIR": "a directory", "DOC": "a document", "PATH": "a path",
	"EXPR": "a condition", "ID": "a state id", "N": "a number", "NAME": "a name",
	"NAME=JSON": "NAME=JSON, e.g. App_X={\"a\":1}", "RULE": "a rule, by code or name",
	"RULE=LEVEL": "RULE=LEVEL, e.g. C201=error", "ADDR": "an address, HOST:PORT", "HOST": "a broker, HOST:PORT",
}

// noValueMessage says which value a flag given without one needs ("--event
// needs a file name"); ok is false for other refusals.
func noValueMessage(msg string, cmd *kong.Node) (string, bool) {
	m := kongNoValue.FindStringSubmatch(msg)
	if m == nil || cmd == nil {
		return "", false
	}
	what := "a value"
	for _, f := range cmd.AllFlags(true) {
		for _, g := range f {
			if "--"+g.Name != m[1] {
				continue
			}
			ph := strings.TrimSuffix(g.PlaceHolder, ",...")
			if w, ok := placeholderWords[ph]; ok {
				what = w
			} else if g.Enum != "" {
				what = orList(strings.Split(g.Enum, ","))
			} else if ph != "" {
				what = "a value: " + ph
			}
		}
	}
	out := fmt.Sprintf("%s needs %s", m[1], what)
	if m[2] != "" {
		out += fmt.Sprintf(", not the flag %s (write %s=%s if that is the value)", m[2], m[1], m[2])
	}
	return out, true
}
