package lint

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// MaxFixPasses bounds the rounds of linting and fixing one file, as
// ESLint's ten: fixes that overlap go in over several passes.
const MaxFixPasses = 10

// FixLevel is the most a fix may change that FixFile applies: cond.FixSafe
// for safe fixes only, cond.FixUnsafe for both kinds.
type FixLevel = cond.FixKind

// Fixed is what fixing one file gave.
type Fixed struct {
	Before, After []byte        // the file as stored; After is Before when nothing was fixed
	Applied       []FileFinding // the findings whose fix went in, as each pass found them
	Findings      []FileFinding // what lint reports on After
	Passes        int           // the passes that applied a fix
}

// Changed reports whether fixing changed the file.
func (f *Fixed) Changed() bool { return !bytes.Equal(f.Before, f.After) }

// FixFile lints a file's bytes and applies every fix that level allows,
// then lints again and fixes what is left, until nothing is (at most
// MaxFixPasses passes). After is in the file's own encoding, with its byte
// order mark; every byte no fix touches is as it was. A file that is not
// well-formed is not fixed (its findings say why). When the fixed text
// would no longer read, or cannot be written in the file's encoding, the
// error says so and After is Before: nothing is ever half fixed.
func FixFile(name string, data []byte, cfg Config, level FixLevel) (*Fixed, error) {
	out := &Fixed{Before: data, After: data}
	lin, ws := NewLinter(), NewWorkspace()
	f, err := scxml.ReadNamed(name, data)
	var se *scxml.SyntaxError
	switch {
	case errors.As(err, &se):
		if !cfg.Disabled[CodeXML] {
			out.Findings = []FileFinding{XMLFinding(se, cfg)}
		}
		return out, nil
	case err != nil:
		return out, err
	}
	if back, err := f.Source.Encoding.Encode(f.Source.Data); err != nil || !bytes.Equal(back, data) {
		out.Findings = ws.lint(f, cfg, lin)
		return out, fmt.Errorf("%s: not fixed: its %s text would not be written back byte for byte", name, f.Source.Encoding.Name)
	}
	cur, findings := f, ws.lint(f, cfg, lin)
	for pass := 0; pass < MaxFixPasses; pass++ {
		var repairs []*Repair
		var which []FileFinding
		for _, fd := range findings {
			if fd.Repair != nil && fd.Repair.Kind.Allows(level) {
				repairs, which = append(repairs, fd.Repair), append(which, fd)
			}
		}
		if len(repairs) == 0 {
			break
		}
		text, applied := ApplyRepairs(cur.Source.Data, repairs)
		raw, err := cur.Source.Encoding.Encode(text)
		if err != nil {
			return &Fixed{Before: data, After: data, Findings: ws.lint(f, cfg, lin)}, fmt.Errorf("%s: not fixed: %v", name, err)
		}
		next, err := scxml.ReadNamed(name, raw)
		if err == nil && len(next.Problems) > len(cur.Problems) {
			err = next.Problems[len(next.Problems)-1]
		}
		if err != nil {
			return &Fixed{Before: data, After: data, Findings: ws.lint(f, cfg, lin)}, fmt.Errorf("%s: not fixed: the fixed text would not read: %v", name, err)
		}
		for _, i := range applied {
			out.Applied = append(out.Applied, which[i])
		}
		out.Passes++
		cur, findings = next, ws.lint(next, cfg, lin)
		out.After = raw
	}
	out.Findings = findings
	return out, nil
}

// Files lists what Path lints for a path: the file itself, or the files
// below a directory whose extension the reader knows, in lexical order.
func Files(path string) ([]string, error) { return lintableFiles(path) }

// SortFindings orders findings as Path does: by file, line, column and
// code.
func SortFindings(fs []FileFinding) []FileFinding { return sortFindings(fs) }
