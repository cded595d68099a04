package main

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/runtime"
)

// Reading what the commands take besides their flags: the files and
// globals of EnvFlags. JSON is read by jsonin, so that an error in a file
// reads the same from every command.

// EnvFlags name what a condition sees: the flags eval and repl share.
type EnvFlags struct {
	Event  string   `placeholder:"FILE" help:"A JSON file with the _event object (name, type, data, ...)."`
	System string   `placeholder:"FILE" help:"A JSON file with the system variables."`
	State  []string `placeholder:"ID" help:"An active state, for In() (repeatable)."`
	Global []string `placeholder:"NAME=JSON" sep:"none" help:"A further global, such as an App_ variable or a <data> id (repeatable)."`
}

// env reads the files and globals the flags name.
func (f *EnvFlags) env() (runtime.Env, error) {
	in := runtime.Env{States: f.State}
	var err error
	if f.Event != "" {
		if in.Event, err = readObjectFlag("--event", f.Event); err != nil {
			return in, err
		}
	}
	if f.System != "" {
		if in.System, err = readObjectFlag("--system", f.System); err != nil {
			return in, err
		}
	}
	in.Globals, err = parseGlobals(f.Global)
	return in, err
}

// parseGlobals reads --global flags into a map; nil when there are none.
func parseGlobals(flags []string) (map[string]any, error) {
	var out map[string]any
	for _, g := range flags {
		name, v, err := parseGlobal(g)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make(map[string]any, len(flags))
		}
		out[name] = v
	}
	return out, nil
}

// parseGlobal reads one --global flag, NAME=JSON.
func parseGlobal(flag string) (name string, value any, err error) {
	name, text, ok := strings.Cut(flag, "=")
	if !ok || name == "" {
		return "", nil, usagef("--global %s: want NAME=JSON", flag)
	}
	if !isIdentifier(name) {
		return "", nil, usagef("--global %s: %q is not a name a condition can use (letters, digits, _ and $, not starting with a digit, and not a keyword)", flag, name)
	}
	if value, err = jsonin.DecodeValue([]byte(text)); err != nil {
		return "", nil, fmt.Errorf("--global %s: %w", name, err)
	}
	return name, value, nil
}

// isIdentifier says whether a condition can name a global so: it reads as
// that one name, not a number, a keyword or an expression.
func isIdentifier(name string) bool {
	e, err := cond.ParseExpression(name)
	if err != nil {
		return false
	}
	id, ok := e.Root.(*cond.Ident)
	return ok && id.Name == name && id.Span().End == len(name)
}
