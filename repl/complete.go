package repl

import (
	"cmp"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// completer proposes what Tab can insert in a REPL line: names in scope,
// fields after a dot (from the declarations and from the loaded payloads),
// documented string values inside a string after ==, command names, and
// file names after :event, :system and :load. It reads the condition
// before the cursor with cond.ReadCursor, as the language server does, and
// only reads the session's values: complete is a function of the line, the
// cursor and those values.
type completer struct {
	vars    map[string]any // the session's values by top-level name
	globals map[string]any // the globals among them, as _data holds them
	event   string         // the loaded event's name: which _event.data fields are declared
	readDir func(dir string) ([]fs.DirEntry, error)
}

// Complete proposes what Tab can insert at rune position pos of line, for
// the session's current values. It has the shape of liner.WordCompleter:
// the text before the completed word, the candidates for the word, and
// the text after the cursor.
func (s *Session) Complete(line string, pos int) (head string, candidates []string, tail string) {
	return s.completer().complete(line, pos)
}

// completer completes for the session's current values.
func (s *Session) completer() completer {
	return completer{vars: s.vars, globals: s.env().Globals, event: s.eventName(), readDir: s.opts.ReadDir}
}

// complete is Complete for the completer's values.
func (c completer) complete(line string, pos int) (head string, candidates []string, tail string) {
	runes := []rune(line)
	pos = min(max(pos, 0), len(runes))
	before, tail := string(runes[:pos]), string(runes[pos:])
	if trimmed := strings.TrimLeft(before, " \t"); strings.HasPrefix(trimmed, ":") {
		head, candidates = c.completeCommand(before, trimmed, tail)
	} else {
		head, candidates = c.completeExpr(before, 0, tail)
	}
	return head, candidates, tail
}

// completeCommand completes a command name, or its argument: a file name,
// a path and value for :set, a condition for :lint.
func (c completer) completeCommand(before, trimmed, tail string) (string, []string) {
	lead := before[:len(before)-len(trimmed)]
	name, rest, hasArg := strings.Cut(trimmed[1:], " ")
	if !hasArg {
		var out []string
		for _, cmd := range replCommands() {
			if !strings.HasPrefix(cmd.name, name) {
				continue
			}
			cand := ":" + cmd.name
			if cmd.args != "" {
				cand += " " // ready for the argument
			}
			out = append(out, cand)
		}
		return lead, out
	}
	cmd, err := lookupCommand(name)
	if err != nil {
		return "", nil
	}
	arg := strings.TrimLeft(rest, " ")
	from := len(before) - len(arg)
	switch {
	case cmd.files && !strings.HasPrefix(arg, "{"):
		return before[:from], c.completeFile(arg)
	case cmd.name == "set" || cmd.name == "unset" || cmd.name == "lint":
		// A path, its value after :set PATH = ", or a condition.
		return c.completeExpr(before, from, tail)
	}
	return "", nil
}

// completeExpr completes the condition that starts at byte from of before:
// it returns the text before the replaced word and what Tab inserts for
// it. A string being typed is closed unless the tail already closes it.
func (c completer) completeExpr(before string, from int, tail string) (string, []string) {
	cur := cond.ReadCursor(before[from:], len(before)-from)
	labels := c.labels(cur)
	if len(labels) == 0 {
		return "", nil
	}
	if q := string(cur.Quote); cur.Quote != 0 && !strings.HasPrefix(tail, q) {
		for i := range labels {
			labels[i] += q
		}
	}
	return before[:from+cur.Start], labels
}

// labels lists the candidates for what is typed at the cursor, as the
// language server lists them: the names in scope, the fields of a path
// (declared or loaded), or the documented values of the path a string is
// compared with (quoted, before the string is begun).
func (c completer) labels(cur cond.CursorContext) []string {
	switch cur.Kind {
	case cond.CursorName:
		return cur.Filter(c.topNames())
	case cond.CursorMember:
		return cur.Filter(c.fields(cur.Path))
	case cond.CursorValue:
		values := c.enumValues(cur.Path)
		if cur.Quote == 0 {
			for i, v := range values {
				values[i] = "'" + v + "'"
			}
		}
		return cur.Filter(values)
	}
	return nil
}

// fields lists what can follow path and a dot: the fields the catalog
// declares and the keys of the loaded payload, sorted. Members every
// object inherits (constructor, hasOwnProperty) are no field of the data.
func (c completer) fields(path []string) []string {
	own := map[string]bool{}
	if d, ok := builtins.Resolve(path, c.event); ok {
		for _, f := range d.Fields() {
			own[f.Name] = !f.Deprecated
		}
	}
	if v, ok := c.payload(path).(map[string]any); ok {
		for k := range v {
			own[k] = true
		}
	}
	return sortedKeys(own)
}

// payload finds the loaded value at path, through the data model's
// aliases (builtins.DataAlias). _data itself lists the session's globals;
// the catalog declares its system.
func (c completer) payload(path []string) any {
	canon, ok := builtins.DataAlias(path)
	if !ok {
		if len(path) == 1 {
			return c.globals
		}
		return nil
	}
	v, _ := lookupPath(c.vars, canon)
	return v
}

// enumValues lists the documented values of the string at path.
func (c completer) enumValues(path []string) []string {
	d, ok := builtins.Resolve(path, c.event)
	if !ok {
		return nil
	}
	return d.EnumValues()
}

// topNames lists the names a condition can start with: the declared
// globals (deprecated ones left out), the session's globals and the
// keywords that fit where a name does.
func (c completer) topNames() []string {
	names := map[string]bool{}
	for _, d := range builtins.Globals() {
		names[d.Name] = !d.Deprecated
	}
	for n := range c.vars {
		names[n] = true
	}
	for _, k := range cond.ExpressionKeywords() {
		names[k] = true
	}
	return sortedKeys(names)
}

// completeFile lists the entries of arg's directory that start with its
// last element; directories end in a slash so that Tab can go on.
func (c completer) completeFile(arg string) []string {
	dir, base := filepath.Split(arg)
	entries, err := c.readDir(cmp.Or(dir, "."))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			name += "/"
		}
		out = append(out, dir+name)
	}
	return out
}

// sortedKeys returns the keys whose value is true, sorted.
func sortedKeys(set map[string]bool) []string {
	var out []string
	for k, ok := range set {
		if ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
