// Package conformance holds condeval's data-driven conformance suite and
// its runner. Each case in cases/*.yaml names where its expectation comes
// from — the vendor's switchover page (the seed), a W3C SCXML IRP or SCION
// test, a section of the ORS reference — so a failing case points at the
// rule it breaks. The files are embedded, so the suite runs from any
// directory, and every W3C and SCION document a case needs is inline.
//
// Three kinds of case, told apart by their fields:
//
//	descriptor: "error foo"     # event descriptor matching (W3C SCXML §3.12.1)
//	eventname: error.send
//	expect: true
//
//	cond: "_event.data.resultof == 'deletion'"   # one evaluation
//	event: {name: interaction.deleted, data: {resultof: deletion}}
//	system: {InteractionID: X}
//	states: [s1]                # for In()
//	globals: {Var1: 1}
//	expect: true
//	error: TypeError            # optional: the error.execution it raises
//
//	handlers: composer-8.1.400.20.yaml   # or scxml: <inline document>
//	steps:                      # events dispatched in order
//	  - event: {name: interaction.present, data: {...}}
//	    states: [a]             # optional configuration
//	    fired: [interaction re-queued]   # exactly these fire
//	    targets: [b]            # their targets
//	    skipped: {other handler: condition}
//	outcome: active             # or ended: a fired handler marked ends ends the session
//
// A file's `defaults` apply to each of its cases: the top-level keys of
// event merge with the case's, every other field is replaced.
package conformance

import (
	"embed"
	"io/fs"
)

//go:embed cases/*.yaml handlers/*.yaml
var files embed.FS

// Files is the embedded suite: cases/*.yaml and the handler files under
// handlers/ that dispatch cases name.
func Files() fs.FS { return files }

// Cases loads the embedded suite.
func Cases() ([]*Case, error) { return Load(files) }
