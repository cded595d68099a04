package stream

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// progress is what the last progress line said.
type progress struct {
	records int64     // committed so far
	last    int64     // records at the last line
	at      time.Time // time of the last line
}

// startProgress prints a progress line every Config.ProgressEvery and a
// last one when the returned function is called.
func (w *Worker) startProgress() (stop func()) {
	if w.cfg.Progress == nil {
		return func() {}
	}
	w.progress.at = time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(w.cfg.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				w.printProgress()
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		w.printProgress()
	}
}

// printProgress writes one line: records so far, records/s since the last
// line, and the lag of each partition the worker holds.
func (w *Worker) printProgress() {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := time.Now()
	rate := float64(w.progress.records-w.progress.last) / now.Sub(w.progress.at).Seconds()
	w.progress.last, w.progress.at = w.progress.records, now
	var lag []string
	for _, p := range slices.Sorted(maps.Keys(w.lag)) {
		lag = append(lag, fmt.Sprintf("%d=%d", p, w.lag[p]))
	}
	fmt.Fprintf(w.cfg.Progress, "condeval consume: %s: %d records, %.0f/s; lag %s\n",
		w.cfg.Topic, w.progress.records, rate, orNone(strings.Join(lag, " ")))
}

func orNone(s string) string {
	if s == "" {
		return "(no partitions)"
	}
	return s
}

// noteLag records, per partition fetched, how far the worker is behind the
// partition's high watermark.
func (w *Worker) noteLag(fs kgo.Fetches) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fs.EachPartition(func(p kgo.FetchTopicPartition) {
		if len(p.Records) == 0 {
			return
		}
		lag := max(p.HighWatermark-p.Records[len(p.Records)-1].Offset-1, 0)
		w.lag[p.Partition] = lag
		w.cfg.Metrics.lagged(p.Topic, p.Partition, lag)
	})
}

// forget drops the partitions the worker no longer holds from its lag.
func (w *Worker) forget(_ context.Context, _ *kgo.Client, lost map[string][]int32) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for topic, ps := range lost {
		for _, p := range ps {
			delete(w.lag, p)
			w.cfg.Metrics.forget(topic, p)
		}
	}
}
