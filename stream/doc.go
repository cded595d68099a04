// Package stream evaluates conditions and handler sets where events flow:
// each Worker is one member of a Kafka consumer group, so partitions are
// split between workers and move when a worker joins, leaves or dies.
//
// A Worker reads records of one topic, asks an Evaluator for each record's
// result, writes the results (or, for a record that is not valid input, a
// dead letter) and commits the input offsets only after the brokers have
// acknowledged what it wrote: at-least-once, or exactly-once with Kafka
// transactions. Compare mode runs a second Evaluator on the same records and
// writes only the records whose outcome differs.
//
// The package knows Kafka, delivery and how a worker is watched: Security
// turns the TLS files and SASL credentials of condeval consume into a
// connection, and ServeMetrics serves a worker's metrics over HTTP. What a
// record means and what its result looks like belong to the Evaluator (the
// batch format of condeval eval --batch, or a handler set's dispatch
// record).
package stream
