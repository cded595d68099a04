package main

import (
	"bytes"
	"strings"
	"testing"
)

// runWithInput runs the command line on args with stdin as its input and
// returns the exit code and what it wrote.
func runWithInput(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}
