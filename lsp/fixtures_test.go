package lsp

import (
	"path/filepath"
	"testing"
)

// Small documents in the shapes Composer writes, built around the lines a
// test is about, each on a line of its own.

func scxmlDoc(body string) string {
	return `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" initial="s">
<state id="s">
` + body + `
</state>
</scxml>
`
}

func ipdDoc(events string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ipd="http://studio.genesyslab.com/ipd/">
  <ipd:IpdDiagram name="default">
` + events + `
  </ipd:IpdDiagram>
</xmi:XMI>
`
}

func workflowDoc(blocks string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ird="http://studio.genesyslab.com/ird/">
  <ird:StrategyDiagram name="Main">
` + blocks + `
  </ird:StrategyDiagram>
</xmi:XMI>
`
}

// fileURI is the URI of a file name in a fresh directory of the test, so
// that no .condeval.yaml above the repository interferes.
func fileURI(t testing.TB, name string) string {
	t.Helper()
	return "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), name))
}
