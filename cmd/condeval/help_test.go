package main

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/repl"
)

// helpWidth is the width help pages are written for, as kong wraps them on
// a terminal of unknown width.
const helpWidth = 80

// pageCase is a help page a test reads.
type pageCase struct {
	command string // "" for condeval --help
	exits   []int  // the exit codes the command returns, which its page explains
}

// pageCases lists every help page: the whole tool's and each command's.
func pageCases() []pageCase {
	return []pageCase{
		{"", []int{exitOK, exitFalse, exitUsage}},
		{"lint", []int{exitOK, exitFalse, exitUsage}},
		{"eval", []int{exitOK, exitFalse, exitUsage}},
		{"dispatch", []int{exitOK, exitUsage}},
		{"consume", []int{exitOK, exitFalse, exitUsage}},
		{"repl", []int{exitOK, exitUsage}},
		{"simulate", []int{exitOK, exitFalse, exitUsage}},
		{"test", []int{exitOK, exitFalse, exitUsage}},
		{"conformance", []int{exitOK, exitFalse, exitUsage}},
		{"lsp", []int{exitOK, exitFalse, exitUsage}},
		{"help", []int{exitOK, exitUsage}},
		{"version", []int{exitOK}},
	}
}

func TestHelpPagesCoverEveryCommand(t *testing.T) {
	parser, err := kong.New(&CLI{})
	require.NoError(t, err)
	var listed []string
	for _, p := range pageCases()[1:] {
		listed = append(listed, p.command)
	}
	var commands []string
	for _, n := range parser.Model.Leaves(true) {
		commands = append(commands, n.Name)
	}
	assert.ElementsMatch(t, commands, listed)

	pages, err := readHelpPages()
	require.NoError(t, err)
	var files []string
	for name := range pages {
		files = append(files, name)
	}
	assert.ElementsMatch(t, append(commands, "condeval"), files, "one file under help/ per command")
}

func TestCommandWithoutHelpPage(t *testing.T) {
	pages, err := readHelpPages()
	require.NoError(t, err)
	delete(pages, "eval")
	_, err = kong.New(&CLI{}, kong.PostBuild(pages.describe))
	assert.EqualError(t, err, "help/eval.txt is missing: every command has a help page")
}

func TestSplitHelpPage(t *testing.T) {
	tests := []struct {
		name, text string
		want       helpPage
	}{
		{"description and end", "Does things.\n\nExamples:\n  condeval x\n",
			helpPage{"Does things.", "\nExamples:\n  condeval x\n"}},
		{"no description", "Examples:\n  condeval x\n", helpPage{"", "\nExamples:\n  condeval x\n"}},
		{"no examples", "Does things.\n", helpPage{description: "Does things."}},
		{"a word Examples: inside the text", "See Examples:\nbelow.\n\nExamples:\n  condeval x\n",
			helpPage{"See Examples:\nbelow.", "\nExamples:\n  condeval x\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, splitPage(tt.text))
		})
	}
}

func TestHelpPageReadsLikeAUnixTool(t *testing.T) {
	pages, err := readHelpPages()
	require.NoError(t, err)
	for _, p := range pageCases() {
		t.Run("condeval "+p.command, func(t *testing.T) {
			code, out, errOut := runWithInput(t, "", strings.Fields(p.command+" --help")...)
			require.Equal(t, exitOK, code)
			assert.Empty(t, errOut)
			assert.True(t, strings.HasPrefix(out, "Usage: condeval "+p.command), out)
			assert.Contains(t, out, "\nExamples:\n")
			assert.Contains(t, out, "\nExit codes:\n")
			assert.ElementsMatch(t, p.exits, pageExitCodes(out))
			examples := helpExamples(out)
			assert.NotEmpty(t, examples, "an example line starting with \"condeval \"")
			for _, e := range examples {
				if p.command != "" {
					assert.True(t, strings.HasPrefix(e+" ", "condeval "+p.command+" "), e)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				assert.LessOrEqual(t, len([]rune(line)), helpWidth, "too wide: %q", line)
			}
			// The file shows the page as it is printed.
			page := pages[cmp.Or(p.command, "condeval")]
			assert.True(t, strings.HasSuffix(out, page.end), "the page ends with the file's examples and exit codes")
			for _, para := range strings.Split(page.description, "\n\n") {
				if !strings.Contains(para, strings.Join(repl.CommandNames(), ", ")) {
					assert.Contains(t, out, "\n"+para+"\n", "laid out as printed")
				}
			}
		})
	}
}

// pageExitCodes are the exit codes a help page explains.
func pageExitCodes(page string) []int {
	_, section, _ := strings.Cut(page, "\nExit codes:\n")
	var codes []int
	for _, m := range regexp.MustCompile(`(?m)^  (\d+)  \S`).FindAllStringSubmatch(section, -1) {
		c, _ := strconv.Atoi(m[1])
		codes = append(codes, c)
	}
	return codes
}

// TestHelpExamplesRun runs every example that needs no file of the reader's
// own: each must get past the command line and its input files.
func TestHelpExamplesRun(t *testing.T) {
	for _, p := range pageCases() {
		if p.command == "consume" {
			continue // needs a Kafka cluster: consume_test.go runs these on one
		}
		_, out, _ := runWithInput(t, "", strings.Fields(p.command+" --help")...)
		for _, e := range helpExamples(out) {
			args := shellWords(t, e)[1:] // without "condeval"
			if i := indexOf(args, "<"); i >= 0 {
				continue // reads a file the reader brings
			}
			if i := indexOf(args, ">"); i >= 0 {
				args = args[:i]
			}
			for i, a := range args {
				if strings.HasPrefix(a, "examples/") {
					args[i] = "../../" + a
				}
			}
			t.Run(e, func(t *testing.T) {
				code, _, errOut := runWithInput(t, "", args...)
				assert.NotEqual(t, exitUsage, code, errOut)
				for _, line := range strings.Split(errOut, "\n") {
					if !strings.HasPrefix(line, "condeval: warning: ") {
						assert.NotContains(t, line, "condeval:", errOut)
					}
				}
			})
		}
	}
}

func TestRootHelpListsEachCommandOnOneLine(t *testing.T) {
	_, out, _ := runWithInput(t, "", "--help")
	for _, p := range pageCases()[1:] {
		assert.Regexp(t, `(?m)^  `+p.command+` +[A-Z][^\n]*\.\n(  [a-z]|\n)`, out, "%s and its one line", p.command)
	}
}

// helpExamples returns the example command lines of a help page, each
// joined from its continuation lines.
func helpExamples(page string) []string {
	_, section, ok := strings.Cut(page, "\nExamples:\n")
	if !ok {
		return nil
	}
	section, _, _ = strings.Cut(section, "\nExit codes:")
	var examples []string
	joined := strings.ReplaceAll(section, "\\\n", " ")
	for _, line := range strings.Split(joined, "\n") {
		if line = strings.Join(strings.Fields(line), " "); strings.HasPrefix(line, "condeval ") {
			examples = append(examples, line)
		}
	}
	return examples
}

// shellWords splits a command line as a shell would for the quoting the
// examples use: words, and text in single or double quotes.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	require.Zero(t, quote, "unclosed quote in %s", line)
	if inWord {
		words = append(words, word.String())
	}
	return words
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}
