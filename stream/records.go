package stream

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Header names condeval adds to the records it writes.
const (
	HeaderResult = "condeval-result" // "true"/"false", the fired handlers, "changed" or "error.input"
	HeaderError  = "condeval-error"  // a dead letter's reason
	HeaderSource = "condeval-source" // a dead letter's topic/partition/offset
)

// source is where an input record was read.
type source struct {
	Topic     string `json:"topic"`
	Partition int32  `json:"partition"`
	Offset    int64  `json:"offset"`
}

func sourceOf(r *kgo.Record) source {
	return source{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset}
}

func (s source) String() string {
	return s.Topic + "/" + strconv.Itoa(int(s.Partition)) + "/" + strconv.FormatInt(s.Offset, 10)
}

// records are what the worker writes for one input record: its result, its
// dead letter, or in compare mode the result only when the outcomes differ.
// Each keeps the input's key and headers.
func (d decision) records(cfg Config, in *kgo.Record) []*kgo.Record {
	src := sourceOf(in)
	switch {
	case d.marker:
		return nil
	case d.err != nil:
		return []*kgo.Record{derive(in, cfg.DLQTopic, in.Value,
			kgo.RecordHeader{Key: HeaderResult, Value: []byte("error.input")},
			kgo.RecordHeader{Key: HeaderError, Value: []byte(d.err.Error())},
			kgo.RecordHeader{Key: HeaderSource, Value: []byte(src.String())})}
	case !d.compared:
		value := withField(d.base.Record, "source", src)
		return []*kgo.Record{derive(in, cfg.OutTopic, value, kgo.RecordHeader{Key: HeaderResult, Value: []byte(d.base.Result)})}
	case !Same(d.base, d.compare):
		value, _ := json.Marshal(struct {
			Base    json.RawMessage `json:"base"`
			Compare json.RawMessage `json:"compare"`
			Source  source          `json:"source"`
		}{d.base.Record, d.compare.Record, src})
		return []*kgo.Record{derive(in, cfg.OutTopic, value, kgo.RecordHeader{Key: HeaderResult, Value: []byte("changed")})}
	}
	return nil
}

// derive is a record for topic with in's key and headers, the given value,
// and the given headers replacing any of the same name. Its Partition is
// in's, for samePartition.
func derive(in *kgo.Record, topic string, value []byte, add ...kgo.RecordHeader) *kgo.Record {
	headers := make([]kgo.RecordHeader, 0, len(in.Headers)+len(add))
	for _, h := range in.Headers {
		if !hasHeader(add, h.Key) {
			headers = append(headers, h)
		}
	}
	headers = append(headers, add...)
	return &kgo.Record{Topic: topic, Partition: in.Partition, Key: in.Key, Value: value, Headers: headers}
}

func hasHeader(hs []kgo.RecordHeader, key string) bool {
	for _, h := range hs {
		if h.Key == key {
			return true
		}
	}
	return false
}

// withField appends "name": v to the JSON object obj.
func withField(obj []byte, name string, v any) []byte {
	b, _ := json.Marshal(v)
	body := bytes.TrimSpace(obj)
	body = bytes.TrimSpace(body[:len(body)-1]) // without its closing brace
	out := append([]byte(nil), body...)
	if body[len(body)-1] != '{' {
		out = append(out, ',')
	}
	out = strconv.AppendQuote(out, name)
	out = append(out, ':')
	out = append(out, b...)
	return append(out, '}')
}
