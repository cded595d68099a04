package cond_test

import (
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
)

// conformanceDir holds the W3C and SCION SCXML tests; the repository is
// checked out beside shared/, in CI as on a workstation.
const conformanceDir = "../../shared/conformance-data"

// scxmlExpression is one ECMAScript text found in an SCXML document.
type scxmlExpression struct {
	file  string // relative to conformanceDir
	attr  string // cond, expr, targetexpr, location, …; "script" for a <script> body
	value string // XML-decoded
}

// isExpressionAttr reports the attributes whose value is an ECMAScript
// expression: cond, expr and the other *expr attributes, and the location
// expressions of <assign> and idlocation.
func isExpressionAttr(name xml.Name) bool {
	if name.Space != "" {
		return false // conf:* attributes are placeholders of the .txml sources
	}
	return name.Local == "cond" || name.Local == "location" || name.Local == "idlocation" || strings.HasSuffix(name.Local, "expr")
}

// TestW3CConditionsParse parses every condition and expression of the
// conformance tests with ParseExpression and every <script> body with
// ParseProgram. `return` (the W3C tests' stand-in for "not a boolean
// expression", tests 309, 313, 314 and 344) must be rejected with a message
// that names it.
func TestW3CConditionsParse(t *testing.T) {
	if _, err := os.Stat(conformanceDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: the repository is not checked out beside shared/", conformanceDir)
	}
	found := collectSCXMLExpressions(t, conformanceDir)
	var conds, scripts int
	for _, x := range found {
		switch {
		case x.attr == "script":
			scripts++
			_, err := cond.ParseProgram(x.value)
			assert.NoError(t, err, "%s: <script>%s</script>", x.file, x.value)
		case x.value == "return":
			_, err := cond.ParseExpression(x.value)
			var cerr *cond.Error
			if assert.ErrorAs(t, err, &cerr, "%s: %s=%q must be rejected", x.file, x.attr, x.value) &&
				assert.NotEmpty(t, cerr.Diagnostics) {
				assert.Contains(t, cerr.Diagnostics[0].Message, "return", "%s: %s=%q", x.file, x.attr, x.value)
			}
		case strings.HasSuffix(strings.TrimSpace(x.value), ";"):
			// test452's expr="new testobject();" is an expression statement,
			// semicolon included: a program, not an expression.
			_, err := cond.ParseExpression(x.value)
			assert.Error(t, err, "%s: %s=%q is not a single expression", x.file, x.attr, x.value)
			_, err = cond.ParseProgram(x.value)
			assert.NoError(t, err, "%s: %s=%q as a program", x.file, x.attr, x.value)
		default:
			if x.attr == "cond" {
				conds++
			}
			_, err := cond.ParseExpression(x.value)
			assert.NoError(t, err, "%s: %s=%q", x.file, x.attr, x.value)
		}
	}
	// Guard against a walk that silently finds nothing.
	assert.GreaterOrEqual(t, len(found), 300, "expressions found")
	assert.GreaterOrEqual(t, conds, 90, "conditions found")
	assert.GreaterOrEqual(t, scripts, 1, "scripts found")
	t.Logf("%d expressions and scripts checked, %d of them conditions, %d scripts", len(found), conds, scripts)
}

func collectSCXMLExpressions(t *testing.T, root string) []scxmlExpression {
	t.Helper()
	var found []scxmlExpression
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext != ".scxml" && ext != ".txml" {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		xs, err := scxmlExpressions(f)
		if err != nil {
			return err
		}
		for _, x := range xs {
			x.file = rel
			found = append(found, x)
		}
		return nil
	})
	require.NoError(t, err)
	return found
}

// scxmlExpressions decodes one document and returns its expression
// attributes and <script> bodies, XML-decoded.
func scxmlExpressions(r io.Reader) ([]scxmlExpression, error) {
	dec := xml.NewDecoder(r)
	var found []scxmlExpression
	var script *strings.Builder // non-nil inside <script>
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return found, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if isExpressionAttr(a.Name) {
					found = append(found, scxmlExpression{attr: a.Name.Local, value: a.Value})
				}
			}
			if tok.Name.Local == "script" {
				script = &strings.Builder{}
			}
		case xml.CharData:
			if script != nil {
				script.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "script" && script != nil {
				found = append(found, scxmlExpression{attr: "script", value: script.String()})
				script = nil
			}
		}
	}
}
