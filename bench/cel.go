package bench

import (
	"fmt"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
	"github.com/google/cel-go/ext"
	"github.com/google/cel-go/interpreter"
)

// celEngine is cel-go: one environment declaring _event and system as
// map(string, dyn), programs planned once and evaluated per event. CEL binds
// functions when the program is planned, not per evaluation, so the active
// states travel as the variable _states and In takes them as its first
// argument.
func celEngine() (Engine, error) {
	env, err := cel.NewEnv(
		cel.Variable("_event", cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable("system", cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable("_states", cel.ListType(cel.StringType)),
		cel.Function("In", cel.Overload("In_list_string",
			[]*cel.Type{cel.ListType(cel.StringType), cel.StringType}, cel.BoolType,
			cel.BinaryBinding(func(states, id ref.Val) ref.Val {
				return states.(traits.Lister).Contains(id)
			}))),
		ext.Strings(),
	)
	if err != nil {
		return Engine{}, err
	}
	compile := func(c Condition) (Evaluator, error) { return compileCEL(env, c) }
	return Engine{Name: "cel", Compile: compile, CompileShared: compile}, nil
}

func compileCEL(env *cel.Env, c Condition) (Evaluator, error) {
	ast, iss := env.Compile(c.CEL)
	if iss.Err() != nil {
		return nil, iss.Err()
	}
	if ast.OutputType() != cel.BoolType {
		return nil, fmt.Errorf("cel: %s yields %s, not bool", c.Name, ast.OutputType())
	}
	program, err := env.Program(ast)
	if err != nil {
		return nil, err
	}
	return func(in Input) (bool, error) {
		out, _, err := program.Eval(celActivation{in})
		if err != nil {
			return false, err
		}
		b, ok := out.(types.Bool)
		if !ok {
			return false, fmt.Errorf("cel: result %s, not bool", out.Type())
		}
		return bool(b), nil
	}, nil
}

// celActivation hands the input to a CEL program without building a map per
// evaluation.
type celActivation struct{ in Input }

func (a celActivation) ResolveName(name string) (any, bool) {
	switch name {
	case "_event":
		return a.in.Event, true
	case "system":
		return a.in.System, true
	case "_states":
		return a.in.States, true
	}
	return nil, false
}

func (a celActivation) Parent() interpreter.Activation { return nil }
