package lint

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/condeval/condeval/scxml"
)

// lintableFiles returns path itself when it is a file, or the files below
// it whose extension Read knows, in lexical order. Hidden directories
// (.git, .metadata) are skipped.
func lintableFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && len(d.Name()) > 1 && d.Name()[0] == '.' {
				return filepath.SkipDir
			}
			return nil
		}
		if _, ok := scxml.FormatOf(p); ok {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
