package runtime_test

import (
	"context"
	"fmt"
	"time"

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
	fmt.Println(r.Value, r.Err.Name, r.Err.Type, r.Err.Line)
	// Output: false error.execution TypeError 1
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
	fmt.Println(e.Type, e.Line)
	// Output: SyntaxError 1
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
