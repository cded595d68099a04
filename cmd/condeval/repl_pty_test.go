package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replChildEnv makes the test binary act as condeval repl on its standard
// streams: the pseudo-terminal tests start it that way, so that the line
// editor sees a real terminal as its standard input and output.
const replChildEnv = "CONDEVAL_REPL_CHILD"

// The prompts the terminal shows, for a new entry and for its next line.
const (
	promptMain = "cond> "
	promptMore = "  ... "
)

func TestReplTerminalChild(t *testing.T) {
	if os.Getenv(replChildEnv) != "1" {
		t.Skip("runs only as the child of the pseudo-terminal tests")
	}
	os.Exit(run([]string{"repl", "--event", replRevoking, "--system", replSystem}, os.Stdin, os.Stdout, os.Stderr))
}

// terminal is a REPL running on a pseudo-terminal, with everything it has
// written so far.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

// startTerminal starts the REPL on a new pseudo-terminal, or skips the test
// when the system has none.
func startTerminal(t *testing.T, env ...string) *terminal {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReplTerminalChild$")
	cmd.Env = append(os.Environ(), replChildEnv+"=1", "TERM=xterm")
	cmd.Env = append(cmd.Env, env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 200})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = f.Close()
	})
	return term
}

// waitFor waits until the terminal shows want after offset from, and
// returns the offset just after it. It gives up when the REPL ends, or after
// a generous delay, so that a broken REPL fails the test instead of hanging
// it.
func (term *terminal) waitFor(from int, want string) int {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for ended := false; ; {
		term.mu.Lock()
		out := term.out.String()
		term.mu.Unlock()
		if i := strings.Index(out[min(from, len(out)):], want); i >= 0 {
			return from + i + len(want)
		}
		if ended || time.Now().After(deadline) {
			break
		}
		select {
		case <-term.done: // the REPL has ended: look once more, then give up
			ended = true
		case <-time.After(10 * time.Millisecond):
		}
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	require.FailNowf(term.t, "terminal output", "waiting for %q after offset %d; the terminal shows:\n%q", want, from, term.out.String())
	return 0
}

func (term *terminal) typeText(s string) {
	term.t.Helper()
	_, err := io.WriteString(term.pty, s)
	require.NoError(term.t, err)
}

// wait waits for the REPL to end and returns its exit code.
func (term *terminal) wait() int {
	term.t.Helper()
	err := term.cmd.Wait()
	<-term.done
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	require.NoError(term.t, err)
	return 0
}

// A session on a terminal: prompt, coloured answers, Tab completion of a
// field and of a resultof value, Ctrl-C clearing the line, a multi-line
// entry, Ctrl-D leaving, and the history written to its file.
func TestReplTerminal(t *testing.T) {
	history := filepath.Join(t.TempDir(), "cache", "history")
	term := startTerminal(t, "CONDEVAL_HISTORY="+history, "NO_COLOR=")

	// Each line is typed once the prompt shows, as a person would.
	at := term.waitFor(0, promptMain)
	term.typeText("_event.data.resultof\r")
	at = term.waitFor(at, "\x1b[32mtrue\x1b[0m  (string \"revoking\")")

	// Tab completes the field, then the value inside the string with its
	// closing quote; the completed condition runs.
	at = term.waitFor(at, promptMain)
	term.typeText("_event.data.res\t")
	at = term.waitFor(at, "_event.data.resultof")
	term.typeText(" == 'del\t")
	at = term.waitFor(at, "'deletion'")
	term.typeText("\r")
	at = term.waitFor(at, "\x1b[31mfalse\x1b[0m (boolean false)")

	// Ctrl-C drops the line being typed.
	at = term.waitFor(at, promptMain)
	term.typeText("_event.data.x.y.z(")
	at = term.waitFor(at, "z(")
	term.typeText("\x03")
	at = term.waitFor(at, promptMain)
	term.typeText("1\r")
	at = term.waitFor(at, "(number 1)")

	// An open bracket continues the entry on the next line.
	at = term.waitFor(at, promptMain)
	term.typeText("(1 +\r")
	at = term.waitFor(at, promptMore)
	term.typeText("1)\r")
	at = term.waitFor(at, "(number 2)")

	// Up brings the whole entry back, on one line.
	at = term.waitFor(at, promptMain)
	term.typeText("\x1b[A")
	at = term.waitFor(at, "(1 + 1)")
	term.typeText("\r")
	at = term.waitFor(at, "(number 2)")

	// Ctrl-D leaves.
	term.waitFor(at, promptMain)
	term.typeText("\x04")
	assert.Equal(t, 0, term.wait())

	saved, err := os.ReadFile(history)
	require.NoError(t, err)
	assert.Equal(t, "_event.data.resultof\n_event.data.resultof == 'deletion'\n1\n(1 + 1)\n", string(saved))
}

// NO_COLOR turns colour off on a terminal; an interrupt signal (a Ctrl-C
// pressed while a condition runs) does not end the session; a history file
// that cannot be written costs the history, not the session.
func TestReplTerminalNoColourUnwritableHistory(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o600))
	term := startTerminal(t, "NO_COLOR=1", "CONDEVAL_HISTORY="+filepath.Join(blocker, "history"))

	at := term.waitFor(0, promptMain)
	term.typeText("_event.data.resultof == 'revoking'\r")
	at = term.waitFor(at, "true  (boolean true)")
	at = term.waitFor(at, promptMain)
	require.NoError(t, term.cmd.Process.Signal(os.Interrupt))
	term.typeText("2\r")
	at = term.waitFor(at, "true  (number 2)")
	term.waitFor(at, promptMain)
	term.typeText("\x04")
	assert.Equal(t, 0, term.wait())

	term.mu.Lock()
	defer term.mu.Unlock()
	assert.NotContains(t, term.out.String(), "\x1b[32m")
	assert.NotContains(t, term.out.String(), "\x1b[31m")
}
