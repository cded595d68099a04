// Package statechart is the W3C SCXML model and its semantics for handler
// sets: the state tree, entry and the active configuration, transition
// selection, exit sets and conflicts, handler sets read from every source
// (SCXML documents, Composer .ixnprocess files, condeval's YAML/JSON
// handler files), dispatch of one event with the reason every other handler
// did not fire, and whether firing a handler ends the session.
//
// Conditions are compiled and evaluated by package runtime; documents are
// read by package scxml. A HandlerSet compiles each condition once and is
// then immutable, so Dispatch is safe for concurrent use.
package statechart
