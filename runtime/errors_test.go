package runtime

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
)

func TestResultErrIsNilWithoutError(t *testing.T) {
	for _, opts := range [][]Option{nil, {Interpreted()}} {
		r := MustCompile("_event.name == 'a'", opts...).Eval(context.Background(), Env{Event: map[string]any{"name": "a"}})
		var err error = r.Err
		assert.NoError(t, err)
		assert.True(t, r.Value)
	}
}

func TestResultErrReachesExecError(t *testing.T) {
	r := MustCompile("_event.data.x.y").Eval(context.Background(), Env{})
	var e *ExecError
	require.ErrorAs(t, r.Err, &e)
	assert.Equal(t, "TypeError", e.Type)
	var rt Error
	require.ErrorAs(t, r.Err, &rt)
	assert.Same(t, e, rt.Execution())
	assert.Nil(t, errors.Unwrap(r.Err), "a condition's own error has no cause")
}

func TestCompileErrorsShareTheRuntimeType(t *testing.T) {
	tests := []struct {
		name, src string
		typ       string
		code      string // the front end's diagnostic code, when it found one
	}{
		{"front end", "_event.data.resultof == 'deletion' &&", "SyntaxError", "C100"},
		{"ES2015 syntax", "_event.data?.resultof", "SyntaxError", "C110"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(tc.src)
			require.Error(t, err)
			var rt Error
			require.ErrorAs(t, err, &rt)
			assert.Equal(t, tc.typ, rt.Execution().Type)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			var ce *cond.Error
			require.ErrorAs(t, err, &ce, "the front end's error stays reachable")
			assert.Equal(t, tc.code, ce.Diagnostics[0].Code)
			assert.Equal(t, rt.Execution(), CompileError(err))
		})
	}
	var rt Error
	assert.ErrorAs(t, error(&EngineError{Source: "x", Message: "no"}), &rt)
	assert.Equal(t, "SyntaxError", rt.Execution().Type)
}

func TestCompileErrorOfOtherErrors(t *testing.T) {
	assert.Nil(t, CompileError(nil))
	other := errors.New("disk on fire")
	e := CompileError(other)
	assert.Equal(t, "Error", e.Type, "an error that is not a syntax error is not called one")
	assert.Equal(t, "disk on fire", e.Message)
	assert.ErrorIs(t, e, other)
}

// A context that is done stops an evaluation before any of it runs: the
// condition's own ReferenceError never happens.
func TestDoneContextStopsBeforeWork(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithTimeout(context.Background(), 0)
	defer cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"cancelled", cancelled, context.Canceled},
		{"deadline passed", expired, context.DeadlineExceeded},
	}
	for _, tc := range tests {
		for _, src := range []string{"true", "undefinedName", "_event.data.x == 1"} {
			for _, env := range []Env{{}, {EventJSON: []byte(`{"data":{"x":1}}`)}} {
				r := MustCompile(src).Eval(tc.ctx, env)
				assert.False(t, r.Value, "%s: %s", tc.name, src)
				require.ErrorIs(t, r.Err, tc.want, "%s: %s", tc.name, src)
				assert.Equal(t, "TimeoutError", execErr(r).Type)
			}
		}
	}
}

type party struct {
	ID     string `json:"id"`
	Role   string `json:"role,omitempty"`
	Secret string `json:"-"`
	Plain  int
	Queue
}

type Queue struct {
	Name string `json:"queue"`
}

// Go structs given as data read as encoding/json writes them, on both
// paths.
func TestStructsReadAsJSON(t *testing.T) {
	p := party{ID: "p1", Secret: "s", Plain: 3, Queue: Queue{Name: "vq"}}
	tests := []struct {
		src  string
		want bool
	}{
		{"_event.data.party.id == 'p1'", true},
		{"_event.data.party.ID === undefined", true},
		{"'role' in _event.data.party", false},
		{"_event.data.party.Secret === undefined && !('Secret' in _event.data.party)", true},
		{"_event.data.party.Plain === 3", true},
		{"_event.data.party.queue == 'vq'", true},
		{"_event.data.ptr.id == 'p1' && _event.data.ptr.queue == 'vq'", true},
		{"_event.data.party === _event.data.party", true},
		{"(_event.data.party.id = 'x', _event.data.party.id) == 'x'", true},
	}
	for _, opts := range [][]Option{nil, {Interpreted()}} {
		for _, tc := range tests {
			c := MustCompile(tc.src, opts...)
			r := c.Eval(context.Background(), Env{Event: map[string]any{"data": map[string]any{"party": p, "ptr": &p}}})
			require.NoError(t, r.Err, tc.src)
			assert.Equal(t, tc.want, r.Value, "%s (compiled path %v)", tc.src, c.Compiled())
		}
	}
	assert.Equal(t, "p1", p.ID, "the caller's struct is untouched")
}

func TestExecutionOfResultErr(t *testing.T) {
	r := MustCompile("undefinedName").Eval(context.Background(), Env{})
	assert.Equal(t, "ReferenceError", Execution(r.Err).Type)
	assert.Nil(t, Execution(MustCompile("1").Eval(context.Background(), Env{}).Err))
}
