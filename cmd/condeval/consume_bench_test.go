package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchCases are n cases of the seed condition against the example
// interaction's notcontrolled events, every resultof in turn.
func benchCases(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		r := []string{"", "deletion", "revoking", "routing", "detaching"}[i%5]
		lines[i] = fmt.Sprintf(`{"id":%d,"event":{"name":"interaction.notcontrolled","type":"external","origin":"fm://interaction","data":{"interactionid":"00A1QW4N8C7H2001","resultof":%q}},"system":{"InteractionID":"00A1QW4N8C7H2001","ANI":"5551234","Type":"inbound"}}`, i, r)
	}
	return lines
}

// BenchmarkConsumeVsBatch evaluates the same cases with eval --batch and
// with one consume worker over an in-process Kafka on loopback, and
// reports records/s for each (eval --batch is one goroutine; consume with
// --concurrency 1 and with one evaluation per CPU).
//
//	go test -run xxx -bench ConsumeVsBatch -benchtime 3x ./cmd/condeval
func BenchmarkConsumeVsBatch(b *testing.B) {
	const n = 20000
	lines := benchCases(n)
	input := strings.Join(lines, "\n") + "\n"
	perSecond := func(b *testing.B, start time.Time) {
		b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "records/s")
		b.ReportMetric(0, "ns/op")
	}
	b.Run("eval-batch", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			if code := runBatch(strings.NewReader(input), io.Discard, seedExpr); code != exitOK {
				b.Fatal("eval --batch failed")
			}
		}
		perSecond(b, start)
	})
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("consume/concurrency="+strconv.Itoa(workers), func(b *testing.B) {
			c := kafka(b, "cases", "results", "dead")
			produceLines(b, c, "cases", lines)
			group := 0
			start := time.Now()
			for b.Loop() {
				group++
				var out, errOut bytes.Buffer
				code := run([]string{"consume", "--brokers", strings.Join(c.ListenAddrs(), ","), "--group", "bench-" + strconv.Itoa(group),
					"--topic", "cases", "--out-topic", "results", "--dlq-topic", "dead", "--cond", seedExpr,
					"--until-end", "--progress", "0", "--concurrency", strconv.Itoa(workers)}, nil, &out, &errOut)
				if code != exitOK {
					b.Fatal(errOut.String())
				}
			}
			perSecond(b, start)
		})
	}
}
