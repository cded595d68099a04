package lint

import (
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/condeval/condeval/scxml"
)

// generatedGlob is where Composer writes the SCXML it generates from a
// diagram, relative to the project's root: src-gen/<workflow>.scxml for a
// workflow, src-gen/IPD_<process>_<workflow>.scxml for an interaction
// process; "" for other files.
func generatedGlob(format scxml.Format, stem string) string {
	switch format {
	case scxml.FormatWorkflow:
		return filepath.Join("src-gen", stem+".scxml")
	case scxml.FormatIxnprocess:
		return filepath.Join("src-gen", "IPD_"+stem+"_*.scxml")
	}
	return ""
}

// GeneratedFrom returns the Composer diagram of the project that a
// generated SCXML file was made from, or "" when the file is not one or
// the project does not hold its diagram. A fix belongs in the diagram:
// Composer overwrites the generated file at the next Generate Code.
func GeneratedFrom(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil || filepath.Base(filepath.Dir(abs)) != "src-gen" {
		return ""
	}
	root := projectRoot(filepath.Dir(abs))
	if root == "" {
		return ""
	}
	found := ""
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && p != root && (hidden(d.Name()) || d.Name() == "src-gen"):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		format, ok := scxml.FormatOf(p)
		if !ok {
			return nil
		}
		glob := generatedGlob(format, strings.TrimSuffix(d.Name(), filepath.Ext(d.Name())))
		if glob != "" && matchFold(filepath.Join(root, glob), abs) {
			found = p
			if rel, err := filepath.Rel(filepath.Dir(abs), p); err == nil && !filepath.IsAbs(path) {
				found = filepath.Join(filepath.Dir(path), rel) // as relative as the path given
			}
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
