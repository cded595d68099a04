package stream

import (
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scrape gets the page Prometheus reads.
func scrape(t testing.TB, url string) (status int, body string, err error) {
	t.Helper()
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b), nil
}

func TestServeMetrics(t *testing.T) {
	s, err := ServeMetrics("127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + s.Addr.String() + "/metrics"
	s.Metrics.batch(Summary{Records: 6, Written: 4, DeadLetters: 2, Errors: 1})
	s.Metrics.evaluated(3 * time.Millisecond)
	s.Metrics.lagged(inTopic, 2, 17)

	status, page, err := scrape(t, url)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, status)
	for _, line := range []string{
		"condeval_records_in_total 6",
		"condeval_records_out_total 4",
		"condeval_dead_letters_total 2",
		"condeval_evaluation_errors_total 1",
		"condeval_changed_total 0",
		"condeval_evaluation_seconds_count 1",
		`condeval_lag_records{partition="2",topic="events"} 17`,
		"# TYPE go_goroutines gauge",               // the Go runtime's
		"# TYPE process_cpu_seconds_total counter", // the process's
	} {
		assert.Contains(t, page, line+"\n")
	}

	status, _, err = scrape(t, "http://"+s.Addr.String()+"/")
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, status, "only /metrics is served")

	require.NoError(t, s.Close())
	_, _, err = scrape(t, url)
	assert.Error(t, err, "closed: nothing listens any more")
}

func TestServeMetricsCannotListen(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	for _, tc := range []struct{ addr, err string }{
		{"127.0.0.1", "--metrics 127.0.0.1: missing port in address"},
		{"127.0.0.1:http-alt-nope", "--metrics 127.0.0.1:http-alt-nope: unknown port"},
		{taken.Addr().String(), "--metrics " + taken.Addr().String() + ": cannot listen: bind: address already in use"},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			s, err := ServeMetrics(tc.addr)
			if err == nil {
				s.Close()
			}
			assert.EqualError(t, err, tc.err)
		})
	}
}
