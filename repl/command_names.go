package repl

// CommandNames are the REPL's commands as typed (":event", ":set", …), in
// the order :help lists them, for the help of the command that starts it.
func CommandNames() []string {
	var names []string
	for _, c := range replCommands() {
		names = append(names, ":"+c.name)
	}
	return names
}
