// Package batch is condeval's machine-readable evaluation format, in one
// place for every command that speaks it: a case in (an event, system
// variables, active states, globals, and a condition), a record out — the
// result record of a condition, or the dispatch record of a handler set.
// condeval eval --batch reads cases a line at a time, dispatch --format json
// writes dispatch records, and condeval consume does both a Kafka record at
// a time.
package batch
