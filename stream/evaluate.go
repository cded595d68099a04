package stream

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// decision is what became of one record.
type decision struct {
	base, compare Outcome
	compared      bool  // compare mode: compare holds the second outcome
	err           error // not valid input: a dead letter
	marker        bool  // a transaction marker: nothing to evaluate or write, only to commit
}

// evaluate evaluates records on Config.Concurrency goroutines and returns
// the decisions of the longest prefix of recs that was evaluated: all of
// them, unless the group started to rebalance meanwhile.
func (w *Worker) evaluate(recs []*kgo.Record) []decision {
	out := make([]decision, len(recs))
	done := make([]bool, len(recs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(w.cfg.Concurrency, len(recs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(recs) || w.rebalancing.Load() {
					return
				}
				if recs[i].Attrs.IsControl() {
					out[i] = decision{marker: true}
				} else {
					out[i] = w.decide(recs[i].Value)
				}
				done[i] = true
			}
		})
	}
	wg.Wait()
	n := 0
	for n < len(recs) && done[n] {
		n++
	}
	return out[:n]
}

// decide evaluates one record's value, twice in compare mode.
func (w *Worker) decide(value []byte) decision {
	ctx := context.Background()
	start := time.Now()
	var d decision
	d.base, d.err = w.cfg.Eval.Evaluate(ctx, value)
	if d.err == nil && w.cfg.Compare != nil {
		d.compare, d.err = w.cfg.Compare.Evaluate(ctx, value)
		d.compared = true
	}
	w.cfg.Metrics.evaluated(time.Since(start))
	return d
}
