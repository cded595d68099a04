package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// String methods behave as in any engine, guarded or not, and a guarded
// built-in keeps the name and length of the one it stands for.
func TestStringMethods(t *testing.T) {
	env := Env{Event: map[string]any{"data": map[string]any{"routetype": "GNS", "queue": " chat_in "}}}
	for _, src := range []string{
		"_event.data.routetype.toLowerCase() === 'gns'",
		"'gns'.toUpperCase() === 'GNS' && 'straße'.toUpperCase() === 'STRASSE'",
		"'İ'.toLowerCase().length === 2",
		"_event.data.queue.trim() === 'chat_in' && _event.data.queue.trimStart() === 'chat_in '",
		"'interaction.deleted'.slice(12) === 'deleted' && 'abc'.substring(1, 2) === 'b' && 'abc'.substr(-2) === 'bc'",
		"'abc'.charAt(1) === 'b' && 'abc'.at(-1) === 'c' && 'abc'.charCodeAt(0) === 97",
		"'a.b.c'.indexOf('.') === 1 && 'a.b.c'.lastIndexOf('.') === 3 && 'abc'.includes('bc')",
		"'abc'.startsWith('ab') && 'abc'.endsWith('bc') && 'abc'.search(/c/) === 2",
		"'a-b'.split('-').length === 2 && 'ab'.repeat(2) === 'abab' && 'x'.padStart(3, '-') === '--x'",
		"'a.b'.replace(/\\./g, '-') === 'a-b' && 'a'.concat('b', 1) === 'ab1'",
		"'a'.replace('a', 1) === '1' && [1, 2].join(0) === '102' && JSON.parse(12) === 12",
		"String.prototype.toLowerCase.name === 'toLowerCase' && String.prototype.repeat.name === 'repeat'",
		"String.prototype.replace.length === 2 && String.prototype.padStart.length === 1",
	} {
		r := eval(t, src, env, testTimeout)
		require.Nil(t, r.Err, src)
		assert.True(t, r.Value, src)
	}
}
