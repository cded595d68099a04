package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/condeval/condeval/jsonin"
)

// readObjectFlag reads the JSON object of the file a flag names.
func readObjectFlag(flag, path string) (map[string]any, error) {
	obj, err := jsonin.ReadObjectFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return obj, err
}

// openLines opens the NDJSON input a flag names, "-" being standard input;
// name is what positions in it are reported under.
func openLines(env *Env, flag, path string) (in io.Reader, name string, done func(), err error) {
	if path == stdinArg {
		return env.Stdin, "<stdin>", func() {}, nil
	}
	f, err := openFlag(flag, path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}

// openFlag opens the file a flag names.
func openFlag(flag, path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return f, nil
}
