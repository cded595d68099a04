// Package scxml reads the documents that hold handler conditions — SCXML
// (.scxml), Composer interaction processes (.ixnprocess) and workflows
// (.workflow), and plain condition lists (.cond) — and hands each condition,
// expression and script over as decoded text that remembers, byte for byte,
// where it came from in the file.
//
// The positions matter because Composer escapes a condition up to twice: an
// `&&` in an .ixnprocess condition is written `&amp;amp;&amp;amp;`, and a
// diagnostic must point at those 18 characters, not at two. encoding/xml
// gives the structure and validates the markup; this package re-scans the
// raw bytes of every start tag and text run to build the offset maps that
// encoding/xml does not report.
//
// Besides the flat list of Items a linter walks, the package models an SCXML
// document's state tree (states, transitions, initial configuration) for
// dispatch, and a Composer IPD's handler list.
package scxml
