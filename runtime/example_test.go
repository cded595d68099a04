package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/runtime"
)

// The handler of interaction.notcontrolled from Composer's "Handling
// eServices Switchovers": it should end the session only when the
// interaction was deleted (or when ORS is too old to say why).
func Example() {
	c, err := runtime.Compile(`_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')`)
	if err != nil {
		panic(err)
	}
	system := map[string]any{"InteractionID": "00N5RaB8"}
	for _, resultof := range []string{"revoking", "deletion"} {
		r := c.Eval(context.Background(), runtime.Env{
			Event: map[string]any{
				"name": "interaction.notcontrolled",
				"data": map[string]any{"interactionid": "00N5RaB8", "resultof": resultof},
			},
			System: system,
		})
		fmt.Println(resultof, r.Value)
	}
	// Output:
	// revoking false
	// deletion true
}

// A condition that throws evaluates to false and carries the
// error.execution event ORS would raise.
func ExampleCondition_Eval_error() {
	c := runtime.MustCompile("_event.data.party.state == 'ringing'")
	r := c.Eval(context.Background(), runtime.Env{Event: map[string]any{"data": map[string]any{}}})
	var e *runtime.ExecError
	if errors.As(r.Err, &e) {
		fmt.Println(r.Value, e.Name, e.Type, e.Line, e.Column)
	}
	// Output: false error.execution TypeError 1 19
}

// Result.Err is nil when the condition raised nothing, so it can be
// returned as an error as it is.
func ExampleResult_Err() {
	check := func(src string) error {
		return runtime.MustCompile(src).Eval(context.Background(), runtime.Env{}).Err
	}
	fmt.Println(check("1 == 1"))
	fmt.Println(check("undefinedName"))
	// Output:
	// <nil>
	// error.execution: ReferenceError: undefinedName is not defined (line 1, column 1)
}

// Compile errors and execution errors are both a runtime.Error, whose
// Execution is the error.execution event the condition raises; a syntax
// error also unwraps to the front end's *cond.Error with its diagnostics.
func ExampleError() {
	_, err := runtime.Compile("_event.data.resultof == 'deletion' &&")
	var rt runtime.Error
	var ce *cond.Error
	fmt.Println(errors.As(err, &rt), rt.Execution().Type, errors.As(err, &ce), ce.Diagnostics[0].Code)

	r := runtime.MustCompile("_event.data.x.y").Eval(context.Background(), runtime.Env{})
	fmt.Println(errors.As(r.Err, &rt), rt.Execution().Type)
	// Output:
	// true SyntaxError true C100
	// true TypeError
}

// A context that is already done stops the evaluation before it starts;
// Result.Err then matches the context's error.
func ExampleCondition_Eval_cancelled() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := runtime.MustCompile("true").Eval(ctx, runtime.Env{})
	fmt.Println(r.Value, errors.Is(r.Err, context.Canceled))
	// Output: false true
}

// Composer conditions read App_* variables and <data> items; pass them as
// globals.
func ExampleEnv_globals() {
	c := runtime.MustCompile("_event.data.requestid == App_Target['requestid'] && In('Routing')")
	r := c.Eval(context.Background(), runtime.Env{
		Event:   map[string]any{"name": "queue.submit.done", "data": map[string]any{"requestid": "7"}},
		Globals: map[string]any{"App_Target": map[string]any{"requestid": "7"}},
		States:  []string{"Main", "Routing"},
	})
	fmt.Println(r.Value)
	// Output: true
}

// A condition that does not compile reports a SyntaxError with its position.
func ExampleCompileError() {
	_, err := runtime.Compile("_event.data.resultof == 'deletion' &&")
	e := runtime.CompileError(err)
	fmt.Println(e.Type, e.Line, runtime.CompileError(nil) == nil)
	// Output: SyntaxError 1 true
}

// A service holding many conditions compiles them in one environment, so
// they share its prepared runtimes, and hands them events as the JSON text
// they arrived as: each condition decodes only the fields it reads.
func ExampleNewEnvironment() {
	env := runtime.NewEnvironment(runtime.Timeout(50 * time.Millisecond))
	deleted := env.MustCompile(`_event.data.resultof == 'deletion'`)
	routed := env.MustCompile(`_event.data.resultof == 'routing' && In('Routing')`)
	event := []byte(`{"name":"interaction.notcontrolled","data":{"interactionid":"00N5RaB8","resultof":"routing"}}`)
	for _, c := range []*runtime.Condition{deleted, routed} {
		r := c.Eval(context.Background(), runtime.Env{EventJSON: event, States: []string{"Routing"}})
		fmt.Println(c.Source(), r.Value, c.Compiled())
	}
	// Output:
	// _event.data.resultof == 'deletion' false true
	// _event.data.resultof == 'routing' && In('Routing') true true
}

// A condition that assigns gets ORS's answer, and the result says what it
// wrote; the caller's data is untouched.
func ExampleResult_Written() {
	system := map[string]any{"ANI": "5550000"}
	r := runtime.MustCompile(`system.ANI = "5551234"`).Eval(context.Background(), runtime.Env{System: system})
	fmt.Println(r.Value, r.Written, system["ANI"])
	// Output: true [system.ANI] 5550000
}

// An evaluation asked to explain itself hands over the value of every part
// it evaluated; the rest of the condition was short-circuited away.
func ExampleExplain() {
	c := runtime.MustCompile(`!_event.data.resultof || _event.data.resultof == 'deletion'`)
	r := c.Eval(context.Background(), runtime.Env{Event: map[string]any{"data": map[string]any{}}},
		runtime.Explain(func(x *runtime.Explanation) {
			for _, p := range x.Root.Parts {
				fmt.Println(strings.TrimSpace(p.Text + ": " + string(p.State) + " " + p.Display))
			}
			fmt.Print(x)
		}))
	fmt.Println(r.Value)
	// Output:
	// !_event.data.resultof: evaluated true
	// _event.data.resultof == 'deletion': not evaluated
	// !_event.data.resultof || _event.data.resultof == 'deletion'
	// ||      |    |        |                       |
	// ||      |    |        true                    not evaluated
	// ||      {}   undefined
	// |{"data":{},"invokeid":null,"name":null,…
	// true
	// true
}
