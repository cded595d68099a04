package scxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// bigSCXML builds a generated-looking IPD of about 2,500 lines holding 150
// handler transitions, each with an escaped condition and a body.
func bigSCXML() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<scxml version="1.0" xmlns="http://www.w3.org/2005/07/scxml" initial="p" name="big">
	<parallel id="p">
		<state id="app"><transition event="*"><script>storeUnhandledEvent();</script></transition></state>
		<state id="handlers">
`)
	for i := range 150 {
		fmt.Fprintf(&b, `			<transition event="interaction.deleted" cond="_event.data.interactionid == _data.system.context.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion') &amp;&amp; %d &gt; 0">
<if cond="!isEventHandledByApplication()
	&amp;&amp; typeof system.SessionID != 'undefined'">
	<log expr="_sessionid + ': handler %d'"/>
	<raise event="application.exit">
		<param name="interactionid" expr="_event.data.interactionid"/>
		<param name="reason" expr="'deleted'"/>
	</raise>
</if>
<script>
	var n%d = 1;
	if (n%d &lt; 2) { n%d++; }
</script>
<assign location="system.LastHandler" expr="%d"/>
<log expr="'done'"/>
			</transition>
`, i, i, i, i, i, i)
	}
	b.WriteString("\t\t</state>\n\t</parallel>\n</scxml>\n")
	return []byte(b.String())
}

// BenchmarkTokenize is the baseline: encoding/xml's token loop alone.
func BenchmarkTokenize(b *testing.B) {
	src := bigSCXML()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(src))
		for {
			if _, err := d.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					b.Fatal(err)
				}
				break
			}
		}
	}
}

// BenchmarkParse reads the same document into a Document with its items
// and offset maps.
func BenchmarkParse(b *testing.B) {
	src := bigSCXML()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("big.scxml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBigSCXMLShape(t *testing.T) {
	src := bigSCXML()
	d, err := Parse("big.scxml", src)
	if err != nil {
		t.Fatal(err)
	}
	conds := 0
	for _, it := range d.Items {
		if it.Kind == Condition {
			conds++
		}
	}
	if lines := bytes.Count(src, []byte("\n")); lines < 2400 || conds != 300 {
		t.Fatalf("%d lines, %d conditions", lines, conds)
	}
}
