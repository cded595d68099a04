package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/statechart"
	"github.com/condeval/condeval/stream"
)

// ConsumeCmd is one worker of a Kafka consumer group that evaluates a
// condition or a handler set on every record of a topic.
type ConsumeCmd struct {
	Brokers  []string `required:"" placeholder:"HOST" help:"Seed brokers, host:port."`
	Group    string   `required:"" placeholder:"NAME" help:"Consumer group: workers of one group share the topic's partitions."`
	Topic    string   `required:"" placeholder:"TOPIC" help:"Input topic: one case (or, with --event-only, one _event) a record."`
	OutTopic string   `placeholder:"TOPIC" help:"Where results go (required)."`
	DLQTopic string   `name:"dlq-topic" placeholder:"TOPIC" help:"Where records that are not valid input go, with the reason (required)."`

	Expr      string `short:"e" name:"expr" aliases:"cond" placeholder:"EXPR" help:"The condition to evaluate (a case's own \"cond\" wins, as in eval --batch); --cond is another name for it."`
	CondFile  string `placeholder:"FILE" help:"A file holding the condition to evaluate."`
	Handlers  string `placeholder:"FILE" help:"A handler set to dispatch to: .yaml, .yml, .json, .scxml or .ixnprocess."`
	Compare   string `placeholder:"FILE" help:"A second condition file, or handler set, to compare with: only records whose outcome differs are written."`
	EventOnly bool   `help:"Each record is a bare _event rather than a case."`
	System    string `placeholder:"FILE" help:"A JSON file with the system variables of cases that bring none."`

	Transactional bool          `help:"Write results and commit offsets in one Kafka transaction per batch (exactly-once)."`
	UntilEnd      bool          `help:"Stop when the group has reached the end offsets seen at start (a bounded replay)."`
	MaxBatch      int           `default:"1000" placeholder:"N" help:"Records per batch."`
	Concurrency   int           `placeholder:"N" help:"Evaluations at once (default: the number of CPUs)."`
	Session       time.Duration `name:"session-timeout" default:"45s" help:"How long the group waits for a silent worker."`
	Rebalance     time.Duration `name:"rebalance-timeout" default:"60s" help:"How long a worker may take to finish its batch when the group rebalances."`
	InstanceID    string        `placeholder:"ID" help:"Static group membership: a restart within the session timeout keeps the partitions."`
	Progress      time.Duration `default:"10s" help:"Interval of the progress line on stderr (records/s, lag per partition); 0 for none."`
	Metrics       string        `placeholder:"ADDR" help:"Serve Prometheus metrics at http://ADDR/metrics."`

	TLS          bool   `name:"tls" help:"Connect with TLS."`
	TLSCA        string `name:"tls-ca" placeholder:"FILE" help:"PEM certificates to trust (default: the system's)."`
	TLSCert      string `name:"tls-cert" placeholder:"FILE" help:"PEM client certificate, for mutual TLS."`
	TLSKey       string `name:"tls-key" placeholder:"FILE" help:"PEM key of --tls-cert."`
	SASL         string `name:"sasl" enum:",plain,scram-sha-256,scram-sha-512" default:"" placeholder:"MECHANISM" help:"SASL mechanism: plain, scram-sha-256 or scram-sha-512."`
	SASLUser     string `name:"sasl-user" placeholder:"USER" help:"SASL user."`
	SASLPassword string `name:"sasl-password" env:"CONDEVAL_SASL_PASSWORD" placeholder:"PASSWORD" help:"SASL password; better given in the environment, out of the shell's history."`
}

// Run joins the group and consumes until SIGTERM or, with --until-end, the
// end of the replay. Compare mode then prints its summary.
func (c *ConsumeCmd) Run(env *Env) error {
	cfg, err := c.config(env)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if c.Metrics != "" {
		srv, err := stream.ServeMetrics(c.Metrics)
		if err != nil {
			return err
		}
		defer srv.Close()
		cfg.Metrics = srv.Metrics
	}
	w, err := stream.NewWorker(ctx, cfg)
	if err != nil {
		return err
	}
	if err := w.Run(ctx); err != nil {
		return err
	}
	if cfg.Compare != nil {
		s := w.Summary()
		if s.Changed > 0 {
			env.Code = exitFalse
		}
		return s.WriteCompare(env.Stdout)
	}
	return nil
}

// config reads the files the flags name.
func (c *ConsumeCmd) config(env *Env) (stream.Config, error) {
	if c.OutTopic == "" || c.DLQTopic == "" {
		return stream.Config{}, usagef("give --out-topic and --dlq-topic: every record gets a result or a dead letter")
	}
	cfg := stream.Config{
		Brokers: c.Brokers, Group: c.Group, Topic: c.Topic, OutTopic: c.OutTopic, DLQTopic: c.DLQTopic,
		Transactional: c.Transactional, UntilEnd: c.UntilEnd, MaxBatch: c.MaxBatch, Concurrency: c.Concurrency,
		SessionTimeout: c.Session, RebalanceTimeout: c.Rebalance, InstanceID: c.InstanceID,
	}
	if c.Progress > 0 {
		cfg.Progress, cfg.ProgressEvery = env.Stderr, c.Progress
	}
	in := stream.Input{EventOnly: c.EventOnly}
	var err error
	if c.System != "" {
		if in.System, err = readObjectFlag("--system", c.System); err != nil {
			return cfg, err
		}
	}
	if cfg.Eval, cfg.Compare, err = c.evaluators(env, in); err != nil {
		return cfg, err
	}
	err = c.security().Apply(&cfg)
	var ue *stream.UsageError
	if errors.As(err, &ue) {
		return cfg, usagef("%s", ue)
	}
	return cfg, err
}

// evaluators are what --cond, --cond-file or --handlers, and --compare name.
func (c *ConsumeCmd) evaluators(env *Env, in stream.Input) (eval, compare stream.Evaluator, err error) {
	given := 0
	for _, f := range []string{c.Expr, c.CondFile, c.Handlers} {
		if f != "" {
			given++
		}
	}
	if given != 1 {
		return nil, nil, usagef("give exactly one of -e, --cond-file and --handlers")
	}
	if c.Handlers != "" {
		if eval, err = c.handlers(env, c.Handlers, in); err == nil && c.Compare != "" {
			compare, err = c.handlers(env, c.Compare, in)
		}
		return eval, compare, err
	}
	src, label := c.Expr, c.Expr
	if c.CondFile != "" {
		if src, err = readConditionFile("--cond-file", c.CondFile); err != nil {
			return nil, nil, err
		}
		label = c.CondFile
	}
	eval = stream.NewCondition(src, label, in)
	if c.Compare != "" {
		other, err := readConditionFile("--compare", c.Compare)
		if err != nil {
			return nil, nil, err
		}
		compare = stream.NewCondition(other, c.Compare, in)
	}
	return eval, compare, nil
}

// handlers loads a handler set; conditions that do not compile are reported
// on stderr, as dispatch does, and never fire.
func (c *ConsumeCmd) handlers(env *Env, path string, in stream.Input) (stream.Evaluator, error) {
	set, err := statechart.LoadHandlers(path)
	if err != nil {
		return nil, err
	}
	for _, p := range set.Problems {
		render.Error(env.Stderr, p)
	}
	return stream.NewHandlers(set, in), nil
}

// security is what the --tls and --sasl flags say.
func (c *ConsumeCmd) security() stream.Security {
	return stream.Security{
		TLS: c.TLS, CAFile: c.TLSCA, CertFile: c.TLSCert, KeyFile: c.TLSKey,
		SASL: c.SASL, User: c.SASLUser, Password: c.SASLPassword,
	}
}
