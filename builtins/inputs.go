package builtins

// Input is a part of an Env that a caller supplies: what a condition reads
// undefined (or fails on) when the caller forgot it.
type Input uint8

// The inputs a condition can miss.
const (
	InputEventData Input = iota + 1 // _event.data: Env.Event and its "data" field
	InputSystem                     // system, also _data.system.context: Env.System
	InputGlobal                     // a name only Env.Globals supplies (App_* variables, <data> ids), also _data.NAME
)

// Missing is an input that a condition reads and an Env does not give.
type Missing struct {
	Input Input
	Name  string // the global's name, for InputGlobal
	// Read is the index, in the paths given to MissingInputs, of the
	// first path that reads it.
	Read int
}

// MissingInputs lists, once each and in the order first read, the inputs
// that paths (property paths as cond's Expr.Reads spells their segments)
// read and env does not give: a field of _event.data when there is no
// event or it has no "data", a field of system when there is no System,
// and a name that is neither a global of the data model nor in
// env.Globals. An input given empty ({}) is given: what it lacks is the
// data's business, not the caller's.
func MissingInputs(paths [][]string, env Env) []Missing {
	var out []Missing
	seen := map[Missing]bool{}
	for i, p := range paths {
		m, ok := missingInput(p, env)
		if !ok || seen[m] {
			continue
		}
		seen[m] = true
		m.Read = i
		out = append(out, m)
	}
	return out
}

// missingInput is the input path reads when env does not give it, with
// Read left 0 so that inputs compare equal.
func missingInput(path []string, env Env) (Missing, bool) {
	path, ok := DataAlias(path)
	if !ok || len(path) == 0 {
		return Missing{}, false
	}
	switch root := path[0]; {
	case root == scopeNames[argEvent]:
		_, hasData := env.Event["data"]
		return Missing{Input: InputEventData}, len(path) >= 2 && path[1] == "data" && !hasData
	case root == scopeNames[argSystem]:
		return Missing{Input: InputSystem}, len(path) >= 2 && env.System == nil
	case IsScopeName(root):
		return Missing{}, false
	}
	if _, given := env.Globals[path[0]]; given {
		return Missing{}, false
	}
	if _, known := LookupGlobal(path[0]); known {
		return Missing{}, false
	}
	return Missing{Input: InputGlobal, Name: path[0]}, true
}
