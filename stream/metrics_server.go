package stream

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MetricsServer serves a worker's metrics, with the Go runtime's and the
// process's, at http://Addr/metrics for Prometheus to scrape.
type MetricsServer struct {
	Metrics *Metrics // what Config.Metrics takes
	Addr    net.Addr // where it listens: a port 0 asked for is chosen
	srv     *http.Server
}

// ServeMetrics listens on addr (host:port, as --metrics gives it) and
// serves until Close.
func ServeMetrics(addr string) (*MetricsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, listenError(addr, err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	s := &MetricsServer{
		Metrics: NewMetrics(reg),
		Addr:    ln.Addr(),
		srv:     &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second},
	}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Close stops listening and lets a scrape in flight finish, for up to five
// seconds.
func (s *MetricsServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.srv.Shutdown(ctx)
}

// listenError says what is wrong with addr ("missing port in address",
// "no such host"), or why it cannot be listened on, without Go's "listen
// tcp" and "lookup" prefixes: "--metrics :80: cannot listen: bind:
// permission denied".
func listenError(addr string, err error) error {
	var ae *net.AddrError
	if errors.As(err, &ae) {
		return fmt.Errorf("--metrics %s: %s", addr, ae.Err)
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		return fmt.Errorf("--metrics %s: %s", addr, de.Err)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		err = oe.Err
	}
	return fmt.Errorf("--metrics %s: cannot listen: %w", addr, err)
}
