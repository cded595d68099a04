// Package statechart runs SCXML documents: a W3C SCXML 1.0 interpreter for
// the ECMAScript data model (Appendix D's algorithm), aimed at strategies
// Genesys Composer generates for Orchestration Server.
//
// A Machine is a loaded document; a Session runs it with one writable
// datamodel on a sandboxed goja runtime. Time is virtual: delayed events
// never sleep, the caller moves the clock. ORS extension actions and sends
// to targets outside the simulation are recorded as effects, never done,
// and everything a document reads stays under its project root.
package statechart
