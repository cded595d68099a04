package stream

import (
	"context"
	"slices"
)

// Evaluator turns the value of one input record into its result. It is
// called from several goroutines at once.
type Evaluator interface {
	// Evaluate returns the outcome of one record, or an error saying why
	// the record is not valid input; the record then goes to the
	// dead-letter topic with that reason.
	Evaluate(ctx context.Context, value []byte) (Outcome, error)
}

// Outcome is what an Evaluator decided for one record.
type Outcome struct {
	// Record is the result record, a JSON object: the line eval --batch
	// writes for a case, or the record dispatch --format json writes.
	Record []byte
	// Result is the value of the condeval-result header, short enough to
	// route on without reading the record: "true" or "false" for a
	// condition, the fired handlers' names for a handler set.
	Result string
	// Fired lists what fired: the condition when it is true, or each
	// handler that fired. Compare mode compares two outcomes by it.
	Fired []Firing
	// Errors counts the error.execution events the evaluation raised.
	Errors int
}

// Firing is one condition or handler that fired for a record.
type Firing struct {
	// Label names it in a compare summary, as users know it: a handler's
	// name and file position, or the condition's text.
	Label string
	// Key is what it does, the same for the same handler in two versions
	// of a set: state, event descriptors, target and whether it ends the
	// session, never its name or line, which move when a document is edited.
	Key string
}

// Same reports whether a and b decide the same: the same keys fired.
func Same(a, b Outcome) bool {
	return slices.Equal(firedKeys(a), firedKeys(b))
}

func firedKeys(o Outcome) []string {
	keys := make([]string, len(o.Fired))
	for i, f := range o.Fired {
		keys[i] = f.Key
	}
	slices.Sort(keys)
	return keys
}
