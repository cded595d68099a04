package render

import (
	"errors"
	"io/fs"
	"strings"
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
