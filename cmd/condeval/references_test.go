package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What the repository shows its users — the README, docs/, the examples,
// the conformance cases, the help pages and every string in the Go code
// (messages, hover texts) — cites only what the repository holds: a "§" is a section
// of docs/ors.md, a relative link a file of the repository, and a web
// address a public page of the vendor or the W3C (or of a tool the README
// names). The notes the project was built from are not shipped.

// outside are citations of documents that are not in the repository.
var outside = regexp.MustCompile(`ORS-REFERENCE|DESIGN\.md|\bDESIGN \(|\.\./shared|shared/(ORS|DESIGN|seed|conformance-data)`)

// orsCitation is a citation of docs/ors.md and its sections: "docs/ors.md
// §5", "docs/ors.md §1, §6".
var orsCitation = regexp.MustCompile(`docs/ors\.md((?:,? §\d+)+)`)

// webAddress is an http(s) address in text.
var webAddress = regexp.MustCompile(`https?://[^\s)"'<>\x60\]]+`)

// mdLink is the target of a Markdown link.
var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// publicHosts are the sites a web address may point to: the vendor's and
// the W3C's (and the XML namespaces they define), the OMG's XMI namespace
// in Composer's files, the project's own repository, and the pages of the
// tools the README names.
var publicHosts = []string{"docs.genesys.com", "genesyslab.com", "w3.org", "omg.org",
	"github.com/condeval/condeval", "pre-commit.com", "no-color.org"}

// placeholderHosts stand for the user's own address in examples.
var placeholderHosts = regexp.MustCompile(`^(ADDR|host|localhost|127\.0\.0\.1(:\d+)?|example\.com)$`)

func TestReferencesStayInTheRepository(t *testing.T) {
	root := "../.."
	sections := orsSections(t, filepath.Join(root, "docs/ors.md"))
	texts := shippedTexts(t, root)
	require.NotEmpty(t, texts)
	for where, text := range texts {
		for _, m := range outside.FindAllString(text, -1) {
			t.Errorf("%s cites %q, which is not in the repository", where, m)
		}
		for _, m := range orsCitation.FindAllStringSubmatch(text, -1) {
			for _, s := range regexp.MustCompile(`§\d+`).FindAllString(m[1], -1) {
				assert.True(t, sections[s], "%s cites docs/ors.md %s, which has no such section", where, s)
			}
		}
		for _, addr := range webAddress.FindAllString(text, -1) {
			assert.True(t, publicAddress(addr), "%s points outside the repository: %s", where, addr)
		}
		if strings.HasSuffix(strings.SplitN(where, ":", 2)[0], ".md") {
			file := strings.SplitN(where, ":", 2)[0]
			for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "#") {
					continue
				}
				target, _, _ = strings.Cut(target, "#")
				_, err := os.Stat(filepath.Join(filepath.Dir(file), target))
				assert.NoError(t, err, "%s links to %s, which is not in the repository", where, m[1])
			}
		}
	}
}

// publicAddress reports whether addr is on a public host of publicHosts
// or is a placeholder.
func publicAddress(addr string) bool {
	u, err := url.Parse(strings.TrimRight(addr, ".,;:"))
	if err != nil {
		return false
	}
	if placeholderHosts.MatchString(u.Host) {
		return true
	}
	for _, h := range publicHosts {
		site, path, _ := strings.Cut(h, "/")
		if (u.Host == site || strings.HasSuffix(u.Host, "."+site)) && strings.HasPrefix(strings.TrimPrefix(u.Path, "/"), path) {
			return true
		}
	}
	return false
}

// orsSections are the section marks of docs/ors.md's headings.
func orsSections(t *testing.T, path string) map[string]bool {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#{2,3} (§\d+)`).FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = true
	}
	require.NotEmpty(t, out)
	return out
}

// shippedTexts are the texts users read, keyed by where they are: the
// Markdown and data files whole, and each Go string literal.
func shippedTexts(t *testing.T, root string) map[string]string {
	out := map[string]string{}
	add := func(path string) {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		out[path] = string(b)
	}
	add(filepath.Join(root, "README.md"))
	for _, dir := range []string{"docs", "examples", "conformance/cases", "conformance/handlers", "editors", "cmd/condeval/help"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				add(path)
			}
			return err
		})
		require.NoError(t, err)
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			if err == nil {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out[fset.Position(lit.Pos()).String()] = s
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	return out
}
