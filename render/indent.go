package render

import "io"

// Indent is w with prefix before every line written to it, for reports
// laid out under the line they belong to: a simulation step, a skipped
// handler, a scenario that does not load.
func Indent(w io.Writer, prefix string) io.Writer {
	return &indenter{w: w, prefix: []byte(prefix), atStart: true}
}

// indenter is the writer Indent returns; atStart is whether the next byte
// begins a line.
type indenter struct {
	w       io.Writer
	prefix  []byte
	atStart bool
}

func (in *indenter) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p)+len(in.prefix))
	for _, c := range p {
		if in.atStart {
			out = append(out, in.prefix...)
		}
		out = append(out, c)
		in.atStart = c == '\n'
	}
	if _, err := in.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
