package jsonin

import (
	"bufio"
	"bytes"
	"io"
)

// Lines calls fn with every line of r, blank ones included, and its 1-based
// number, until fn fails or the input ends. A final line break ends the
// last line rather than starting an empty one. A line may be of any length.
// A byte order mark before the first line is no part of it.
func Lines(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if n == 1 {
			line = TrimBOM(line)
		}
		if len(line) > 0 {
			if err := fn(n, line); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// IsBlank reports whether a line holds nothing but white space: in an
// NDJSON stream it separates records and is none.
func IsBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
