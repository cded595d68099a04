// Package statechart is the W3C SCXML model and its semantics, in two
// lifecycles.
//
// Handler sets answer "which handler fires for this event": handler sets
// read from every source (SCXML documents, Composer .ixnprocess files,
// condeval's YAML/JSON handler files), transition selection, exit sets and
// conflicts, dispatch of one event with the reason every other handler did
// not fire, and whether firing a handler ends the session. A HandlerSet
// compiles each condition once and is then immutable, so Dispatch is safe
// for concurrent use.
//
// Sessions answer "what does the strategy then do": a W3C SCXML 1.0
// interpreter for the ECMAScript data model (Appendix D's algorithm). A
// Machine is a loaded document; a Session runs it with one writable
// datamodel on a sandboxed goja runtime, one event at a time. Time is
// virtual: delayed events never sleep, the caller moves the clock. ORS
// extension actions and sends to targets outside the simulation are
// recorded as effects, never done, and everything a document reads stays
// under its project root. The Basic HTTP Event I/O processor listens and
// sends on loopback only (http.go).
//
// Conditions are compiled and evaluated by package runtime; documents are
// read by package scxml.
package statechart
