package stream

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kgo"
)

// size is the number of events of the group tests: the 30,000,
// or a tenth of it with -short.
func size() int {
	if testing.Short() {
		return 3000
	}
	return 30000
}

// running is a group of workers that run until stopped.
type running struct {
	g       group
	cancels []context.CancelFunc
	workers []*Worker
}

// run starts a worker of cfg in r.
func (r *running) run(t testing.TB, cfg Config, hooks hooks) *Worker {
	w := newWorker(t, cfg)
	w.hooks = hooks
	ctx, cancel := context.WithCancel(context.Background())
	r.cancels = append(r.cancels, cancel)
	r.workers = append(r.workers, w)
	r.g.start(ctx, w)
	return w
}

// stop sends every worker SIGTERM and returns their errors.
func (r *running) stop(t testing.TB) []error {
	for _, cancel := range r.cancels {
		cancel()
	}
	return r.g.wait(t)
}

// unbounded is config without UntilEnd: workers that run until stopped.
func unbounded(c Config) Config {
	c.UntilEnd = false
	return c
}

func TestWorkersShareTheEvents(t *testing.T) {
	n := size()
	c := newCluster(t, 12)
	var r running
	for range 3 {
		r.run(t, unbounded(config(c, idEvaluator{})), hooks{})
	}
	waitMembers(t, c, 3)
	produce(t, c, cases(n)...)
	waitCommitted(t, c)
	for _, err := range r.stop(t) {
		require.NoError(t, err)
	}

	ids := resultIDs(t, readAll(t, c, outTopic, false))
	require.Len(t, ids, n, "every event evaluated")
	for id, k := range ids {
		require.Equal(t, 1, k, "event %d evaluated more than once", id)
	}
	var total int64
	for _, w := range r.workers {
		s := w.Summary()
		assert.NotZero(t, s.Records, "each worker evaluates a share")
		total += s.Records
	}
	assert.EqualValues(t, n, total)
}

func TestWorkerLeavesCleanly(t *testing.T) {
	n := size()
	c := newCluster(t, 12)
	var r running
	for range 3 {
		r.run(t, unbounded(config(c, idEvaluator{})), hooks{})
	}
	waitMembers(t, c, 3)
	produce(t, c, cases(n/2)...)
	waitCommitted(t, c)
	r.cancels[0]() // SIGTERM
	produce(t, c, cases(n)[n/2:]...)
	waitCommitted(t, c)
	for _, err := range r.stop(t) {
		require.NoError(t, err)
	}

	ids := resultIDs(t, readAll(t, c, outTopic, false))
	require.Len(t, ids, n, "no event lost")
	for id, k := range ids {
		require.Equal(t, 1, k, "event %d evaluated more than once", id)
	}
}

// The killed worker stops holding the records of its last poll: unless it
// allows the rebalance that closing starts, its Close waits forever and the
// group never gets its partitions back.
func TestWorkerKilledMidBatch(t *testing.T) {
	n := size()
	c := newCluster(t, 12)
	var r running
	var mu sync.Mutex
	var killed []*kgo.Record // the batch the killed worker wrote and did not commit
	kill := hooks{killAfterWrite: func(_ int, recs []*kgo.Record) bool {
		mu.Lock()
		defer mu.Unlock()
		if killed == nil {
			killed = recs
		}
		return true
	}}
	for i := range 3 {
		cfg := unbounded(config(c, idEvaluator{}))
		h := hooks{}
		if i == 0 {
			cfg.InstanceID = "doomed"
			h = kill
		}
		r.run(t, cfg, h)
	}
	waitMembers(t, c, 3)
	produce(t, c, cases(n)...)
	waitCommitted(t, c)
	errs := r.stop(t)
	require.ErrorIs(t, errs[0], errKilled)
	for _, err := range errs[1:] {
		require.NoError(t, err)
	}

	mu.Lock()
	uncommitted := resultIDs(t, killed)
	mu.Unlock()
	require.NotEmpty(t, uncommitted)
	ids := resultIDs(t, readAll(t, c, outTopic, false))
	require.Len(t, ids, n, "no event lost")
	duplicated := 0
	for id, k := range ids {
		if k > 1 {
			duplicated++
			require.Contains(t, uncommitted, id, "event %d duplicated outside the killed worker's batch", id)
			require.Equal(t, 2, k)
		}
	}
	assert.Equal(t, len(uncommitted), duplicated, "the killed batch is evaluated again")
}

func TestTransactionalAbortedBatchIsNotDuplicated(t *testing.T) {
	n := size() / 3
	c := newCluster(t, 12)
	var r running
	aborted := 0
	for i := range 2 {
		cfg := unbounded(config(c, idEvaluator{}))
		cfg.Transactional = true
		cfg.MaxBatch = 200
		h := hooks{}
		if i == 0 {
			h.abortAfterWrite = func(batch int) bool {
				if batch == 2 {
					aborted++
					return true
				}
				return false
			}
		}
		r.run(t, cfg, h)
	}
	waitMembers(t, c, 2)
	produce(t, c, cases(n)...)
	waitCommitted(t, c)
	for _, err := range r.stop(t) {
		require.NoError(t, err)
	}
	require.Equal(t, 1, aborted)

	written := readAll(t, c, outTopic, true)
	require.Greater(t, len(written), n, "the aborted batch was written, uncommitted")
	ids := resultIDs(t, readAll(t, c, outTopic, false))
	require.Len(t, ids, n, "no event lost")
	for id, k := range ids {
		require.Equal(t, 1, k, "event %d is in the output more than once", id)
	}
}

func TestDeadLettersAndResultRecords(t *testing.T) {
	c := newCluster(t, 3)
	in := cases(6)
	in[2] = []byte(`{"id":2,`)
	in[4] = []byte(`not json`)
	produce(t, c, in...)
	cfg := config(c, idEvaluator{})
	cfg.Metrics = NewMetrics(prometheus.NewRegistry())
	var progress bytes.Buffer
	cfg.Progress, cfg.ProgressEvery = &progress, time.Hour
	w := newWorker(t, cfg)
	require.NoError(t, w.Run(context.Background()))
	assert.Regexp(t, `^condeval consume: events: 6 records, \d+/s; lag (\d=0 ?)+\n$`, progress.String())
	m := cfg.Metrics
	assert.Equal(t, []float64{6, 4, 2, 0}, []float64{
		metric(t, m.in).GetCounter().GetValue(), metric(t, m.out).GetCounter().GetValue(),
		metric(t, m.dlq).GetCounter().GetValue(), metric(t, m.errors).GetCounter().GetValue(),
	}, "records in, out, dead letters, errors")
	assert.EqualValues(t, 6, metric(t, m.latency).GetHistogram().GetSampleCount(), "one evaluation a record")

	dead := readAll(t, c, dlqTopic, false)
	require.Len(t, dead, 2)
	reasons := map[string]string{}
	for _, r := range dead {
		h := headers(r)
		assert.Equal(t, "error.input", h[HeaderResult])
		assert.Equal(t, "t"+string(r.Key[1:]), h["trace"], "input headers kept")
		assert.Regexp(t, `^events/\d+/\d+$`, h[HeaderSource])
		reasons[string(r.Value)] = h[HeaderError]
	}
	assert.Equal(t, map[string]string{
		`{"id":2,`: "not a valid case: unexpected end of JSON input",
		`not json`: "not a valid case: invalid character 'o' in literal null (expecting 'u')",
	}, reasons)

	out := readAll(t, c, outTopic, false)
	require.Len(t, out, 4)
	for _, r := range out {
		var v struct {
			ID     int
			Result bool
			Source source
		}
		require.NoError(t, json.Unmarshal(r.Value, &v))
		assert.Equal(t, "k"+strconv.Itoa(v.ID), string(r.Key), "key kept")
		assert.Equal(t, map[string]string{"trace": "t" + strconv.Itoa(v.ID), HeaderResult: "true"}, headers(r))
		assert.Equal(t, inTopic, v.Source.Topic)
		assert.Equal(t, r.Partition, v.Source.Partition, "results stay in their input's partition")
	}
	s := w.Summary()
	assert.Equal(t, Summary{Records: 6, Written: 4, DeadLetters: 2}, s)
}

func headers(r *kgo.Record) map[string]string {
	m := make(map[string]string)
	for _, h := range r.Headers {
		m[h.Key] = string(h.Value)
	}
	return m
}

func metric(t testing.TB, m prometheus.Metric) *dto.Metric {
	t.Helper()
	var out dto.Metric
	require.NoError(t, m.Write(&out))
	return &out
}
