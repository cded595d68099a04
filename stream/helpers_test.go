package stream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Topics of every test cluster.
const (
	inTopic  = "events"
	outTopic = "results"
	dlqTopic = "dead"
)

// newCluster starts an in-process Kafka cluster on loopback with the input,
// output and dead-letter topics, each of the given partitions. Members of
// its groups may go silent for as little as 100ms, so a killed worker's
// partitions move quickly.
func newCluster(t testing.TB, partitions int32, opts ...kfake.Opt) *kfake.Cluster {
	t.Helper()
	opts = append([]kfake.Opt{
		kfake.NumBrokers(1),
		kfake.SeedTopics(partitions, inTopic, outTopic, dlqTopic),
		kfake.GroupMinSessionTimeout(100 * time.Millisecond),
	}, opts...)
	c, err := kfake.NewCluster(opts...)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

// produce writes records to the input topic, spread over its partitions
// by key, and waits for them to be acknowledged.
func produce(t testing.TB, c *kfake.Cluster, values ...[]byte) {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.ProducerLinger(0))
	require.NoError(t, err)
	defer cl.Close()
	recs := make([]*kgo.Record, len(values))
	for i, v := range values {
		recs[i] = &kgo.Record{Topic: inTopic, Key: []byte("k" + strconv.Itoa(i)), Value: v,
			Headers: []kgo.RecordHeader{{Key: "trace", Value: []byte("t" + strconv.Itoa(i))}}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, cl.ProduceSync(ctx, recs...).FirstErr())
}

// cases are n input records in the batch format, with ids 0..n-1.
func cases(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = fmt.Appendf(nil, `{"id":%d,"event":{"name":"interaction.notcontrolled","data":{"n":%d}}}`, i, i)
	}
	return out
}

// readAll reads every record of topic up to its end offsets, as a consumer
// that sees only committed transactions (or every record, uncommitted).
func readAll(t testing.TB, c *kfake.Cluster, topic string, uncommitted bool) []*kgo.Record {
	t.Helper()
	level := kgo.ReadCommitted()
	if uncommitted {
		level = kgo.ReadUncommitted()
	}
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.ConsumeTopics(topic),
		kgo.FetchIsolationLevel(level), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	require.NoError(t, err)
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []*kgo.Record
	for {
		pctx, pcancel := context.WithTimeout(ctx, time.Second)
		fs := cl.PollFetches(pctx)
		pcancel()
		for _, fe := range fs.Errors() {
			if !errors.Is(fe.Err, context.DeadlineExceeded) {
				require.NoError(t, fe.Err)
			}
		}
		if fs.NumRecords() == 0 {
			require.NoError(t, ctx.Err(), "reading %s took too long", topic)
			return out
		}
		out = append(out, fs.Records()...)
	}
}

// config is a worker of the test group over the cluster, evaluating with e.
func config(c *kfake.Cluster, e Evaluator) Config {
	return Config{
		Brokers: c.ListenAddrs(), Group: "condeval", Topic: inTopic, OutTopic: outTopic, DLQTopic: dlqTopic,
		Eval: e, MaxBatch: 500, UntilEnd: true,
		SessionTimeout: 2 * time.Second, RebalanceTimeout: 10 * time.Second,
	}
}

// group runs workers until each returns, at most two minutes.
type group struct {
	wg   sync.WaitGroup
	errs []*error // per worker, in the order started
}

func (g *group) start(ctx context.Context, w *Worker) {
	err := new(error)
	g.errs = append(g.errs, err)
	g.wg.Go(func() { *err = w.Run(ctx) })
}

func (g *group) wait(t testing.TB) []error {
	t.Helper()
	done := make(chan struct{})
	go func() { g.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the workers did not finish within two minutes")
	}
	errs := make([]error, len(g.errs))
	for i, e := range g.errs {
		errs[i] = *e
	}
	return errs
}

func newWorker(t testing.TB, cfg Config) *Worker {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	w, err := NewWorker(ctx, cfg)
	require.NoError(t, err)
	return w
}

// idEvaluator is a stand-in for the batch evaluator: a record is a JSON
// object with an "id"; its result is {"id":…, "result":true}.
type idEvaluator struct{}

func (idEvaluator) Evaluate(_ context.Context, value []byte) (Outcome, error) {
	var c struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(value, &c); err != nil {
		return Outcome{}, fmt.Errorf("not a valid case: %v", err)
	}
	return Outcome{Record: fmt.Appendf(nil, `{"id":%s,"result":true}`, c.ID), Result: "true"}, nil
}

// resultIDs counts the ids of result records.
func resultIDs(t testing.TB, recs []*kgo.Record) map[int]int {
	t.Helper()
	ids := make(map[int]int)
	for _, r := range recs {
		var v struct{ ID int }
		require.NoError(t, json.Unmarshal(r.Value, &v), string(r.Value))
		ids[v.ID]++
	}
	return ids
}

// admin is an admin client of the cluster.
func admin(t testing.TB, c *kfake.Cluster) *kadm.Client {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...))
	require.NoError(t, err)
	t.Cleanup(cl.Close)
	return kadm.NewClient(cl)
}

// eventually polls cond every 20ms for at most a minute.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitMembers waits until the test group is stable with n members, each
// holding partitions.
func waitMembers(t testing.TB, c *kfake.Cluster, n int) {
	t.Helper()
	adm := admin(t, c)
	eventually(t, fmt.Sprintf("%d members holding partitions", n), func() bool {
		gs, err := adm.DescribeGroups(context.Background(), "condeval")
		if err != nil {
			return false
		}
		g := gs["condeval"]
		if g.State != "Stable" || len(g.Members) != n {
			return false
		}
		for _, m := range g.Members {
			a, ok := m.Assigned.AsConsumer()
			if !ok || len(a.Topics) == 0 {
				return false
			}
		}
		return true
	})
}

// waitCommitted waits until the test group has committed every record of
// the input topic.
func waitCommitted(t testing.TB, c *kfake.Cluster) {
	t.Helper()
	adm := admin(t, c)
	eventually(t, "the group to commit the whole input", func() bool {
		ctx := context.Background()
		ends, err := adm.ListEndOffsets(ctx, inTopic)
		if err != nil {
			return false
		}
		committed, err := adm.FetchOffsetsForTopics(ctx, "condeval", inTopic)
		if err != nil {
			return false
		}
		all := true
		ends.Each(func(o kadm.ListedOffset) {
			if got, ok := committed.Lookup(inTopic, o.Partition); o.Offset > 0 && (!ok || got.At < o.Offset) {
				all = false
			}
		})
		return all
	})
}
