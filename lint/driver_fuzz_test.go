package lint

import (
	"testing"

	"github.com/condeval/condeval/scxml"
)

// FuzzLintFile reads and lints arbitrary bytes as each format: no panic,
// and every finding and edit points inside the file.
func FuzzLintFile(f *testing.F) {
	f.Add(uint8(0), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><!-- condeval-disable C204 -->
<transition event="interaction.notcontrolled" cond="a // x
 &amp;&amp; b = 1"><raise event="application.exit"/></transition></state><final id="f"/></scxml>`))
	f.Add(uint8(1), []byte(ipdHead+`    <events name="h" event="interaction.partystate.changed" condition="x &amp;amp;&amp;amp; _event.data.resultOf == 'deleted'" body="&lt;if cond=&quot;y = 1&quot;/>" target="false"/>`+"\n"+ipdTail))
	f.Add(uint8(3), []byte("// condeval-disable C204\nsystem.ANI = 1\n_event.nmae\n"))
	names := []string{"f.scxml", "p.ixnprocess", "w.workflow", "c.cond"}
	f.Fuzz(func(t *testing.T, format uint8, src []byte) {
		file, err := scxml.Read(names[int(format)%len(names)], src)
		if err != nil {
			return
		}
		for _, fd := range File(file, Config{}) {
			if fd.Start.Offset < 0 || fd.Start.Offset > fd.End.Offset || fd.End.Offset > len(src) {
				t.Fatalf("%s at %d..%d outside %d bytes", fd.Code, fd.Start.Offset, fd.End.Offset, len(src))
			}
			if fd.Repair == nil {
				continue
			}
			for _, e := range fd.Repair.Edits {
				if e.Start.Offset > e.End.Offset || e.End.Offset > len(src) {
					t.Fatalf("%s edit %d..%d outside %d bytes", fd.Code, e.Start.Offset, e.End.Offset, len(src))
				}
			}
		}
	})
}
