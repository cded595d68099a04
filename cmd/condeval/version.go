package main

import (
	"fmt"
	"runtime/debug"
)

// The version is the module's, as the go command stamps it into the
// binary: the release tag for `go install …@v0.1.0`, a pseudo-version
// (v0.0.0-20260301120000-abcdef123456) for a build from a git checkout,
// and "(devel)" with the commit when the build had no version to stamp.

// version is the version condeval prints and reports to editors and in
// SARIF logs.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return versionOf(info)
}

// versionOf reads the version from build information.
func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev == "" {
		return "(devel)"
	}
	return fmt.Sprintf("(devel, commit %.12s%s)", rev, modified)
}

// VersionCmd is condeval version, the command form of --version.
type VersionCmd struct{}

// Run prints what --version prints.
func (VersionCmd) Run(env *Env) error {
	_, err := fmt.Fprintln(env.Stdout, versionLine())
	return err
}

// versionLine is what condeval version and --version print.
func versionLine() string { return "condeval " + version() }
