// Package builtins describes what a condition can see — the declarations of
// _event, system, _data and the ORS event catalog, used by the linter, the REPL
// and the language server — and builds their runtime values on goja.
package builtins
