package stream

import (
	"crypto/tls"
	"errors"
	"io"
	"runtime"
	"time"

	"github.com/twmb/franz-go/pkg/sasl"
)

// Config is what a Worker reads, evaluates and writes, and how.
type Config struct {
	Brokers  []string // seed brokers, host:port
	Group    string   // the consumer group the worker joins
	Topic    string   // the input topic
	OutTopic string   // where results go
	DLQTopic string   // where records that are not valid input go, with the reason

	Eval Evaluator // what every record is evaluated with
	// Compare, when set, is evaluated on the same records as Eval, and only
	// the records whose outcomes differ are written, with both outcomes.
	Compare Evaluator

	// Transactional writes results and commits offsets in one Kafka
	// transaction per batch: exactly-once from topic to topic.
	Transactional bool
	// TransactionalID names the worker's transactions; it must be unique
	// per worker. Default: the group's name and a random suffix.
	TransactionalID string
	// UntilEnd stops the worker when the group has committed the end
	// offsets the worker saw when it started: a bounded replay.
	UntilEnd bool

	MaxBatch    int // records per batch; default 1000
	Concurrency int // evaluations at once; default GOMAXPROCS

	// SessionTimeout is how long the group waits for a silent worker
	// before handing its partitions to the others; RebalanceTimeout how
	// long every worker may take to finish its batch when the group
	// rebalances. Defaults: 45s and 60s, Kafka's own.
	SessionTimeout   time.Duration
	RebalanceTimeout time.Duration
	// InstanceID makes the worker a static member: restarting it within the
	// session timeout does not move its partitions.
	InstanceID string
	// DialTimeout bounds the start-up checks (brokers reachable, topics
	// there); default 10s.
	DialTimeout time.Duration

	TLS  *tls.Config    // nil: plain TCP
	SASL sasl.Mechanism // nil: no authentication

	Progress      io.Writer     // progress lines (records/s, lag per partition); nil: none
	ProgressEvery time.Duration // default 10s
	Metrics       *Metrics      // nil: none
}

// withDefaults checks c and fills in what was left out.
func (c Config) withDefaults() (Config, error) {
	switch {
	case len(c.Brokers) == 0:
		return c, errors.New("no brokers: give at least one host:port")
	case c.Group == "":
		return c, errors.New("no consumer group")
	case c.Topic == "":
		return c, errors.New("no input topic")
	case c.OutTopic == "":
		return c, errors.New("no output topic")
	case c.DLQTopic == "":
		return c, errors.New("no dead-letter topic")
	case c.Eval == nil:
		return c, errors.New("nothing to evaluate")
	case c.OutTopic == c.Topic || c.DLQTopic == c.Topic:
		return c, errors.New("the output and dead-letter topics must differ from the input topic")
	}
	if c.MaxBatch <= 0 {
		c.MaxBatch = 1000
	}
	if c.Concurrency <= 0 {
		c.Concurrency = runtime.GOMAXPROCS(0)
	}
	if c.SessionTimeout <= 0 {
		c.SessionTimeout = 45 * time.Second
	}
	if c.RebalanceTimeout <= 0 {
		c.RebalanceTimeout = 60 * time.Second
	}
	if c.DialTimeout <= 0 {
		c.DialTimeout = 10 * time.Second
	}
	if c.ProgressEvery <= 0 {
		c.ProgressEvery = 10 * time.Second
	}
	return c, nil
}
