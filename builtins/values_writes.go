package builtins

import (
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// Writes to host data. ORS lets a condition assign (`system.ANI = "1"`: the
// assignment's value is the condition's, a mistake lint reports as C204),
// so a condition here may assign too, but never to the caller's data: each
// object view keeps the evaluation's writes in a layer of its own, read
// before the host value (copy on write), and the scope lists the paths
// written. Release drops every layer, so no write outlives its evaluation.

// hostPath is where a view sits in the data model, built only when a view
// is made and spelt out only when it is written to.
type hostPath struct {
	parent *hostPath
	key    string // a name, or "[i]" for an element
}

func (p *hostPath) child(key string) *hostPath { return &hostPath{parent: p, key: key} }

func (p *hostPath) String() string {
	if p.parent == nil {
		return p.key
	}
	if strings.HasPrefix(p.key, "[") {
		return p.parent.String() + p.key
	}
	return p.parent.String() + "." + p.key
}

// overlay is what every view of host data has in common: the scope it
// belongs to and the layer that takes the evaluation's writes to it, so a
// view's Set and Delete write there and never to the host's value.
type overlay struct {
	s *Scope
	w layer
}

func (o *overlay) Set(key string, x goja.Value) bool { return o.w.write(o.s, key, x) }
func (o *overlay) Delete(key string) bool            { return o.w.remove(o.s, key) }

// layer is one object's writes in the current evaluation.
type layer struct {
	at      *hostPath
	set     map[string]goja.Value // nil until the first write
	deleted map[string]bool
}

// lookup reads key from the layer: found when the evaluation wrote or
// deleted it (v is then nil for a deletion).
func (l *layer) lookup(key string) (v goja.Value, found bool) {
	if l.set == nil {
		return nil, false
	}
	if v, ok := l.set[key]; ok {
		return v, true
	}
	return nil, l.deleted[key]
}

// has answers Has from the layer, or defers to the host when it has no say.
func (l *layer) has(key string, host func() bool) bool {
	if v, found := l.lookup(key); found {
		return v != nil
	}
	return host()
}

// keys merges the layer into the host's keys.
func (l *layer) keys(host []string) []string {
	if l.set == nil {
		return host
	}
	keys := slices.DeleteFunc(host, func(k string) bool { return l.deleted[k] })
	for k := range l.set {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

func (l *layer) write(s *Scope, key string, v goja.Value) bool {
	s.touch(l)
	l.set[key] = v
	delete(l.deleted, key)
	s.wrote(l.at.child(key))
	return true
}

func (l *layer) remove(s *Scope, key string) bool {
	s.touch(l)
	delete(l.set, key)
	l.deleted[key] = true
	s.wrote(l.at.child(key))
	return true
}

func (l *layer) reset() { l.set, l.deleted = nil, nil }

// touch readies l for writing and remembers it for Release.
func (s *Scope) touch(l *layer) {
	if l.set == nil {
		l.set, l.deleted = map[string]goja.Value{}, map[string]bool{}
		s.layers = append(s.layers, l)
	}
}

// wrote records a written path, once.
func (s *Scope) wrote(p *hostPath) {
	if path := p.String(); !slices.Contains(s.written, path) {
		s.written = append(s.written, path)
	}
}

// Written lists the host paths the current evaluation assigned or deleted,
// in the order of their first write (system.ANI, _event.data.list[0]).
// nil when it wrote nothing.
func (s *Scope) Written() []string {
	if len(s.written) == 0 {
		return nil
	}
	return slices.Clone(s.written)
}

// dropWrites ends the evaluation's writes.
func (s *Scope) dropWrites() {
	for _, l := range s.layers {
		l.reset()
	}
	clear(s.layers)
	s.layers = s.layers[:0]
	s.written = s.written[:0]
}
