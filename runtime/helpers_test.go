package runtime

import "time"

// testTimeout is the time limit of tests that are not about time limits: on
// a loaded machine a descheduled goroutine can overrun the 100ms default
// with nothing wrong.
var testTimeout = Timeout(time.Minute)
