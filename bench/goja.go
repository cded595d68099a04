package bench

import (
	"fmt"
	"slices"
	"sync"

	"github.com/dop251/goja"
)

// gojaEngine is goja used raw, in its fastest form: the condition compiled
// once into `function(_event, system, In)`, one runtime, and the host maps
// handed over with ToValue. It has none of condeval's safety (host maps are
// live and writable, no time limit, no isolation between evaluations): it is
// the cost of JavaScript itself.
func gojaEngine() Engine {
	return Engine{Name: "goja", Compile: compileGoja, CompileShared: compileGojaPooled}
}

// gojaVM is one runtime holding the compiled condition. In reads the active
// states from the VM, so the native function is made once, not per call.
type gojaVM struct {
	rt     *goja.Runtime
	fn     goja.Callable
	in     goja.Value
	states []string
}

func gojaProgram(c Condition) (*goja.Program, error) {
	src := "(function(_event, system, In) { return !!(" + c.JS + "); })"
	return goja.Compile(c.Name, src, false)
}

func newGojaVM(p *goja.Program) (*gojaVM, error) {
	vm := &gojaVM{rt: goja.New()}
	v, err := vm.rt.RunProgram(p)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("goja: program did not yield a function")
	}
	vm.fn = fn
	vm.in = vm.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.rt.ToValue(slices.Contains(vm.states, call.Argument(0).String()))
	})
	return vm, nil
}

func (vm *gojaVM) eval(in Input) (bool, error) {
	vm.states = in.States
	v, err := vm.fn(goja.Undefined(), vm.rt.ToValue(in.Event), vm.rt.ToValue(in.System), vm.in)
	vm.states = nil
	if err != nil {
		return false, err
	}
	return v.ToBoolean(), nil
}

func compileGoja(c Condition) (Evaluator, error) {
	p, err := gojaProgram(c)
	if err != nil {
		return nil, err
	}
	vm, err := newGojaVM(p)
	if err != nil {
		return nil, err
	}
	return vm.eval, nil
}

// compileGojaPooled shares one compiled program between a pool of runtimes,
// because a goja.Runtime must only be used by one goroutine at a time.
func compileGojaPooled(c Condition) (Evaluator, error) {
	p, err := gojaProgram(c)
	if err != nil {
		return nil, err
	}
	first, err := newGojaVM(p)
	if err != nil {
		return nil, err
	}
	pool := &sync.Pool{New: func() any {
		vm, err := newGojaVM(p)
		if err != nil {
			return err // the program already ran once, so this does not happen
		}
		return vm
	}}
	pool.Put(first)
	return func(in Input) (bool, error) {
		got := pool.Get()
		vm, ok := got.(*gojaVM)
		if !ok {
			return false, got.(error)
		}
		ok, err := vm.eval(in)
		pool.Put(vm)
		return ok, err
	}, nil
}
