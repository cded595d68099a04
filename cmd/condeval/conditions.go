package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/condeval/condeval/jsonin"
	"github.com/condeval/condeval/render"
)

// Every command that takes a condition takes it the same way: -e EXPR
// (--expr, or --cond as it was once spelt), repeatable, and eval also as
// arguments; "-" reads the condition from standard input.

// stdinArg is the condition or file name that stands for standard input.
const stdinArg = "-"

// readConditions returns the conditions given, in order, with "-" replaced
// by standard input (which can be read once).
func readConditions(stdin io.Reader, given []string) ([]string, error) {
	out := make([]string, len(given))
	read := false
	for i, g := range given {
		if g != stdinArg {
			out[i] = g
			continue
		}
		if read {
			return nil, usagef("- (standard input) can be given once")
		}
		read = true
		var err error
		if out[i], err = readCondition(stdin); err != nil {
			return nil, fmt.Errorf("reading the condition from standard input: %w", err)
		}
	}
	return out, nil
}

// readConditionFile reads the condition held by the file a flag names.
func readConditionFile(flag, path string) (string, error) {
	f, err := openFlag(flag, path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	src, err := readCondition(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", flag, err)
	}
	if strings.TrimSpace(src) == "" {
		return "", fmt.Errorf("%s %s: no condition in the file", flag, path)
	}
	return src, nil
}

// readCondition reads the whole of r as one condition. A byte order mark
// and the line breaks that end the text are no part of it; white space
// before it is, so that columns are those of the file.
func readCondition(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	return strings.TrimRight(string(jsonin.TrimBOM(b)), "\r\n"), err
}

// exprName names the i-th of n conditions given on the command line where
// a file name would be: <expr>, then <expr2>, <expr3>...
func exprName(i int) string {
	if i == 0 {
		return render.Expr
	}
	return fmt.Sprintf("<expr%d>", i+1)
}
