// Package lint is condeval's linter: the framework, the rules and the
// driver that the command line and the language server both call.
//
// The framework has the shape of golang.org/x/tools/go/analysis: each Rule
// is a value in a table (Rules) with a code, a name, a doc string and a
// run function over a Pass (one text) or a DocumentPass (a document's
// handlers); Lint knows nothing about any rule beyond those fields. Config
// switches rules off and re-grades them, by code or by name, and inline
// directives (Suppression) switch them off where the user says.
//
// The driver (File, Path, Condition) reads documents with scxml, gives
// each text the Context it comes from (its scxml.Kind, the handler's
// event, the names the document declares), and maps every finding through
// the XML escaping layers to the line and column the user sees
// (FileFinding). Syntax errors come from cond with its own codes
// (C100–C199); the rules use C200 and up.
//
// A finding may carry a Repair: its fix in file terms, escaped for every
// layer it lands in, graded safe or unsafe by its rule (Rule.Fix).
// FixFile applies repairs pass after pass and writes the file back in its
// own encoding; the language server offers the same repairs as code
// actions.
package lint
