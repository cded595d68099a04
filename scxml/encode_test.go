package scxml

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utf16BE is utf16LE with the bytes of each unit swapped.
func utf16BE(s string, bom bool) []byte {
	le := utf16LE(s, bom)
	for i := 0; i+1 < len(le); i += 2 {
		le[i], le[i+1] = le[i+1], le[i]
	}
	return le
}

// Encode gives back the bytes a file was read from, in every encoding the
// reader knows, so that a fix written back changes only what it edits.
func TestEncodeUndoesTheRead(t *testing.T) {
	doc := func(enc string) string {
		return `<?xml version="1.0" encoding="` + enc + `"?>` + "\r\n<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><!-- reçu € --></scxml>\r\n"
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(doc("UTF-8"))},
		{"UTF-8 with a byte order mark", append([]byte{0xEF, 0xBB, 0xBF}, doc("UTF-8")...)},
		{"UTF-16 little-endian with a byte order mark", utf16LE(doc("UTF-16"), true)},
		{"UTF-16 big-endian with a byte order mark", utf16BE(doc("UTF-16"), true)},
		{"UTF-16LE without one", utf16LE(doc("UTF-16"), false)},
		{"UTF-16BE without one", utf16BE(doc("UTF-16"), false)},
		{"ISO-8859-1", latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n<scxml><!-- reçu --></scxml>\n")},
		{"windows-1252", append(latin1(`<?xml version="1.0" encoding="windows-1252"?>`+"\n<scxml><!-- reçu "), append([]byte{0x80}, " --></scxml>\n"...)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewFileSource("a.scxml", tt.data)
			require.NoError(t, err)
			back, err := s.Encoding.Encode(s.Data)
			require.NoError(t, err)
			assert.Equal(t, tt.data, back)
		})
	}
}

func TestEncodeRefusesWhatTheEncodingCannotHold(t *testing.T) {
	_, err := Encoding{Name: "ISO-8859-1"}.Encode([]byte("€"))
	assert.ErrorContains(t, err, "ISO-8859-1 cannot hold")
}
