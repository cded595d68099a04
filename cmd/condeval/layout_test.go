package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const modulePath = "github.com/condeval/condeval/"

// layoutRow matches a row of the README's "Go packages" table: the
// package, its job, and what it may import of this project.
var layoutRow = regexp.MustCompile("^\\| `([a-z/]+)/` \\|.*\\| ([^|]+) \\|$")

// allowedImports reads the README's table: package → the project packages
// it may import (nil for "all").
func allowedImports(t *testing.T) map[string]map[string]bool {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(readme), "## Go packages\n")
	require.True(t, ok, "README has a Go packages section")
	table, _, _ = strings.Cut(table, "\n#")
	rows := map[string]map[string]bool{}
	for _, line := range strings.Split(table, "\n") {
		m := layoutRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		may := strings.TrimSpace(m[2])
		if may == "all" || may == "the main module" {
			rows[m[1]] = nil
			continue
		}
		set := map[string]bool{}
		for _, name := range regexp.MustCompile("`([a-z]+)`").FindAllStringSubmatch(may, -1) {
			set[name[1]] = true
		}
		rows[m[1]] = set
	}
	require.GreaterOrEqual(t, len(rows), 10, "the table's rows are read")
	return rows
}

// TestPackagesImportOnlyWhatTheLayoutAllows holds every package of the
// module to its row of the README's layout table, and every package to
// having a row.
func TestPackagesImportOnlyWhatTheLayoutAllows(t *testing.T) {
	allowed := allowedImports(t)
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel := filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, "../../")))
		if strings.HasPrefix(rel, "bench") || strings.Contains(rel, "/testdata") || strings.Contains(rel, "/internal/") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		require.NoError(t, err)
		may, ok := allowed[rel]
		if !assert.True(t, ok, "package %s/ has no row in the README's Go packages table", rel) || may == nil {
			return nil
		}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if !strings.HasPrefix(p, modulePath) {
				continue
			}
			dep := strings.Split(strings.TrimPrefix(p, modulePath), "/")[0]
			assert.True(t, may[dep] || strings.HasPrefix(strings.TrimPrefix(p, modulePath), rel+"/"),
				"%s imports %s, which its row in the README's Go packages table does not allow", path, dep)
		}
		return nil
	})
	require.NoError(t, err)
}
