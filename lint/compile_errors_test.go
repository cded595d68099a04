package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // as render writes them
	}{
		{"a condition cut short", `<transition event="e" cond="_event.data.x ==" target="b"/>`,
			[]string{`4:45-4:45 C100 `}},
		{"ES2015 syntax in a script", `<onentry><script>let n = 1;</script></onentry>`,
			[]string{`4:18-4:21 C110 let`}},
		{"a warning compiles: SpiderMonkey's const", `<onentry><script>const n = 1;</script></onentry>`, []string{}},
		{"a lint error compiles: = for ==", `<transition event="e" cond="system.ANI = '1'" target="b"/>`, []string{}},
		{"nothing wrong", `<transition event="e" cond="_event.data.x == 1" target="b"/>`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" datamodel=\"ecmascript\" initial=\"a\">\n" +
				"<datamodel><data id=\"x\"/></datamodel>\n" +
				"<state id=\"a\">\n" + tt.body + "\n</state>\n<state id=\"b\"/>\n</scxml>\n"
			path := filepath.Join(t.TempDir(), "d.scxml")
			require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
			fs, err := CompileErrors(path)
			require.NoError(t, err)
			assert.Equal(t, tt.want, render(fs, src))
		})
	}
}
