package stream

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// clientOptions are the franz-go options of a worker: a group member that
// commits by hand after its results are acknowledged, and that holds a
// rebalance until the batch in hand is written and committed.
func (w *Worker) clientOptions() []kgo.Opt {
	c := w.cfg
	opts := []kgo.Opt{
		kgo.SeedBrokers(c.Brokers...),
		kgo.DialTimeout(c.DialTimeout),
		kgo.ConsumerGroup(c.Group),
		kgo.ConsumeTopics(c.Topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		// A transactional producer ends each transaction with a marker
		// record. Polled, the markers are committed with the records
		// around them; discarded, a partition that ends on one is never
		// committed to its end, so a bounded replay never finishes and the
		// lag never reaches 0.
		kgo.KeepControlRecords(),
		kgo.DisableAutoCommit(),
		kgo.BlockRebalanceOnPoll(),
		kgo.SessionTimeout(c.SessionTimeout),
		kgo.HeartbeatInterval(min(3*time.Second, c.SessionTimeout/3)),
		kgo.RebalanceTimeout(c.RebalanceTimeout),
		kgo.OnPartitionsCallbackBlocked(func(context.Context, *kgo.Client) { w.rebalancing.Store(true) }),
		kgo.OnPartitionsRevoked(w.forget),
		kgo.OnPartitionsLost(w.forget),
		kgo.RecordPartitioner(samePartition()),
	}
	if c.InstanceID != "" {
		opts = append(opts, kgo.InstanceID(c.InstanceID))
	}
	if c.TLS != nil {
		opts = append(opts, kgo.DialTLSConfig(c.TLS))
	}
	if c.SASL != nil {
		opts = append(opts, kgo.SASL(c.SASL))
	}
	if c.Transactional {
		id := c.TransactionalID
		if id == "" {
			id = c.Group + "-" + randomSuffix()
		}
		opts = append(opts, kgo.TransactionalID(id))
	}
	return opts
}

// samePartition writes the result of a record of input partition p to
// partition p mod n of its topic, so the results of one partition stay in
// order, and keyed input stays co-partitioned when the counts match. A
// record's Partition holds its input partition until it is partitioned.
func samePartition() kgo.Partitioner {
	return kgo.BasicConsistentPartitioner(func(string) func(*kgo.Record, int) int {
		return func(r *kgo.Record, n int) int { return int(r.Partition) % n }
	})
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// check makes sure the brokers answer and the topics exist before the
// worker joins its group, so that a typo fails at once and says so.
func (w *Worker) check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.DialTimeout)
	defer cancel()
	brokers := strings.Join(w.cfg.Brokers, ",")
	if err := w.cl.Ping(ctx); err != nil {
		if errors.Is(err, kerr.SaslAuthenticationFailed) {
			return fmt.Errorf("the brokers %s refused the credentials: %w", brokers, err)
		}
		if w.cfg.SASL != nil {
			// A broker may just hang up on credentials it refuses.
			return fmt.Errorf("cannot reach the brokers %s, or they refused the credentials: %w", brokers, err)
		}
		return fmt.Errorf("cannot reach the brokers %s: %w", brokers, err)
	}
	topics, err := w.adm.ListTopics(ctx, w.cfg.Topic, w.cfg.OutTopic, w.cfg.DLQTopic)
	if err != nil {
		return fmt.Errorf("cannot read the topics of %s: %w", brokers, err)
	}
	for _, t := range []struct{ what, name string }{
		{"input", w.cfg.Topic}, {"output", w.cfg.OutTopic}, {"dead-letter", w.cfg.DLQTopic},
	} {
		d, ok := topics[t.name]
		switch {
		case !ok || errors.Is(d.Err, kerr.UnknownTopicOrPartition):
			return fmt.Errorf("the %s topic %q does not exist on %s", t.what, t.name, brokers)
		case d.Err != nil:
			return fmt.Errorf("the %s topic %q: %w", t.what, t.name, d.Err)
		}
	}
	return nil
}

// endOffsets are the input's end offsets, per partition, now.
func (w *Worker) endOffsets(ctx context.Context) (map[int32]int64, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.DialTimeout)
	defer cancel()
	listed, err := w.adm.ListEndOffsets(ctx, w.cfg.Topic)
	if err != nil {
		return nil, fmt.Errorf("reading the end offsets of %q: %w", w.cfg.Topic, err)
	}
	ends := make(map[int32]int64)
	var failed error
	listed.Each(func(o kadm.ListedOffset) {
		if o.Err != nil {
			failed = fmt.Errorf("reading the end offset of %s/%d: %w", o.Topic, o.Partition, o.Err)
		}
		ends[o.Partition] = o.Offset
	})
	return ends, failed
}

// groupAtEnd reports whether the group has committed, on every partition,
// at least the end offset the worker saw when it started.
func (w *Worker) groupAtEnd(ctx context.Context) (bool, error) {
	offsets, err := w.adm.FetchOffsetsForTopics(ctx, w.cfg.Group, w.cfg.Topic)
	if errors.Is(err, kerr.GroupIDNotFound) {
		offsets, err = nil, nil // the group has committed nothing yet
	}
	if err != nil {
		return false, fmt.Errorf("reading the offsets of group %q: %w", w.cfg.Group, err)
	}
	for p, end := range w.ends {
		if end <= 0 {
			continue
		}
		o, ok := offsets.Lookup(w.cfg.Topic, p)
		if !ok || o.Err != nil || o.At < end {
			return false, nil
		}
	}
	return true, nil
}

// rebalanceError reports whether err says the group moved on while a
// commit was in flight: the records are then someone else's to redo.
func rebalanceError(err error) bool {
	for _, e := range []error{kerr.RebalanceInProgress, kerr.IllegalGeneration, kerr.UnknownMemberID, kerr.StaleMemberEpoch, kerr.FencedInstanceID} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
