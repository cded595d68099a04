package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/condeval/condeval/jsonin"
)

// Go names a file it cannot read by the system call that failed ("open
// e.json: no such file or directory", "stat x.scxml: …"); a user reads
// which file, and which flag named it.

// cannotRead is the message of err in the user's words when it is, or
// wraps, a file that cannot be read; other errors keep their text. A
// "--flag: " just before the file moves into the sentence.
func cannotRead(err error) string {
	msg := err.Error()
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return msg
	}
	i := strings.Index(msg, pe.Error())
	if i < 0 {
		return msg
	}
	before, what := msg[:i], pe.Path
	if flag, ok := strings.CutSuffix(before, ": "); ok && strings.HasPrefix(flag, "--") && !strings.ContainsAny(flag, " :") {
		before, what = "", flag+" "+pe.Path
	}
	return before + "cannot read " + what + ": " + pe.Err.Error() + msg[i+len(pe.Error()):]
}

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
