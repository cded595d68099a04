package bench

import (
	"context"

	"github.com/condeval/condeval/runtime"
)

// condevalEngine is condeval's runtime, the subject of the comparison: the
// front end's checks at compile time, and per evaluation read-only host data,
// isolation between evaluations and a time limit. A compiled condition is
// safe for concurrent use, so both forms are the same.
func condevalEngine() Engine {
	return Engine{Name: "condeval", Compile: compileCondeval, CompileShared: compileCondeval, CompileRaw: compileCondevalRaw}
}

// compileCondevalRaw hands the JSON text to condeval, which decodes only
// what the condition reads.
func compileCondevalRaw(c Condition) (RawEvaluator, error) {
	compiled, err := runtime.Compile(c.JS)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	return func(in RawInput) (bool, error) {
		res := compiled.Eval(ctx, runtime.Env{EventJSON: in.Event, SystemJSON: in.System, States: in.States})
		if res.Err != nil {
			return false, res.Err
		}
		return res.Value, nil
	}, nil
}

func compileCondeval(c Condition) (Evaluator, error) {
	compiled, err := runtime.Compile(c.JS)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	return func(in Input) (bool, error) {
		res := compiled.Eval(ctx, runtime.Env{Event: in.Event, System: in.System, States: in.States})
		if res.Err != nil {
			return false, res.Err
		}
		return res.Value, nil
	}, nil
}
