package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/plain"

	"github.com/condeval/condeval/stream"
)

// kafka starts an in-process Kafka cluster on loopback with the topics.
func kafka(t testing.TB, topics ...string) *kfake.Cluster {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(4, topics...))
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

// produceLines writes each line as a record keyed by its index.
func produceLines(t testing.TB, c *kfake.Cluster, topic string, lines []string) {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...))
	require.NoError(t, err)
	defer cl.Close()
	recs := make([]*kgo.Record, len(lines))
	for i, l := range lines {
		recs[i] = &kgo.Record{Topic: topic, Key: []byte(strconv.Itoa(i)), Value: []byte(l)}
	}
	require.NoError(t, cl.ProduceSync(context.Background(), recs...).FirstErr())
}

// consumed reads every record of topic, by key.
func consumed(t testing.TB, c *kfake.Cluster, topic string) map[string]*kgo.Record {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.ConsumeTopics(topic))
	require.NoError(t, err)
	defer cl.Close()
	out := make(map[string]*kgo.Record)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		fs := cl.PollFetches(ctx)
		cancel()
		if fs.NumRecords() == 0 {
			return out
		}
		fs.EachRecord(func(r *kgo.Record) {
			_, dup := out[string(r.Key)]
			require.False(t, dup, "record %s written twice", r.Key)
			out[string(r.Key)] = r
		})
	}
}

func header(r *kgo.Record, key string) string {
	for _, h := range r.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// batchCases are cases of every kind eval --batch meets: the seed
// condition against each resultof, missing fields, conditions of their
// own that throw or do not compile, and lines that are not cases.
func batchCases() []string {
	lines := []string{
		`not json`,
		``,
		`{"id": 4, "cond": "_event.data.x.y"}`,
		`{"id": 5, "cond": "In('s1')", "states": ["s1"]}`,
		`{"id": 6, "cond": "1 +"}`,
		`{"id": 7, "unknown": true}`,
		`{"id": 8, "cond": "App_X", "globals": {"App_X": 0}}`,
		`{"id":"c1","cond":""}`,
		`[1]`,
	}
	for i := range 400 {
		ixn := []string{"A", "B"}[i%2]
		data := fmt.Sprintf(`{"interactionid": "%s"`, ixn)
		if r := []string{"", "deletion", "revoking", "routing", "detaching"}[i%5]; r != "" {
			data += fmt.Sprintf(`, "resultof": "%s"`, r)
		}
		lines = append(lines, fmt.Sprintf(`{"id": %d, "event": {"name": "interaction.notcontrolled", "data": %s}}, "system": {"InteractionID": "A"}}`, 100+i, data))
	}
	return lines
}

func TestConsumeGivesWhatEvalBatchGives(t *testing.T) {
	lines := batchCases()
	code, out, _ := runWithInput(t, strings.Join(lines, "\n")+"\n", "eval", "--batch", "--cond", seedExpr)
	require.Equal(t, exitUsage, code, "some lines are not cases")
	results := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, results, len(lines))

	c := kafka(t, "cases", "results", "dead")
	produceLines(t, c, "cases", lines)
	code, _, errOut := runWithInput(t, "", "consume", "--brokers", strings.Join(c.ListenAddrs(), ","), "--group", "g",
		"--topic", "cases", "--out-topic", "results", "--dlq-topic", "dead", "--cond", seedExpr, "--until-end", "--progress", "0")
	require.Equal(t, exitOK, code, errOut)

	written, dead := consumed(t, c, "results"), consumed(t, c, "dead")
	assert.Len(t, dead, strings.Count(out, `"error.input"`))
	assert.Len(t, written, len(lines)-len(dead))
	for i, want := range results {
		key := strconv.Itoa(i)
		if strings.Contains(want, `"error.input"`) {
			r := dead[key]
			require.NotNil(t, r, "line %d %s goes to the dead-letter topic", i+1, lines[i])
			assert.Contains(t, want, `"message":`+strconv.Quote(header(r, stream.HeaderError)), "the reason eval --batch gives")
			assert.Equal(t, lines[i], string(r.Value), "the record as it was")
			continue
		}
		r := written[key]
		require.NotNil(t, r, "line %d has a result", i+1)
		got := string(r.Value)
		require.True(t, strings.HasPrefix(got, strings.TrimSuffix(want, "}")+`,"source":{"topic":"cases",`), "line %d:\n eval --batch: %s\n consume:      %s", i+1, want, got)
		assert.Equal(t, strings.Contains(want, `"result":true`), header(r, stream.HeaderResult) == "true")
	}
}

func TestConsumeHelpExamplesRun(t *testing.T) {
	c := kafka(t, "ors-events", "ors-tagged", "ors-changed", "ors-dead")
	var events []string
	for _, f := range []string{"notcontrolled-revoking", "notcontrolled-routing", "notcontrolled-deletion", "present"} {
		events = append(events, strings.TrimSpace(readFile(t, "../../examples/events/"+f+".json")))
	}
	produceLines(t, c, "ors-events", events)
	_, page, _ := runWithInput(t, "", "consume", "--help")
	examples := helpExamples(page)
	require.Len(t, examples, 2)
	for _, e := range examples {
		args := shellWords(t, strings.ReplaceAll(e, "localhost:9092", strings.Join(c.ListenAddrs(), ",")))[1:]
		for i, a := range args {
			if strings.HasPrefix(a, "examples/") {
				args[i] = "../../" + a
			}
		}
		if indexOf(args, "--until-end") < 0 {
			args = append(args, "--until-end") // the live example, stopped when it has caught up
		}
		t.Run(e, func(t *testing.T) {
			code, out, errOut := runWithInput(t, "", args...)
			assert.NotEqual(t, exitUsage, code, errOut)
			if indexOf(args, "--compare") >= 0 {
				assert.Equal(t, exitFalse, code, "the fix changes the revoking and routing outcomes")
				assert.True(t, strings.HasPrefix(out, "2 of 4 records changed\n"), out)
			}
		})
	}
	assert.Len(t, consumed(t, c, "ors-tagged"), 4)
	assert.Len(t, consumed(t, c, "ors-changed"), 2)
}

func TestConsumeErrors(t *testing.T) {
	c := kafka(t, "in", "out", "dead")
	brokers := strings.Join(c.ListenAddrs(), ",")
	empty := filepath.Join(t.TempDir(), "empty.cond")
	require.NoError(t, os.WriteFile(empty, []byte("\uFEFF \n"), 0o600))
	for _, tc := range []struct {
		name  string
		args  []string
		want  string
		usage bool // a command line to fix: the Try line follows
	}{
		{"unreachable brokers", []string{"--brokers", "127.0.0.1:1", "--topic", "in"}, "cannot reach the brokers 127.0.0.1:1: ", false},
		{"missing input topic", []string{"--brokers", brokers, "--topic", "nope"}, `the input topic "nope" does not exist on ` + brokers, false},
		{"missing output topic", []string{"--brokers", brokers, "--topic", "in", "--out-topic", "gone"}, `the output topic "gone" does not exist`, false},
		{"two conditions", []string{"--brokers", brokers, "--topic", "in", "--handlers", "x.yaml"}, "give exactly one of -e, --cond-file and --handlers", true},
		{"no dead-letter topic", []string{"--brokers", brokers, "--topic", "in", "--dlq-topic", ""}, "give --out-topic and --dlq-topic", true},
		{"SASL without a user", []string{"--brokers", brokers, "--topic", "in", "--sasl", "plain"}, "--sasl plain needs --sasl-user", true},
		{"a client certificate without its key", []string{"--brokers", brokers, "--topic", "in", "--tls-cert", "client.pem"}, "--tls-cert and --tls-key go together", true},
		{"a CA file that is not there", []string{"--brokers", brokers, "--topic", "in", "--tls-ca", "nope.pem"}, "cannot read --tls-ca nope.pem: no such file or directory", false},
		{"a condition file that is not there", []string{"--brokers", brokers, "--topic", "in", "--cond", "", "--cond-file", "nope.cond"}, "cannot read --cond-file nope.cond: no such file or directory", false},
		{"a folder as the condition file", []string{"--brokers", brokers, "--topic", "in", "--cond", "", "--cond-file", filepath.Dir(empty)}, "cannot read --cond-file " + filepath.Dir(empty) + ": is a directory", false},
		{"an empty condition file", []string{"--brokers", brokers, "--topic", "in", "--cond", "", "--cond-file", empty}, "--cond-file " + empty + ": no condition in the file", false},
		{"metrics at an address without a port", []string{"--brokers", brokers, "--topic", "in", "--metrics", "127.0.0.1"}, "--metrics 127.0.0.1: missing port in address", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"consume", "--group", "g", "--out-topic", "out", "--dlq-topic", "dead", "--cond", "true", "--progress", "0"}, tc.args...)
			code, _, errOut := runWithInput(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, "condeval: "+tc.want)
			assert.Equal(t, tc.usage, strings.Contains(errOut, "Try 'condeval consume --help'"), errOut)
		})
	}
}

func TestConsumeWithSASL(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "in", "out", "dead"),
		kfake.EnableSASL(), kfake.Superuser("PLAIN", "ors", "s3cret"))
	require.NoError(t, err)
	t.Cleanup(c.Close)
	produce := func(cl *kgo.Client) error {
		return cl.ProduceSync(context.Background(), &kgo.Record{Topic: "in", Value: []byte(`{"id":1,"event":{}}`)}).FirstErr()
	}
	admin, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.SASL(plain.Auth{User: "ors", Pass: "s3cret"}.AsMechanism()))
	require.NoError(t, err)
	require.NoError(t, produce(admin))
	admin.Close()

	args := func(password string) []string {
		return []string{"consume", "--brokers", strings.Join(c.ListenAddrs(), ","), "--group", "g", "--topic", "in",
			"--out-topic", "out", "--dlq-topic", "dead", "--cond", "true", "--until-end", "--progress", "0",
			"--sasl", "plain", "--sasl-user", "ors", "--sasl-password", password}
	}
	code, _, errOut := runWithInput(t, "", args("s3cret")...)
	assert.Equal(t, exitOK, code, errOut)
	code, _, errOut = runWithInput(t, "", args("wrong")...)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "refused the credentials")
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}
