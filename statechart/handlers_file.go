package statechart

import (
	"fmt"
	"os"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/scxml"
)

// DefaultRegion is the state of a handler-file entry that names none.
const DefaultRegion = scxml.HandlerFileRegion

// LoadHandlers reads a handler set from a file, choosing the reader by its
// extension: .yaml, .yml or .json (a handler file), .scxml (the transitions
// of an SCXML document) or .ixnprocess (a Composer IPD's event handlers).
func LoadHandlers(path string, opts ...runtime.Option) (*HandlerSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if scxml.IsHandlerFile(path) {
		return ReadHandlerFile(path, data, opts...)
	}
	switch f, _ := scxml.FormatOf(path); f {
	case scxml.FormatSCXML:
		return ReadSCXMLHandlers(path, data, opts...)
	case scxml.FormatIxnprocess:
		return ReadProcessHandlers(path, data, opts...)
	}
	return nil, fmt.Errorf("%s: unknown handler file type (want .yaml, .yml, .json, .scxml or .ixnprocess)", path)
}

// ReadHandlerFile reads condeval's own handler format, YAML or JSON (see
// scxml.HandlerFile). Handlers in the same state are tried in order and at
// most one of them fires, like the transitions of one SCXML state;
// handlers in different states are parallel regions, each firing its own.
func ReadHandlerFile(name string, data []byte, opts ...runtime.Option) (*HandlerSet, error) {
	f, err := scxml.ReadHandlerFile(name, data)
	if err != nil {
		return nil, err
	}
	return FileHandlers(f, opts...), nil
}

// FileHandlers builds the handler set of a read handler file.
func FileHandlers(f *scxml.HandlerFile, opts ...runtime.Option) *HandlerSet {
	set := &HandlerSet{Name: f.File, File: f.File, chart: flatChart()}
	if f.Title.Set() {
		set.Name = f.Title.Text.Value
	}
	b := &setBuilder{set: set, opts: opts}
	for _, fh := range f.Handlers {
		h := &Handler{
			Name:        fh.Label(),
			Event:       builtins.ParseDescriptors(fh.Event.Text.Value),
			Cond:        fh.Cond.Text.Value,
			File:        f.File,
			Line:        fh.Pos.Line,
			Column:      fh.Pos.Column,
			EventLine:   fh.Event.At.Line,
			EventColumn: fh.Event.At.Column,
			Enabled:     fh.Enabled,
			State:       fh.Region(),
			Target:      fh.Target.Text.Value,
			EndsSession: fh.Ends,
			Description: fh.Description.Text.Value,
		}
		var at func(int) (int, int)
		if fh.Cond.Set() {
			h.Line, h.Column = fh.Cond.At.Line, fh.Cond.At.Column
			at = func(i int) (int, int) { p := fh.Cond.Text.Pos(i); return p.Line, p.Column }
		}
		st := set.chart.byID[h.State]
		if st == nil {
			st = set.chart.region(h.State)
		}
		b.add(h, st, at)
	}
	return b.finish()
}
