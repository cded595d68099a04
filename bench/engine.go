package bench

import (
	"encoding/json"
	"fmt"
)

// Evaluator answers one condition for one input.
type Evaluator func(Input) (bool, error)

// RawInput is an input as it arrives: the event and the system as JSON text.
type RawInput struct {
	Event, System []byte
	States        []string
}

// RawEvaluator answers one condition from JSON text.
type RawEvaluator func(RawInput) (bool, error)

// Engine turns a condition into an evaluator, the way a user of that engine
// would: compile once, evaluate many times.
type Engine struct {
	Name string
	// Compile returns an evaluator for one goroutine, in the engine's fastest form.
	Compile func(Condition) (Evaluator, error)
	// CompileShared returns an evaluator that many goroutines may call at once.
	CompileShared func(Condition) (Evaluator, error)
	// CompileRaw returns an evaluator from JSON text; nil means decoding
	// with encoding/json, as a user of the engine would, then Compile's.
	CompileRaw func(Condition) (RawEvaluator, error)
}

// Raw returns e's evaluator from JSON text.
func (e Engine) Raw(c Condition) (RawEvaluator, error) {
	if e.CompileRaw != nil {
		return e.CompileRaw(c)
	}
	eval, err := e.Compile(c)
	if err != nil {
		return nil, err
	}
	return func(in RawInput) (bool, error) {
		decoded := Input{States: in.States}
		if err := json.Unmarshal(in.Event, &decoded.Event); err != nil {
			return false, err
		}
		if err := json.Unmarshal(in.System, &decoded.System); err != nil {
			return false, err
		}
		return eval(decoded)
	}, nil
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
