package cond

// TEMPORARY: placeholder front end so that dependants compile while the real
// lexer and participle grammar are written. It must be replaced entirely.

import (
	"github.com/dop251/goja/parser"
)

// Option configures a parse.
type Option func(*config)

type config struct {
	maxLength int
	maxDepth  int
}

// MaxLength limits the source length in bytes (default 64 KiB).
func MaxLength(n int) Option { return func(c *config) { c.maxLength = n } }

// MaxDepth limits the nesting depth (default 256).
func MaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

// Expr is a parsed condition.
type Expr struct {
	Source string
}

// Program is a parsed script.
type Program struct {
	Source string
}

// ParseExpression parses one ES5.1 expression.
func ParseExpression(src string, opts ...Option) (*Expr, error) {
	if _, err := parser.ParseFile(nil, "", "("+src+"\n)", 0, parser.WithDisableSourceMaps); err != nil {
		return nil, &Error{Source: src, Diagnostics: []Diagnostic{{Code: "C001", Message: err.Error()}}}
	}
	return &Expr{Source: src}, nil
}

// ParseProgram parses an ES5.1 program (a <script> body).
func ParseProgram(src string, opts ...Option) (*Program, error) {
	if _, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps); err != nil {
		return nil, &Error{Source: src, Diagnostics: []Diagnostic{{Code: "C001", Message: err.Error()}}}
	}
	return &Program{Source: src}, nil
}
