package statechart

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// files is the containment policy for everything a document reads besides
// itself (<script src>, <data src>, xi:include, <invoke src>): a strategy is
// untrusted input, so it reads only files under its project root or under a
// directory the caller allowed, never an absolute path, a URL, or a path
// that climbs out with ".." or a symbolic link.
type files struct {
	roots []string // absolute, symlinks resolved
}

// newFiles makes the policy for a document at path: root (or the project
// root found from path when root is "") plus the allowed directories.
func newFiles(path, root string, allow []string) (*files, error) {
	if root == "" {
		root = projectRoot(path)
	}
	f := &files{}
	for _, dir := range append([]string{root}, allow...) {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		f.roots = append(f.roots, abs)
	}
	return f, nil
}

// projectRoot is the directory a document's references may reach: the
// nearest ancestor holding a Composer/Eclipse ".project" or a
// ".condeval.yaml", else the parent of a "src-gen" directory the document
// is in, else the document's own directory.
func projectRoot(path string) string {
	dir, _ := filepath.Abs(filepath.Dir(path))
	for d := dir; ; {
		for _, marker := range []string{".project", ".condeval.yaml"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d
			}
		}
		if filepath.Base(d) == "src-gen" {
			return filepath.Dir(d)
		}
		up := filepath.Dir(d)
		if up == d {
			return dir
		}
		d = up
	}
}

// resolve turns a reference written in the document at from into a path it
// may read, or says in the user's words why it may not.
func (f *files) resolve(from, ref string) (string, error) {
	// A relative file: URI, as W3C tests write them, is a relative path.
	if rest, ok := strings.CutPrefix(ref, "file:"); ok && !strings.HasPrefix(rest, "/") {
		ref = rest
	}
	switch {
	case ref == "":
		return "", fmt.Errorf("an empty file reference")
	case strings.Contains(ref, "://") || strings.HasPrefix(ref, "file:") || strings.HasPrefix(ref, "data:"):
		return "", fmt.Errorf("%q is a URL; only files under the project root can be read", ref)
	case filepath.IsAbs(ref) || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, `\`):
		return "", fmt.Errorf("%q is an absolute path; only files under the project root can be read", ref)
	}
	p := filepath.Join(filepath.Dir(from), filepath.FromSlash(ref))
	real, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(real); err == nil {
		real = r
	}
	for _, root := range f.roots {
		if real == root || strings.HasPrefix(real, root+string(filepath.Separator)) {
			return p, nil
		}
	}
	return "", fmt.Errorf("%q is outside the project root %s (allow it with --allow-read)", ref, f.roots[0])
}

// read reads a reference after resolve has allowed it.
func (f *files) read(from, ref string) (string, []byte, error) {
	p, err := f.resolve(from, ref)
	if err != nil {
		return "", nil, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", nil, fmt.Errorf("cannot read %q: %v", ref, unwrapPathError(err))
	}
	return p, data, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
