package jsonin

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinesNumbersEveryLine(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines count; a final line break starts no line", "a\n\n  \nb\nc\n", []string{"1:a", "2:", "3:", "4:b", "5:c"}},
		{"a last line without a break is a line", "a\nb", []string{"1:a", "2:b"}},
		{"a byte order mark is no part of the first line", "\uFEFF{}\n\uFEFF{}\n", []string{"1:{}", "2:\uFEFF{}"}},
		{"CRLF line ends", "a\r\nb\r\n", []string{"1:a", "2:b"}},
		{"nothing", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := Lines(strings.NewReader(tt.in), func(n int, line []byte) error {
				got = append(got, fmt.Sprintf("%d:%s", n, strings.TrimSpace(string(line))))
				return nil
			})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLinesStopsAtTheFirstError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Lines(strings.NewReader("a\nb\n"), func(int, []byte) error { calls++; return stop })
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, calls)
}

func TestIsBlank(t *testing.T) {
	for in, want := range map[string]bool{"": true, " \t\r\n": true, "{}\n": false, " x ": false} {
		assert.Equal(t, want, IsBlank([]byte(in)), "%q", in)
	}
}
