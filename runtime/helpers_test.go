package runtime

import (
	"errors"
	"time"
)

// testTimeout is the time limit of tests that are not about time limits: on
// a loaded machine a descheduled goroutine can overrun the 100ms default
// with nothing wrong.
var testTimeout = Timeout(time.Minute)

// execErr is the *ExecError of r.Err, nil when r raised nothing.
func execErr(r Result) *ExecError {
	var e *ExecError
	errors.As(r.Err, &e)
	return e
}
