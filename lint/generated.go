package lint

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// GeneratedFrom returns the Composer diagram that a generated SCXML file
// was made from, when the project holds it, and "" otherwise. Composer
// generates src-gen/IPD_<ipd>_<workflow>.scxml from <ipd>.ixnprocess and
// src-gen/<workflow>.scxml from <workflow>.workflow, anywhere else in the
// project (the directory above src-gen). A fix belongs in the diagram:
// the next Generate Code overwrites the generated file.
func GeneratedFrom(path string) string {
	dir := filepath.Dir(path)
	if filepath.Base(dir) != "src-gen" || !strings.EqualFold(filepath.Ext(path), ".scxml") {
		return ""
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var want []string
	if rest, ok := strings.CutPrefix(base, "IPD_"); ok {
		// The IPD's name may hold '_' itself: try every split.
		for i := range len(rest) {
			if rest[i] == '_' {
				want = append(want, rest[:i]+".ixnprocess")
			}
		}
	} else {
		want = append(want, base+".workflow")
	}
	found := ""
	root := filepath.Dir(dir)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "src-gen"):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		for _, w := range want {
			if d.Name() == w {
				found = p
				return filepath.SkipAll
			}
		}
		return nil
	})
	return found
}
