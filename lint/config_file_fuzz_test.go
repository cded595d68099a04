package lint

import (
	"strings"
	"testing"
)

// FuzzParseConfig: any .condeval.yaml either loads or is refused with an
// error that names the file — never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"disable: [C206, unknown-identifier]\nseverity:\n  enum-value: error\n",
		"enable: [C213]\n",
		"disable: [C999]\n",
		"severity: {C201: loud}\n",
		"disable: C204: x\n",
		"&a [*a]\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		_, err := ParseConfig(".condeval.yaml", []byte(data))
		if err != nil && !strings.Contains(err.Error(), ".condeval.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
