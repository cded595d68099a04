package stream

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Worker is one member of a consumer group that evaluates the records of
// its partitions. Run it once.
type Worker struct {
	cfg  Config
	cl   *kgo.Client
	txn  *kgo.GroupTransactSession // nil unless Config.Transactional
	adm  *kadm.Client
	ends map[int32]int64 // Config.UntilEnd: the input's end offsets at start

	// rebalancing is set when the group waits for this worker's batch: the
	// worker then evaluates no further record of it.
	rebalancing atomic.Bool

	mu       sync.Mutex
	summary  Summary
	lag      map[int32]int64 // per input partition, from the last fetch
	progress progress

	batches int
	hooks   hooks
}

// hooks let tests stop a worker where a crash would.
type hooks struct {
	// killAfterWrite ends Run with the batch written and not committed,
	// as a crash would; a static member (InstanceID) then does not leave
	// the group, which notices only when the session times out.
	killAfterWrite  func(batch int, written []*kgo.Record) bool
	abortAfterWrite func(batch int) bool // abort the batch's transaction
}

// errKilled ends Run when hooks.killAfterWrite says so.
var errKilled = errors.New("killed")

// NewWorker connects to the brokers and checks the topics; the worker
// joins its group when Run starts polling.
func NewWorker(ctx context.Context, cfg Config) (*Worker, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	w := &Worker{cfg: cfg, lag: make(map[int32]int64)}
	if cfg.Transactional {
		if w.txn, err = kgo.NewGroupTransactSession(w.clientOptions()...); err != nil {
			return nil, err
		}
		w.cl = w.txn.Client()
	} else if w.cl, err = kgo.NewClient(w.clientOptions()...); err != nil {
		return nil, err
	}
	w.adm = kadm.NewClient(w.cl)
	if err := w.check(ctx); err != nil {
		w.cl.Close()
		return nil, err
	}
	if cfg.UntilEnd {
		if w.ends, err = w.endOffsets(ctx); err != nil {
			w.cl.Close()
			return nil, err
		}
	}
	return w, nil
}

// Run consumes until ctx is done (SIGTERM: the batch in hand is finished
// and committed first) or, with UntilEnd, until the group has reached the
// end offsets seen at start. It leaves the group before it returns.
func (w *Worker) Run(ctx context.Context) error {
	stopProgress := w.startProgress()
	defer func() {
		stopProgress()
		w.closeAllowingRebalance()
	}()
	for ctx.Err() == nil {
		if w.cfg.UntilEnd {
			done, err := w.groupAtEnd(ctx)
			if err != nil || done {
				return err
			}
		}
		w.rebalancing.Store(false)
		fetches := w.poll(ctx)
		if err := fetchError(fetches); err != nil {
			return err
		}
		w.noteLag(fetches)
		if recs := fetches.Records(); len(recs) > 0 {
			if err := w.batch(recs); err != nil {
				return err
			}
		}
		w.allowRebalance()
	}
	return nil
}

// poll waits for records; in a bounded replay it comes back empty-handed
// now and then, so the worker can see that the group reached the end.
func (w *Worker) poll(ctx context.Context) kgo.Fetches {
	if w.cfg.UntilEnd {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 250*time.Millisecond)
		defer cancel()
	}
	if w.txn != nil {
		return w.txn.PollRecords(ctx, w.cfg.MaxBatch)
	}
	return w.cl.PollRecords(ctx, w.cfg.MaxBatch)
}

func (w *Worker) allowRebalance() {
	if w.txn != nil {
		w.txn.AllowRebalance()
		return
	}
	w.cl.AllowRebalance()
}

// closeAllowingRebalance leaves the group. Closing without allowing the
// rebalance that leaving starts would wait forever.
func (w *Worker) closeAllowingRebalance() {
	if w.txn != nil {
		w.txn.CloseAllowingRebalance()
		return
	}
	w.cl.CloseAllowingRebalance()
}

// fetchError is the first error of a poll that is not the poll's own end.
func fetchError(fs kgo.Fetches) error {
	for _, fe := range fs.Errors() {
		if errors.Is(fe.Err, context.Canceled) || errors.Is(fe.Err, context.DeadlineExceeded) || errors.Is(fe.Err, kgo.ErrClientClosed) {
			continue
		}
		if fe.Topic == "" {
			return fmt.Errorf("reading records: %w", fe.Err)
		}
		return fmt.Errorf("reading %s/%d: %w", fe.Topic, fe.Partition, fe.Err)
	}
	return nil
}

// batch evaluates records, writes their results and commits their offsets.
// When the group rebalances meanwhile, only the records evaluated so far
// are written and committed; the others are fetched again by whoever owns
// their partitions next, this worker included.
func (w *Worker) batch(recs []*kgo.Record) error {
	w.batches++
	done := w.evaluate(recs)
	n := len(done)
	var out []*kgo.Record
	var sum Summary
	for i, d := range done {
		out = append(out, d.records(w.cfg, recs[i])...)
		sum.add(d)
	}
	// The batch is finished even after SIGTERM, within the time a
	// rebalance would allow it.
	ctx, cancel := context.WithTimeout(context.Background(), w.cfg.RebalanceTimeout)
	defer cancel()
	if w.txn != nil {
		return w.deliverTransaction(ctx, recs, n, out, sum)
	}
	if err := w.cl.ProduceSync(ctx, out...).FirstErr(); err != nil {
		return fmt.Errorf("writing results: %w", err)
	}
	if w.hooks.killAfterWrite != nil && w.hooks.killAfterWrite(w.batches, recs[:n]) {
		return errKilled
	}
	if err := w.cl.CommitRecords(ctx, recs[:n]...); err != nil {
		if !rebalanceError(err) {
			return fmt.Errorf("committing offsets: %w", err)
		}
		w.warnf("offsets of %d records not committed, the group moved on: %v", n, err)
		return nil
	}
	if n < len(recs) {
		w.cl.SetOffsets(rewind(recs[n:]))
	}
	w.committed(sum)
	return nil
}

// deliverTransaction writes the results and commits the offsets in one
// transaction. A rebalance during the transaction aborts it, and the
// session rewinds to the last committed offsets, so nothing is written twice.
func (w *Worker) deliverTransaction(ctx context.Context, recs []*kgo.Record, n int, out []*kgo.Record, sum Summary) error {
	if err := w.txn.Begin(); err != nil {
		return fmt.Errorf("beginning a transaction: %w", err)
	}
	end := kgo.TryCommit
	if err := w.txn.ProduceSync(ctx, out...).FirstErr(); err != nil {
		w.warnf("writing results: %v; aborting the transaction", err)
		end = kgo.TryAbort
	}
	if n < len(recs) || (w.hooks.abortAfterWrite != nil && w.hooks.abortAfterWrite(w.batches)) {
		end = kgo.TryAbort
	}
	committed, err := w.txn.End(ctx, end)
	if err != nil {
		return fmt.Errorf("ending the transaction: %w", err)
	}
	if committed {
		w.committed(sum)
	}
	return nil
}

// rewind is where fetching resumes for records evaluated but not kept.
func rewind(rest []*kgo.Record) map[string]map[int32]kgo.EpochOffset {
	to := make(map[string]map[int32]kgo.EpochOffset)
	for _, r := range rest {
		if to[r.Topic] == nil {
			to[r.Topic] = make(map[int32]kgo.EpochOffset)
		}
		if _, seen := to[r.Topic][r.Partition]; !seen {
			to[r.Topic][r.Partition] = kgo.EpochOffset{Epoch: r.LeaderEpoch, Offset: r.Offset}
		}
	}
	return to
}

// committed counts a batch whose offsets are committed.
func (w *Worker) committed(sum Summary) {
	w.mu.Lock()
	w.summary.merge(sum)
	w.progress.records += sum.Records
	w.mu.Unlock()
	w.cfg.Metrics.batch(sum)
}

// Summary is what the worker has done so far.
func (w *Worker) Summary() Summary {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.summary.clone()
}

func (w *Worker) warnf(format string, args ...any) {
	if w.cfg.Progress != nil {
		w.mu.Lock()
		defer w.mu.Unlock()
		fmt.Fprintf(w.cfg.Progress, "condeval consume: warning: "+format+"\n", args...)
	}
}
