// Package cond is condeval's language front end: it lexes and parses the
// ECMAScript 5.1 conditions of SCXML event handlers (and the statements of
// function bodies and <script> blocks), builds an AST whose nodes carry byte
// spans, and reports syntax errors and ES2015+ constructs as diagnostics a
// person can act on. Its Mapper is the one place offsets become lines and
// columns, for condition text and files alike. Nothing in this package
// executes code.
package cond
