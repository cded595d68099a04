package stream

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are a worker's Prometheus metrics. A nil *Metrics records nothing.
type Metrics struct {
	in, out, dlq, errors, changed prometheus.Counter
	latency                       prometheus.Histogram
	lag                           *prometheus.GaugeVec
}

// NewMetrics creates the metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: "condeval", Name: name, Help: help})
	}
	m := &Metrics{
		in:      counter("records_in_total", "Input records evaluated and committed."),
		out:     counter("records_out_total", "Results written to the output topic."),
		dlq:     counter("dead_letters_total", "Records that were not valid input, written to the dead-letter topic."),
		errors:  counter("evaluation_errors_total", "error.execution events raised by conditions."),
		changed: counter("changed_total", "Compare mode: records whose two outcomes differ."),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "condeval", Name: "evaluation_seconds",
			Help:    "Time to evaluate one record (both sides in compare mode).",
			Buckets: prometheus.ExponentialBuckets(5e-6, 4, 10),
		}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: "condeval", Name: "lag_records",
			Help: "Records behind the high watermark, per partition the worker holds.",
		}, []string{"topic", "partition"}),
	}
	reg.MustRegister(m.in, m.out, m.dlq, m.errors, m.changed, m.latency, m.lag)
	return m
}

func (m *Metrics) batch(s Summary) {
	if m == nil {
		return
	}
	m.in.Add(float64(s.Records))
	m.out.Add(float64(s.Written))
	m.dlq.Add(float64(s.DeadLetters))
	m.errors.Add(float64(s.Errors))
	m.changed.Add(float64(s.Changed))
}

func (m *Metrics) evaluated(d time.Duration) {
	if m != nil {
		m.latency.Observe(d.Seconds())
	}
}

func (m *Metrics) lagged(topic string, partition int32, lag int64) {
	if m != nil {
		m.lag.WithLabelValues(topic, strconv.Itoa(int(partition))).Set(float64(lag))
	}
}

func (m *Metrics) forget(topic string, partition int32) {
	if m != nil {
		m.lag.DeleteLabelValues(topic, strconv.Itoa(int(partition)))
	}
}
