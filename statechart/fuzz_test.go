package statechart

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSession loads arbitrary documents and runs them with a few events:
// an error is fine, a panic or a hang is not.
func FuzzSession(f *testing.F) {
	for _, name := range []string{"test144.scxml", "test229.scxml", "test403a.scxml", "test552.scxml", "test530.scxml", "test520.scxml", "test567.scxml"} {
		if data, err := os.ReadFile(filepath.Join(w3cDir, name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(scxmlHead + `><state id="a"><transition target="b"/></state><state id="b"><transition target="a"/></state></scxml>`))
	f.Add([]byte(scxmlHead + `><state id="a"><onentry><send event="e" delay="1s"/></onentry><transition event="e" target="a"/></state></scxml>`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, doc []byte) {
		m, err := LoadBytes(filepath.Join(dir, "doc.scxml"), doc, LoadOptions{Root: dir})
		if err != nil {
			return
		}
		s, _, err := m.Start(Options{MaxMicrosteps: 200})
		if err != nil {
			return
		}
		defer s.Close()
		for _, name := range []string{"e", "error", "done"} {
			s.Send(Event{Name: name})
		}
		s.Advance(1000)
		s.Settle()
	})
}
