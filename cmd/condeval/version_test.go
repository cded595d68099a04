package main

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVersionOf(t *testing.T) {
	tests := []struct {
		name     string
		version  string
		settings map[string]string
		want     string
	}{
		{"a release, from go install …@v0.1.0", "v0.1.0", nil, "v0.1.0"},
		{"a checkout, stamped by the go command", "v0.0.0-20260301120000-abcdef123456+dirty", nil, "v0.0.0-20260301120000-abcdef123456+dirty"},
		{"a checkout with -buildvcs=false", "(devel)", nil, "(devel)"},
		{"a build with its commit only", "(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, "(devel, commit 0123456789ab, modified)"},
		{"a test binary", "", nil, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/condeval/condeval", Version: tt.version}}
			for k, v := range tt.settings {
				info.Settings = append(info.Settings, debug.BuildSetting{Key: k, Value: v})
			}
			assert.Equal(t, tt.want, versionOf(info))
		})
	}
}

// condeval version and --version print the same line, never a made-up one.
func TestVersionCommand(t *testing.T) {
	code, out, errOut := runWithInput(t, "", "version")
	assert.Equal(t, exitOK, code, errOut)
	assert.Equal(t, versionLine()+"\n", out)
	code, flagOut, _ := runWithInput(t, "", "--version")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, out, flagOut)
	assert.NotContains(t, out, "dev\n")
}
