package bench

import "fmt"

// Evaluator answers one condition for one input.
type Evaluator func(Input) (bool, error)

// Engine turns a condition into an evaluator, the way a user of that engine
// would: compile once, evaluate many times.
type Engine struct {
	Name string
	// Compile returns an evaluator for one goroutine, in the engine's fastest form.
	Compile func(Condition) (Evaluator, error)
	// CompileShared returns an evaluator that many goroutines may call at once.
	CompileShared func(Condition) (Evaluator, error)
}

// Engines returns the engines in the order the tables list them, the floor first.
func Engines() ([]Engine, error) {
	cel, err := celEngine()
	if err != nil {
		return nil, fmt.Errorf("cel: %w", err)
	}
	return []Engine{floorEngine(), condevalEngine(), gojaEngine(), exprEngine(), cel}, nil
}

func floorEngine() Engine {
	compile := func(c Condition) (Evaluator, error) {
		return func(in Input) (bool, error) { return c.Go(in), nil }, nil
	}
	return Engine{Name: "go", Compile: compile, CompileShared: compile}
}
