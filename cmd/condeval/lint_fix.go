package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
)

// fixFlags are lint's flags for repairing files.
type fixFlags struct {
	Fix          bool `help:"Apply the safe fixes to the files, lint again and report what is left."`
	UnsafeFixes  bool `name:"unsafe-fixes" help:"Also apply unsafe fixes, which change what the strategy does (= to ==, a misspelt field, the resultof filter, the Composer upgrade). Implies --fix."`
	Diff         bool `help:"Print the fixes as a unified diff and write nothing; exit 1 when there is something to fix. Implies --fix."`
	FixGenerated bool `name:"fix-generated" help:"Also fix SCXML under src-gen/ that Composer generated from a diagram in the project (by default only the diagram is fixed)."`
}

func (f *fixFlags) fixing() bool { return f.Fix || f.UnsafeFixes || f.Diff || f.FixGenerated }

// fixCounts add up what a fix run did, for the line on stderr.
type fixCounts struct {
	fixed, files int
	failed       bool // a file could not be written
}

// runFix fixes (or, with --diff, shows the fixes for) every file of the
// paths that has something to fix, then reports what lint still finds and exits as lint does: 1
// for an error-level finding, or with --diff for anything to fix; 2 when
// a file could not be written.
func (c *LintCmd) runFix(env *Env, configs *lint.Configs) error {
	level := cond.FixSafe
	if c.UnsafeFixes {
		level = cond.FixUnsafe
	}
	var counts fixCounts
	var findings []lint.FileFinding
	for _, p := range c.Paths {
		// One lint of the whole path, as a project, says which files have
		// something to fix; only those are fixed (and linted again).
		all, _, err := lint.Path(p, configs.For)
		if err != nil {
			return err
		}
		var fixable []string
		seen := map[string]bool{}
		for _, f := range all {
			if f.Repair != nil && f.Repair.Kind.Allows(level) && !seen[f.File] {
				seen[f.File] = true
				fixable = append(fixable, f.File)
			}
		}
		for _, f := range all {
			if !seen[f.File] {
				findings = append(findings, f)
			}
		}
		for _, name := range fixable {
			fs, err := c.fixOne(env, name, configs, level, &counts)
			if err != nil {
				return err
			}
			findings = append(findings, fs...)
		}
	}
	verb := "fixed"
	if c.Diff {
		verb = "would fix"
	}
	fmt.Fprintf(env.Stderr, "%s %d %s in %d %s\n", verb, counts.fixed, plural(counts.fixed, "finding"), counts.files, plural(counts.files, "file"))
	switch {
	case counts.failed:
		env.Code = exitUsage
		return nil
	case c.Diff:
		if counts.files > 0 {
			env.Code = exitFalse
		}
		return nil
	}
	return c.report(env, lint.SortFindings(findings))
}

// fixOne fixes one file and returns the findings left in it. Problems with
// the file itself are reported on stderr; only an unreadable configuration
// or file stops the run.
func (c *LintCmd) fixOne(env *Env, name string, configs *lint.Configs, level cond.FixKind, counts *fixCounts) ([]lint.FileFinding, error) {
	cfg, err := configs.For(name)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	fx, err := lint.FixFile(name, data, cfg, level)
	if err != nil {
		fmt.Fprintln(env.Stderr, "condeval:", err)
	}
	if !fx.Changed() {
		return fx.Findings, nil
	}
	if src := lint.GeneratedFrom(name); src != "" && !c.FixGenerated {
		fmt.Fprintf(env.Stderr, "%s: not fixed: Composer generates it from %s; fix that and generate the code again (or use --fix-generated)\n", name, src)
		fs, _, err := lint.Path(name, configs.For)
		return fs, err
	}
	counts.fixed += len(fx.Applied)
	counts.files++
	if c.Diff {
		_, err := io.WriteString(env.Stdout, unifiedDiff(name, fx.Before, fx.After))
		return nil, err
	}
	if err := writeAtomically(name, fx.After); err != nil {
		fmt.Fprintf(env.Stderr, "condeval: %s: not fixed: %v\n", name, err)
		counts.fixed -= len(fx.Applied)
		counts.files--
		counts.failed = true
		fs, _, err := lint.Path(name, configs.For)
		return fs, err
	}
	return fx.Findings, nil
}

// writeAtomically replaces a file's content by writing a temporary file
// beside it and renaming it over the file, so that a reader (or a crash)
// sees the old file or the new one, never half of one. The file keeps its
// permissions.
func writeAtomically(name string, data []byte) error {
	name, err := filepath.EvalSymlinks(name) // a link stays a link to the fixed file
	if err != nil {
		return err
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".condeval-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil { // on disk before it takes the file's name
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	done = true
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
