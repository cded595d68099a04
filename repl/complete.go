package repl

import (
	"cmp"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/condeval/condeval/builtins"
)

// completer proposes what Tab can insert in a REPL line: names in scope,
// fields after a dot (from the declarations and from the loaded payloads),
// documented string values inside a string after ==, command names, and
// file names after :event, :system and :load. It only reads the session's
// values: complete is a function of the line, the cursor and those values.
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
	return completer{vars: s.vars, globals: s.env().Globals, event: s.eventName(), readDir: s.opts.ReadDir}.complete(line, pos)
}

// keywords a condition may start a word with, besides the declared names.
var completionKeywords = []string{"false", "in", "instanceof", "new", "null", "true", "typeof", "void"}

// equalityOps precede a value that string completion can offer, longest
// first so that "===" is not read as "==".
var equalityOps = []string{"===", "!==", "==", "!="}

// complete has the shape of liner.WordCompleter: the line, the cursor in
// runes; it returns the text before the completed word, the candidates for
// the word, and the text after the cursor.
func (c completer) complete(line string, pos int) (head string, candidates []string, tail string) {
	runes := []rune(line)
	pos = min(max(pos, 0), len(runes))
	before, tail := string(runes[:pos]), string(runes[pos:])
	if trimmed := strings.TrimLeft(before, " \t"); strings.HasPrefix(trimmed, ":") {
		head, candidates = c.completeCommand(before, trimmed, tail)
	} else {
		head, candidates = c.completeExpr(before, tail, equalityOps)
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
	switch {
	case cmd.files && !strings.HasPrefix(arg, "{"):
		return before[:len(before)-len(arg)], c.completeFile(arg)
	case cmd.name == "set":
		// :set PATH = "re offers the documented values of PATH.
		return c.completeExpr(before, tail, append(slices.Clone(equalityOps), "="))
	case cmd.name == "unset" || cmd.name == "lint":
		return c.completeExpr(before, tail, equalityOps)
	}
	return "", nil
}

// completeExpr completes the word before the cursor in a condition.
func (c completer) completeExpr(before, tail string, ops []string) (string, []string) {
	quote, inString := openString(before)
	if inString {
		path, ok := comparedPath(before[:quote], ops)
		if !ok {
			return "", nil
		}
		var out []string
		q := before[quote : quote+1]
		for _, v := range c.enumValues(path) {
			if !strings.HasPrefix(tail, q) {
				v += q
			}
			out = append(out, v)
		}
		return before[:quote+1], filterPrefix(out, before[quote+1:])
	}
	if quote < 0 { // in a comment
		return "", nil
	}
	word := before[len(strings.TrimRightFunc(before, isIdentRune)):]
	rest := before[:len(before)-len(word)]
	if strings.HasSuffix(rest, ".") {
		path, ok := memberChain(rest[:len(rest)-1])
		if !ok {
			return "", nil
		}
		return rest, filterPrefix(c.members(path), word)
	}
	if word == "" {
		if path, ok := comparedPath(rest, ops); ok {
			var out []string
			for _, v := range c.enumValues(path) {
				out = append(out, "'"+v+"'")
			}
			return rest, out
		}
	}
	if word != "" && word[0] >= '0' && word[0] <= '9' {
		return "", nil
	}
	return rest, filterPrefix(c.topNames(), word)
}

// openString scans a condition up to the cursor. When the cursor is inside
// a string literal it returns the offset of the opening quote and true;
// inside a comment it returns -1 and false; elsewhere 0 and false.
func openString(src string) (int, bool) {
	for i := 0; i < len(src); i++ {
		switch ch := src[i]; {
		case ch == '\'' || ch == '"':
			end := closingQuote(src, i)
			if end < 0 {
				return i, true
			}
			i = end
		case strings.HasPrefix(src[i:], "//"):
			return -1, false
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return -1, false
			}
			i += end + 3
		}
	}
	return 0, false
}

// closingQuote finds the quote that closes the string opened at src[open],
// or -1.
func closingQuote(src string, open int) int {
	for j := open + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case src[open]:
			return j
		}
	}
	return -1
}

// comparedPath reads "PATH ==" (or another of ops) at the end of text and
// returns PATH's segments.
func comparedPath(text string, ops []string) ([]string, bool) {
	t := strings.TrimRight(text, " \t")
	for _, op := range ops {
		if !strings.HasSuffix(t, op) {
			continue
		}
		left := t[:len(t)-len(op)]
		if op == "=" && strings.ContainsAny(left[max(len(left)-1, 0):], "=!<>") {
			return nil, false
		}
		return memberChain(strings.TrimRight(left, " \t"))
	}
	return nil, false
}

// memberChain reads the member expression that ends text — a name followed
// by .name and ['key'] accessors — and returns its segments. A computed
// key that is not a string literal is builtins.AnyKey.
func memberChain(text string) ([]string, bool) {
	var segs []string
	i := len(text)
	for {
		if i > 0 && text[i-1] == ']' {
			open := matchingBracket(text, i-1)
			if open < 0 {
				return nil, false
			}
			seg := builtins.AnyKey
			if key, err := strconv.Unquote(jsToGoQuote(text[open+1 : i-1])); err == nil {
				seg = key
			}
			segs = append(segs, seg)
			i = open
			continue
		}
		j := len(strings.TrimRightFunc(text[:i], isIdentRune))
		if j == i {
			return nil, false
		}
		segs = append(segs, text[j:i])
		i = j
		if i > 0 && text[i-1] == '.' {
			i--
			continue
		}
		break
	}
	slices.Reverse(segs)
	return segs, isIdentifier(segs[0])
}

// matchingBracket returns the offset of the '[' that the ']' at close
// closes, or -1.
func matchingBracket(text string, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		switch text[k] {
		case ']':
			depth++
		case '[':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// jsToGoQuote turns a single-quoted JavaScript string literal into a
// double-quoted one strconv.Unquote reads; other text is returned as is.
func jsToGoQuote(lit string) string {
	lit = strings.TrimSpace(lit)
	if len(lit) >= 2 && lit[0] == '\'' && lit[len(lit)-1] == '\'' {
		inner := strings.ReplaceAll(lit[1:len(lit)-1], `"`, `\"`)
		return `"` + strings.ReplaceAll(inner, `\'`, `'`) + `"`
	}
	return lit
}

// members lists what can follow path and a dot: the declared fields and
// the loaded payload's keys, sorted, then the inherited prototype members.
func (c completer) members(path []string) []string {
	own := map[string]bool{}
	inherited := map[string]bool{}
	if d, ok := builtins.Resolve(path, c.event); ok {
		for _, f := range d.Fields() {
			own[f.Name] = true
		}
		for _, m := range d.Members() {
			inherited[m.Name] = true
		}
	}
	switch v := c.payload(path).(type) {
	case map[string]any:
		for k := range v {
			own[k] = true
		}
	case []any:
		inherited["length"] = true
	}
	for k := range own {
		delete(inherited, k)
	}
	return append(sortedKeys(own), sortedKeys(inherited)...)
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
// globals (deprecated ones left out), the data model, the session's
// globals and the keywords that begin an expression.
func (c completer) topNames() []string {
	names := map[string]bool{}
	for _, d := range builtins.Globals() {
		names[d.Name] = names[d.Name] || !d.Deprecated
	}
	for _, n := range builtins.ScopeNames() {
		names[n] = true
	}
	for n := range c.vars {
		names[n] = true
	}
	for _, k := range completionKeywords {
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

// filterPrefix keeps the candidates that start with word; when none does,
// those that start with it ignoring case, so that Tab also repairs case
// (resultOf → resultof).
func filterPrefix(candidates []string, word string) []string {
	var exact, folded []string
	for _, cand := range candidates {
		switch {
		case strings.HasPrefix(cand, word):
			exact = append(exact, cand)
		case len(cand) >= len(word) && strings.EqualFold(cand[:len(word)], word):
			folded = append(folded, cand)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return folded
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
