package lint

import (
	"os"
	"path/filepath"
	"strings"
)

// Composer runs on Windows, whose file names ignore letter case: a
// workflow renamed from main3 to Main3 keeps its generated
// src-gen/main3.scxml while the IPD includes "Main3.scxml", and Composer
// still finds it [OBS, docs/ors.md §11]. The project is read the same way,
// so that the documents stay linked; that the names differ is reported
// (C215), as a server with case-sensitive names cannot load the file.

// onDisk returns the file that path names when letter case is ignored:
// path itself when it exists, else the one entry of its folder whose name
// differs from it only in case; "" when there is none.
func onDisk(path string) string {
	if _, err := os.Stat(path); err == nil {
		return path
	}
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return ""
	}
	found := ""
	for _, e := range entries {
		if strings.EqualFold(e.Name(), base) {
			if found != "" {
				return "" // main3 and MAIN3: nothing says which one is meant
			}
			found = filepath.Join(dir, e.Name())
		}
	}
	return found
}

// matchFold reports whether name matches the shell pattern when letter
// case is ignored.
func matchFold(pattern, name string) bool {
	m, _ := filepath.Match(strings.ToLower(pattern), strings.ToLower(name))
	return m
}

// globFold returns the files that match the pattern when letter case is
// ignored in its last element, as Windows matches them.
func globFold(pattern string) []string {
	dir, base := filepath.Split(pattern)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && matchFold(base, e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}
