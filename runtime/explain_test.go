package runtime

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
)

// explain evaluates src against env with an explanation.
func explain(t *testing.T, src string, env Env) (Result, *Explanation) {
	t.Helper()
	var ex *Explanation
	r := MustCompile(src, testTimeout).Eval(context.Background(), env, Explain(func(e *Explanation) { ex = e }))
	require.NotNil(t, ex)
	return r, ex
}

// parts lists every part of the explanation as text → what it showed.
func parts(ex *Explanation) map[string]string {
	out := map[string]string{}
	var walk func(p *Part)
	walk = func(p *Part) {
		switch p.State {
		case Evaluated:
			out[p.Text] = p.Display
		case Threw:
			out[p.Text] = "threw"
			if p.Error != nil {
				out[p.Text] = "threw " + p.Error.Type
			}
		default:
			out[p.Text] = string(p.State)
		}
		for _, c := range p.Parts {
			walk(c)
		}
	}
	walk(ex.Root)
	return out
}

func seedEvent(resultof any) Env {
	data := map[string]any{"interactionid": "00N5"}
	if resultof != nil {
		data["resultof"] = resultof
	}
	return Env{
		Event:  map[string]any{"name": "interaction.notcontrolled", "data": data},
		System: map[string]any{"InteractionID": "00N5"},
	}
}

func TestExplainShowsEveryPartThatRan(t *testing.T) {
	tests := []struct {
		name string
		src  string
		env  Env
		want map[string]string // parts checked, by text
	}{
		{"seed, revoking", seedCond, seedEvent("revoking"), map[string]string{
			seedCond: "false",
			"_event.data.interactionid == system.InteractionID":           "true",
			"_event.data.interactionid":                                   `"00N5"`,
			"system.InteractionID":                                        `"00N5"`,
			"!_event.data.resultof || _event.data.resultof == 'deletion'": "false",
			"!_event.data.resultof":                                       "false",
			"_event.data.resultof":                                        `"revoking"`,
			"_event.data.resultof == 'deletion'":                          "false",
			"'deletion'":                                                  `"deletion"`,
		}},
		{"seed, no resultof: the right of || is short-circuited", seedCond, seedEvent(nil), map[string]string{
			seedCond:                             "true",
			"!_event.data.resultof":              "true",
			"_event.data.resultof == 'deletion'": "not evaluated",
			"'deletion'":                         "not evaluated",
		}},
		{"a part that throws, and what never ran after it", "_event.data.party.role == 'x' || true", seedEvent(nil), map[string]string{
			"_event.data.party.role == 'x' || true": "threw",
			"_event.data.party.role == 'x'":         "threw",
			"_event.data.party.role":                "threw TypeError",
			"_event.data.party":                     "undefined",
			"'x'":                                   "not evaluated",
			"true":                                  "not evaluated",
		}},
		{"side effects show what happened, once", "(system.n = system.n + 1) == 2 && system.n == 2",
			Env{System: map[string]any{"n": 1.0}}, map[string]string{
				"system.n = system.n + 1": "2",
				"system.n + 1":            "2",
				"system.n == 2":           "true",
			}},
		{"a call keeps its this; typeof an undeclared name does not throw", "'abc'.indexOf('b') == 1 && typeof nope == 'undefined'", Env{}, map[string]string{
			"'abc'.indexOf('b')":         "1",
			"typeof nope":                `"undefined"`,
			"typeof nope == 'undefined'": "true",
		}},
		{"a method that is not one", "_event.data.interactionid.foo()", seedEvent(nil), map[string]string{
			"_event.data.interactionid.foo()": "threw TypeError",
			"_event.data.interactionid":       `"00N5"`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ex := explain(t, tc.src, tc.env)
			got := parts(ex)
			for text, want := range tc.want {
				assert.Equal(t, want, got[text], text)
			}
		})
	}
}

// goja places an error at the last token of the condition it noted a
// position for, and the traced variant's calls note positions of their
// own. Where goja noted none before an error (null[42] ^= foo: line 0), or
// noted one the traced key replaces, the traced error has another place:
// system.if[false||010] on an undefined system.if is placed at "if"
// untraced and at "||" traced. Every other error of the corpus is placed
// alike.
var positionMayDiffer = map[string]bool{
	"(system.if[ false||010] <<= void c) .this *= { } << 1 .data": true,
}

// An explained evaluation gives the Result an unexplained one gives, error
// positions included, over the whole corpus.
func TestExplainedResultIsTheResult(t *testing.T) {
	envs := variedEnvs()[:3]
	for _, src := range corpus(t) {
		c, err := Compile(src, testTimeout)
		if err != nil {
			continue
		}
		for i, env := range envs {
			want := c.Eval(context.Background(), env)
			var ex *Explanation
			got := c.Eval(context.Background(), env, Explain(func(e *Explanation) { ex = e }))
			require.NotNil(t, ex, src)
			msg := []any{"%q, env %d", src, i}
			require.Equal(t, want.Value, got.Value, msg...)
			require.Equal(t, want.Type, got.Type, msg...)
			require.True(t, sameRawDeep(want.Raw, got.Raw), msg...)
			require.Equal(t, want.Written, got.Written, msg...)
			w, g := Execution(want.Err), Execution(got.Err)
			if w != nil && g != nil && (positionMayDiffer[src] || w.Line == 0) {
				w.Line, w.Column, w.Span, g.Line, g.Column, g.Span = 0, 0, cond.Span{}, 0, 0, cond.Span{}
			}
			require.Equal(t, w, g, msg...)
			if got.Err == nil {
				require.Equal(t, Evaluated, ex.Root.State, msg...)
				require.Equal(t, got.Type, ex.Root.Type, msg...)
			} else {
				require.Equal(t, Threw, ex.Root.State, msg...)
			}
		}
	}
}

func TestExplanationLayout(t *testing.T) {
	_, ex := explain(t, "!_event.data.resultof || _event.data.resultof == 'deletion'", seedEvent("revoking"))
	want := "" +
		"!_event.data.resultof || _event.data.resultof == 'deletion'\n" +
		"||      |    |        |  |      |    |        |\n" +
		"||      |    |        |  |      |    |        false\n" +
		"||      |    |        |  |      |    \"revoking\"\n" +
		"||      |    |        |  |      {\"interactionid\":\"00N5\",\"resultof\":\"rev…\n" +
		"||      |    |        |  {\"data\":{\"interactionid\":\"00N5\",\"result…\n" +
		"||      |    |        false\n" +
		"||      |    \"revoking\"\n" +
		"||      {\"interactionid\":\"00N5\",\"resultof\":\"rev…\n" +
		"|{\"data\":{\"interactionid\":\"00N5\",\"result…\n" +
		"false\n"
	assert.Equal(t, want, ex.String())

	_, ex = explain(t, "_event.data.x == 1 ||\n_event.name", seedEvent(nil))
	assert.Equal(t, ""+
		"_event.data.x == 1 ||\n"+
		"|      |    | |    |\n"+
		"|      |    | |    \"interaction.notcontrolled\"\n"+
		"|      |    | false\n"+
		"|      |    undefined\n"+
		"|      {\"interactionid\":\"00N5\"}\n"+
		"{\"data\":{\"interactionid\":\"00N5\"},\"invok…\n"+
		"_event.name\n"+
		"|      |\n"+
		"|      \"interaction.notcontrolled\"\n"+
		"{\"data\":{\"interactionid\":\"00N5\"},\"invok…\n", ex.String())
}

func TestExplanationJSON(t *testing.T) {
	_, ex := explain(t, "_event.data.resultof == 'deletion'", seedEvent("revoking"))
	b, err := json.Marshal(ex)
	require.NoError(t, err)
	var tree struct {
		Source string `json:"source"`
		Root   struct {
			State string `json:"state"`
			Value any    `json:"value"`
			Parts []struct {
				Text    string `json:"text"`
				Type    string `json:"type"`
				Value   any    `json:"value"`
				Display string `json:"display"`
				Column  int    `json:"column"`
			} `json:"parts"`
		} `json:"root"`
	}
	require.NoError(t, json.Unmarshal(b, &tree))
	assert.Equal(t, "evaluated", tree.Root.State)
	assert.Equal(t, false, tree.Root.Value)
	require.Len(t, tree.Root.Parts, 2)
	assert.Equal(t, "_event.data.resultof", tree.Root.Parts[0].Text)
	assert.Equal(t, "revoking", tree.Root.Parts[0].Value)
	assert.Equal(t, `"revoking"`, tree.Root.Parts[0].Display)
	assert.Equal(t, 25, tree.Root.Parts[1].Column)
}

// sameRawDeep is sameRaw inside arrays and objects too (functions made by
// the condition are equal).
func sameRawDeep(a, b any) bool {
	if sameRaw(a, b) {
		return true
	}
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameRawDeep(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !sameRawDeep(x[k], y[k]) {
				return false
			}
		}
		return true
	}
	return sameRaw(a, b)
}

// BenchmarkSeedExplained is an evaluation of the seed condition that asks
// for its explanation.
func BenchmarkSeedExplained(b *testing.B) {
	envs := []Env{seedEvent(nil), seedEvent("deletion"), seedEvent("revoking")}
	c := MustCompile(seedCond, Timeout(10*time.Second))
	ctx := context.Background()
	var ex *Explanation
	opt := Explain(func(x *Explanation) { ex = x })
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if r := c.Eval(ctx, envs[i%3], opt); r.Value != (i%3 != 2) || ex == nil {
			b.Fatal(i, r)
		}
	}
}

// Explained evaluations of one condition from many goroutines each get
// their own evaluation's values.
func TestExplainConcurrently(t *testing.T) {
	c := MustCompile(seedCond, testTimeout)
	resultofs := []string{"revoking", "deletion", "routing", "detaching"}
	errs := make(chan string, 64)
	done := make(chan struct{})
	for g := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 50 {
				resultof := resultofs[(g+i)%len(resultofs)]
				var ex *Explanation
				c.Eval(context.Background(), seedEvent(resultof), Explain(func(x *Explanation) { ex = x }))
				if got := parts(ex)["_event.data.resultof"]; got != `"`+resultof+`"` {
					errs <- got + " for " + resultof
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
