package statechart

import (
	"time"

	"github.com/condeval/condeval/runtime"
)

// testTimeout is the time limit of tests that are not about time limits: on
// a loaded machine a descheduled goroutine can overrun the 100ms default
// with nothing wrong.
var testTimeout = runtime.Timeout(time.Minute)
