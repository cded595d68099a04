package stream

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

// produceTransaction writes records to the input topic in one transaction
// of a transactional producer, committed or aborted: the topic then holds
// a marker after them on each partition it touched.
func produceTransaction(t testing.TB, c *kfake.Cluster, commit bool, first int, values ...[]byte) {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.TransactionalID("upstream"), kgo.ProducerLinger(0))
	require.NoError(t, err)
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, cl.BeginTransaction())
	for i, v := range values {
		r := &kgo.Record{Topic: inTopic, Key: []byte("k" + strconv.Itoa(first+i)), Value: v}
		require.NoError(t, cl.ProduceSync(ctx, r).FirstErr())
	}
	require.NoError(t, cl.EndTransaction(ctx, kgo.TransactionEndTry(commit)))
}

// A topic written by a transactional producer (another worker with
// --transactional, Kafka Streams) ends each transaction with a marker: a
// bounded replay must get past the last one, and the records of an aborted
// transaction are never evaluated.
func TestBoundedReplayOfTransactionalInput(t *testing.T) {
	tests := []struct {
		name          string
		transactional bool // the worker's own delivery
		abortLast     bool // the input's last transaction was aborted
		want          int  // results: the ids 0..want-1, once each
	}{
		{"committed transactions", false, false, 30},
		{"committed transactions, exactly-once worker", true, false, 30},
		{"the last transaction aborted", false, true, 20},
		{"the last transaction aborted, exactly-once worker", true, true, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCluster(t, 3)
			in := cases(30)
			produceTransaction(t, c, true, 0, in[:20]...)
			produceTransaction(t, c, !tt.abortLast, 20, in[20:]...)
			cfg := config(c, idEvaluator{})
			cfg.Transactional = tt.transactional
			w := newWorker(t, cfg)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			require.NoError(t, w.Run(ctx))
			require.NoError(t, ctx.Err(), "the replay did not reach the end of the input")

			ids := resultIDs(t, readAll(t, c, outTopic, false))
			require.Len(t, ids, tt.want)
			for id := range tt.want {
				assert.Equal(t, 1, ids[id], "result of case %d", id)
			}
			assert.Equal(t, int64(tt.want), w.Summary().Records, "markers are no records")
		})
	}
}
