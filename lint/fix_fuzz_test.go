package lint

import (
	"bytes"
	"testing"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// FuzzFixFile applies every fix to arbitrary documents: no panic, a file
// that read before still reads after (with no more unreadable handler
// bodies), and a refused fix leaves the bytes as they were.
func FuzzFixFile(f *testing.F) {
	f.Add(uint8(0), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID" target="end"/></state><final id="end"/></scxml>`))
	f.Add(uint8(0), []byte("<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><state id=\"s\">\r\n<transition event=\"interaction.present\" cond=\"a // x\r\n &amp;&amp; (b || c\"/></state></scxml>"))
	f.Add(uint8(1), []byte(ipdFuzzHead+`<events name="h" event="interaction.notcontrolled" condition="_event.data.resultOf = 'deleted'" body="&lt;raise event=&quot;application.exit&quot;/>" target="false"/>`+ipdFuzzTail))
	f.Add(uint8(1), []byte(ipdFuzzHead+`<events name="h" event="interaction.deleted" condition='' body="&lt;if cond=&quot;(x&quot;/>" target="false"/>`+ipdFuzzTail))
	f.Add(uint8(2), []byte(`<x><blocks name="b"><conditions name="c" expression="system.ANI = &quot;1&quot;;"/><conditionalExceptions event="interaction.deleted" condition="a"/></blocks></x>`))
	f.Add(uint8(3), []byte("(_event.data.resultof == 'deleted'\nsytem.ANI = 1;\n"))
	names := []string{"f.scxml", "p.ixnprocess", "w.workflow", "c.cond"}
	f.Fuzz(func(t *testing.T, format uint8, src []byte) {
		name := names[int(format)%len(names)]
		before, readErr := scxml.Read(name, src)
		fx, err := FixFile(name, src, Config{}, cond.FixUnsafe)
		if err != nil {
			if !bytes.Equal(fx.After, src) {
				t.Fatalf("a refused fix changed the file: %v", err)
			}
			return
		}
		if readErr != nil {
			if fx.Changed() {
				t.Fatalf("a file that does not read was changed")
			}
			return
		}
		after, err := scxml.Read(name, fx.After)
		if err != nil {
			t.Fatalf("the fixed file no longer reads: %v\n%s", err, fx.After)
		}
		if len(after.Problems) > len(before.Problems) {
			t.Fatalf("the fix broke a handler body: %v\n%s", after.Problems, fx.After)
		}
	})
}

const ipdFuzzHead = `<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><ipd:IpdDiagram xmlns:ipd="http://studio.genesyslab.com/ipd/" name="d">`
const ipdFuzzTail = `</ipd:IpdDiagram></xmi:XMI>`
