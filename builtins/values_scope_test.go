package builtins

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDataAlias(t *testing.T) {
	tests := []struct {
		path, want []string
		ok         bool
	}{
		{[]string{"_data", "system", "context", "ANI"}, []string{"system", "ANI"}, true},
		{[]string{"_data", "system", "context"}, []string{"system"}, true},
		{[]string{"_data", "App_Target", "requestid"}, []string{"App_Target", "requestid"}, true},
		{[]string{"_event", "data"}, []string{"_event", "data"}, true},
		{[]string{"system", "context"}, []string{"system", "context"}, true},
		{[]string{"_data"}, nil, false},
		{[]string{"_data", "system"}, nil, false},
		{[]string{"_data", "system", "ANI"}, nil, false},
	}
	for _, tt := range tests {
		got, ok := DataAlias(tt.path)
		assert.Equal(t, tt.ok, ok, tt.path)
		assert.Equal(t, tt.want, got, tt.path)
	}
}
