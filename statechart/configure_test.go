package statechart

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/runtime"
)

// The states a caller names are completed to a legal configuration: the
// other regions of an active <parallel> are active, and a compound state
// with no named child enters its initial state.
func TestDispatchCompletesTheConfiguration(t *testing.T) {
	set, err := LoadHandlers("testdata/ipd-regions.scxml", testTimeout)
	require.NoError(t, err)
	require.Empty(t, set.Problems)
	deleted := map[string]any{"name": "interaction.deleted", "data": map[string]any{"interactionid": "IX1"}}
	tests := []struct {
		name   string
		states []string
		active []string
		fired  []string
	}{
		{"a workflow state: the handler region is active beside it", []string{"queue"},
			[]string{"global", "parallel", "application", "MainWorkflow", "queue", "handlers"}, []string{"handlers#1"}},
		{"a compound state enters its initial state", []string{"MainWorkflow"},
			[]string{"global", "parallel", "application", "MainWorkflow", "entry", "handlers"}, []string{"handlers#1"}},
		{"the parallel itself", []string{"parallel"},
			[]string{"global", "parallel", "application", "start", "handlers"}, []string{"handlers#1"}},
		{"the handler region: the application region starts", []string{"handlers"},
			[]string{"global", "parallel", "application", "start", "handlers"}, []string{"handlers#1"}},
		{"the final state", []string{"exit"}, []string{"exit"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := set.Dispatch(context.Background(), deleted, runtime.Env{States: tt.states, System: map[string]any{"InteractionID": "IX1"}})
			require.NoError(t, err)
			assert.Equal(t, tt.active, out.States)
			fired, skipped := outcomeView(out)
			assert.Equal(t, tt.fired, fired)
			if tt.fired == nil {
				assert.Equal(t, ReasonInactive, skipped["handlers#1"])
			}
			assert.Equal(t, tt.fired != nil, out.EndsSession())
		})
	}
}

// Targets holding Composer's prefix placeholder name states of a workflow
// not generated yet: no load problem, and the transition still fires. A
// target that names no state is still reported.
func TestDispatchPrefixPlaceholderTargets(t *testing.T) {
	set, err := LoadHandlers("testdata/subroutine-template.scxml", testTimeout)
	require.NoError(t, err)
	require.Len(t, set.Problems, 1)
	assert.Equal(t, "$$_MY_PREFIX_$$Entry#2", set.Problems[0].Handler.Name)
	assert.Contains(t, set.Problems[0].Message, `"Nowhere"`)

	out, err := set.Dispatch(context.Background(), map[string]any{"name": "done"}, runtime.Env{})
	require.NoError(t, err)
	fired, _ := outcomeView(out)
	assert.Equal(t, []string{"$$_MY_PREFIX_$$Entry#1"}, fired)
	assert.Equal(t, "$$_MY_PREFIX_$$.Exit", out.Fired[0].Target)
}

func TestConfigureNamesTheKnownStates(t *testing.T) {
	set, err := LoadHandlers("testdata/ipd-regions.scxml", testTimeout)
	require.NoError(t, err)
	tests := []struct {
		name   string
		states []string
		want   string
	}{
		{"the states are listed as a sentence does", []string{"nope"}, `no state "nope" (states: global, parallel, application, `},
		{"an unknown state beside a known one", []string{"queue", "nope"}, `no state "nope" (states: global, `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := set.Dispatch(context.Background(), map[string]any{"name": "x"}, runtime.Env{States: tt.states})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "[")
		})
	}
}
