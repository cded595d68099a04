package runtime

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/scxml"
)

// The corpus the compiled path is held to: every condition and expression
// of the W3C and SCION suites, the conformance cases, the parser's
// differential corpus and the examples, plus conditions written for the
// compiled path's corners.
const (
	conformanceData = "../../shared/conformance-data"
	casesDir        = "../conformance/cases"
	parserCorpus    = "../cond/testdata/differential/corpus"
	examplesDir     = "../examples"
)

// cornerConditions exercise what the compiled path implements itself.
var cornerConditions = []string{
	seedCond,
	"_event.data.n == 5", "_event.data.n === 5", "_event.data.n == '5'", "_event.data.s == 5",
	"_event.data.s < 10", "_event.data.s > '10'", "_event.data.n >= _event.data.s", "_event.data.x <= null",
	"_event.data.n + 1", "_event.data.s + 1", "_event.data.n - _event.data.s", "_event.data.n * 3 / 7",
	"_event.data.n % 3", "-_event.data.n", "+_event.data.s", "+_event.data.f", "_event.data.f * 1e21",
	"1 / 3 + ''", "0.000001 + ''", "1e-7 + ''", "123456789012345680000 + ''", "-1.5e300 * 10 + ''",
	"_event.data.b == 1", "_event.data.b === true", "true == '1'", "null == undefined", "null === undefined",
	"_event.data.missing == undefined", "_event.data.missing === null", "typeof _event.data.missing",
	"typeof _event.data", "typeof _event.data.list", "typeof In", "typeof null", "typeof system",
	"_event.data == _event.data", "_event.data === _event.data.self", "_event.data.list == _event.data.list",
	"_event.data.empty == _event.data.empty2", "_event.data == null", "system == system",
	"_event.data == 'x'", "_event.data.list == ''", "_event.data + ''",
	"_event.name", "_event.type", "_event.sendid", "_event.other", "_event.data", "system", "_event.data.list",
	"'type' in _event", "'sendid' in _event", "'other' in _event", "'n' in _event.data", "'zz' in _event.data",
	"'toString' in _event.data", "0 in _event.data.list", "5 in _event.data.list", "'length' in _event.data.list",
	"'x' in _event.data.n", "_event.data.toString", "_event.data.constructor", "_event.data.__proto__",
	"_event.data.list.length", "_event.data.list[0]", "_event.data.list[1]", "_event.data.list['1']",
	"_event.data.list['01']", "_event.data.list[9]", "_event.data.list.push", "_event.data.list[1.5]",
	"_event.data['n']", "_event.data[_event.data.key]", "_event.data[1]", "_event.data[null]",
	"_event.data.name.length", "_event.data.emoji.length", "_event.data.name[2]", "_event.data.emoji[0]",
	"_event.data.emoji.charAt(1)", "_event.data.emoji.charAt(2)", "_event.data.name.charAt(-1)",
	"_event.data.upper.toLowerCase()", "_event.data.name.toUpperCase()", "_event.data.routetype.toLowerCase() === 'gns'",
	"_event.data.routetype.toUpperCase() == 'GNS'", "_event.data.ws.trim()", "_event.data.ws.trim().length",
	"_event.data.name.indexOf('ë')", "_event.data.emoji.indexOf('x')", "_event.data.name.indexOf('o', 2)",
	"_event.data.name.indexOf()", "_event.data.name.indexOf('', 99)", "_event.data.emoji.lastIndexOf('x')",
	"_event.data.name.lastIndexOf('o', 0)", "_event.data.name.lastIndexOf('')", "'abcabc'.lastIndexOf('c', 4)",
	"_event.data.name.substring(1, 3)", "_event.data.name.substring(3, 1)", "_event.data.emoji.substring(1)",
	"_event.data.name.substr(-2)", "_event.data.name.substr(1, 2)", "_event.data.name.slice(-3, -1)",
	"_event.data.name.slice(2)", "_event.data.emoji.slice(0, 1)", "_event.data.n.toLowerCase()",
	"_event.data.missing.toLowerCase()", "_event.data.name.charCodeAt(0)", "_event.data.name.indexOf(_event.data)",
	"In('s1')", "In('nope')", "In(_event.data.state)", "In(1)", "In()", "In(_event.data)",
	"_event.data.n > 3 ? 'big' : 'small'", "_event.data.missing || 'default'", "_event.data.n && _event.data.s",
	"!_event.data.resultof", "!!_event.data.list", "_event.data.missing.x", "_event.data.nul.x", "system.InteractionID",
	"system.missing", "system.TenantID + 1", "_event.data.big + 1", "_event.data.i64 == 7", "_event.data.num == 7.5",
	"_event.data.typed.k", "_event.data.strs[0]", "_event.data.bad == 'x'", "'é' < 'z'", "'\uffff' < '😀'",
	"_event.data.emoji < _event.data.upper", "NaN == NaN", "Infinity > 1e308", "_event.data.n / 0", "0 / 0",
	"-0", "0 * -1", "_event.data.n % 0", "5 % -3", "-5 % 3", "'5' * '2'", "' 5 ' * 1", "'0x10' * 1", "'1e3' == 1000",
	"'' == 0", "'.5' == 0.5", "'5.' == 5", "'+5' == 5", "'abc' < 'abd'", "'10' < '9'", "10 < '9'", "null >= 0",
	"undefined == 0", "undefined < 1", "_event.data.list[0].x", "010 == 8", "'\\ud800' == 'x'",
}

// corpus collects the conditions. Every source must be present.
func corpus(t testing.TB) []string {
	t.Helper()
	var out []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	for _, s := range append(cornerConditions, globalConditions...) {
		add(s)
	}
	for _, dir := range []string{conformanceData, examplesDir} {
		require.DirExists(t, dir)
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if _, ok := scxml.FormatOf(path); !ok {
				return nil
			}
			f, err := scxml.ReadFile(path)
			if err != nil {
				return nil // the suites hold documents that are wrong on purpose
			}
			for _, it := range f.Items {
				if it.Kind == scxml.Condition || it.Kind == scxml.Expression {
					add(it.Text.Value)
				}
			}
			return nil
		})
		require.NoError(t, err)
	}
	files, err := filepath.Glob(filepath.Join(casesDir, "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var doc any
		require.NoError(t, yaml.Unmarshal(data, &doc), f)
		collectConds(doc, add)
	}
	files, err = filepath.Glob(filepath.Join(parserCorpus, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		file, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if line := sc.Text(); !strings.HasPrefix(line, "#") {
				add(unescapeCorpusLine(line))
			}
		}
		require.NoError(t, file.Close())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// unescapeCorpusLine reads the parser corpus's line format, which writes
// line breaks inside an expression as \n.
func unescapeCorpusLine(line string) string {
	return strings.NewReplacer(`\n`, "\n", `\r`, "\r", `\\`, `\`).Replace(line)
}

// collectConds finds every "cond" in a YAML document.
func collectConds(doc any, add func(string)) {
	switch d := doc.(type) {
	case map[string]any:
		for k, v := range d {
			if s, ok := v.(string); ok && k == "cond" {
				add(s)
			} else {
				collectConds(v, add)
			}
		}
	case []any:
		for _, v := range d {
			collectConds(v, add)
		}
	}
}

// variedEnvs are the events every condition of the corpus meets: missing
// fields, numbers as strings, null, nested objects, arrays, non-ASCII text
// and the Go types callers pass; and globals of every type, missing, or
// named as scope names and standard globals.
func variedEnvs() []Env {
	shared := map[string]any{"k": "v"}
	empty1, empty2 := []any{}, []any{}
	data := map[string]any{
		"interactionid": "000PaG8U4SYB001N", "resultof": "deletion", "n": 5.0, "s": "5", "f": 2.5,
		"b": true, "nul": nil, "key": "n", "state": "s1", "routetype": "GNS", "upper": "ÉCOLE d'été",
		"name": "Zoë Ångström", "emoji": "😀x😀", "ws": "\u00a0 padded \ufeff", "big": 9007199254740993.0,
		"i64": int64(7), "num": json.Number("7.5"), "typed": map[string]string{"k": "v"}, "strs": []string{"a"},
		"bad": "\xff", "list": []any{"a", 1.0, nil, map[string]any{"x": 1.0}}, "empty": empty1, "empty2": empty2,
		"udata":     map[string]any{"customer": map[string]any{"segment": "gold", "language": "en-US"}},
		"requestid": "R1", "frominteractionid": "000PaG8U4SYB001N",
	}
	data["self"] = data
	system := map[string]any{"InteractionID": "000PaG8U4SYB001N", "TenantID": 101.0, "Type": "consult", "shared": shared, "ANI": "+15559876"}
	states := []string{"s1", "Routing"}
	return []Env{
		{},
		{Event: map[string]any{"name": "interaction.notcontrolled", "data": data}, System: system, States: states, Globals: suiteGlobals(composerGlobals())},
		{Event: map[string]any{"name": "e", "type": "internal", "data": map[string]any{
			"interactionid": "000PaG8U4SYB001N", "n": "5", "s": "abc", "resultof": "", "list": []any{}, "name": "", "requestid": "R2",
		}}, System: map[string]any{"InteractionID": 1.0}, Globals: suiteGlobals(shadowingGlobals())},
		{Event: map[string]any{"name": "e", "data": nil}, System: map[string]any{}, Globals: map[string]any{}},
		{Event: map[string]any{"data": map[string]any{"n": "5e", "s": " 7 ", "name": "x", "resultof": nil, "routetype": 3.0, "requestid": nil}},
			Globals: map[string]any{"App_Target": nil, "varInputValue": "2", "varList": []any{}, "varNumber": "ÉCOLE", "App_RouteToSales": map[string]any{}}},
		{Event: map[string]any{"data": map[string]any{"n": 0.0, "s": "-0", "upper": "gns", "emoji": "\u00e9", "list": []any{[]any{1.0, 2.0}}}}, States: []string{"1"}, Globals: suiteGlobals(textGlobals())},
		{Event: map[string]any{"data": "text", "name": 1.0}, System: nil, Globals: suiteGlobals(composerGlobals())},
		{Event: map[string]any{"data": []any{"x"}, "type": nil}},
		{Event: map[string]any{"name": "interaction.notcontrolled", "data": data}, System: system, States: states, Globals: suiteGlobals(shadowingGlobals())},
		{Event: map[string]any{"name": "interaction.notcontrolled", "data": data}, System: system, States: states, Globals: suiteGlobals(textGlobals())},
	}
}

// sameRaw compares two Result.Raw values, NaN equal to NaN and any two
// functions equal (Go cannot compare them; Result.Type tells them apart).
func sameRaw(a, b any) bool {
	if a != nil && b != nil && reflect.TypeOf(a).Kind() == reflect.Func && reflect.TypeOf(b).Kind() == reflect.Func {
		return true
	}
	fa, okA := a.(float64)
	fb, okB := b.(float64)
	if okA && okB && math.IsNaN(fa) && math.IsNaN(fb) {
		return true
	}
	return reflect.DeepEqual(a, b)
}
