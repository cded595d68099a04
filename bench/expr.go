package bench

import (
	"fmt"
	"slices"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// exprEngine is expr-lang/expr: compiled once against the shape of the
// environment, run with a fresh environment per evaluation.
// Alone, one vm.VM is reused (expr's fastest form); shared, each evaluation
// goes through expr.Run, which makes its own VM.
func exprEngine() Engine {
	return Engine{Name: "expr", Compile: compileExpr, CompileShared: compileExprShared}
}

// exprEnv is the environment expr sees. A struct rather than a map: expr
// evaluates it without building a map per event, which halves its time. It
// has Input's fields, so an Input converts to it.
type exprEnv struct {
	Event  map[string]any `expr:"_event"`
	System map[string]any `expr:"system"`
	States []string       `expr:"-"`
}

// In is true for the active states.
func (e exprEnv) In(id string) bool { return slices.Contains(e.States, id) }

func compileExpr(c Condition) (Evaluator, error) {
	program, err := expr.Compile(c.Expr, expr.Env(exprEnv{}), expr.AsBool())
	if err != nil {
		return nil, err
	}
	var machine vm.VM
	return func(in Input) (bool, error) {
		return exprResult(machine.Run(program, exprEnv(in)))
	}, nil
}

func compileExprShared(c Condition) (Evaluator, error) {
	program, err := expr.Compile(c.Expr, expr.Env(exprEnv{}), expr.AsBool())
	if err != nil {
		return nil, err
	}
	return func(in Input) (bool, error) {
		return exprResult(expr.Run(program, exprEnv(in)))
	}, nil
}

func exprResult(out any, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("expr: result %T, not bool", out)
	}
	return b, nil
}
