package statechart

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The Basic HTTP Event I/O processor (W3C SCXML C.2, tests in D.2), kept
// on loopback: it listens on 127.0.0.1 at a port the system picks, and
// POSTs only to loopback addresses; a <send> to any other host is
// recorded as an effect and never made. A simulation starts it the first
// time a session reads its location or sends through it.
//
// Real HTTP and virtual time meet like this: a <send> POSTs synchronously,
// and the server has put the event in an inbox before it answers, so when
// the POST returns the event is moved onto its session's external queue,
// in order with the session's other sends, without waiting on the wall
// clock. POSTs from other processes wait in the inbox until the next call
// into the session.

// Names of the processor (the type attribute and the _ioprocessors key).
const (
	basicHTTPProcessor = "http://www.w3.org/TR/scxml/#BasicHTTPEventProcessor"
	basicHTTPShort     = "basichttp"
)

// The wire: the event's name travels as this form field (or query
// parameter, when the body is <content>); without one the event is named
// after the method, HTTP.POST.
const eventNameField = "_scxmleventname"

const (
	httpTimeout = 5 * time.Second // one POST, to a loopback address
	httpMaxBody = 1 << 20         // the largest request the server reads
)

// httpProcessor is one simulation's Basic HTTP Event I/O processor.
type httpProcessor struct {
	srv  *http.Server
	base string // http://127.0.0.1:PORT/

	mu    sync.Mutex
	inbox []arrival
}

// arrival is an event the server received, for the session it names.
type arrival struct {
	session string
	ev      *Event
}

// startHTTP listens on a loopback port and serves until close.
func startHTTP() (*httpProcessor, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &httpProcessor{base: "http://" + ln.Addr().String() + "/"}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: httpTimeout, ReadTimeout: httpTimeout}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

// loopbackClient makes requests that cannot leave this machine: no proxy,
// no redirects, and a dialer that refuses any address but loopback.
func loopbackClient() *http.Client {
	dialer := &net.Dialer{Timeout: httpTimeout}
	return &http.Client{
		Timeout: httpTimeout,
		Transport: &http.Transport{
			Proxy: nil,
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				host, _, err := net.SplitHostPort(addr)
				if err != nil || !loopback(host) {
					return nil, fmt.Errorf("%s is not a loopback address", addr)
				}
				return dialer.DialContext(ctx, network, addr)
			},
			DisableKeepAlives: true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func (p *httpProcessor) close() { _ = p.srv.Close() }

// location is the address a session receives events at.
func (p *httpProcessor) location(s *Session) string { return p.base + s.id }

// loopback reports whether a host names this machine without asking DNS.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeHTTP turns a POST into an event for the session its path names.
func (p *httpProcessor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "the SCXML Basic HTTP Event I/O processor accepts POST only", http.StatusMethodNotAllowed)
		return
	}
	session := strings.Trim(r.URL.Path, "/")
	r.Body = http.MaxBytesReader(w, r.Body, httpMaxBody)
	raw, err := httputil.DumpRequest(r, true)
	if err != nil {
		http.Error(w, "cannot read the request: "+err.Error(), http.StatusBadRequest)
		return
	}
	body, _ := io.ReadAll(r.Body)
	name := r.URL.Query().Get(eventNameField)
	if name == "" {
		name = r.Header.Get(eventNameField) // as W3C's manual test 513 sends it
	}
	ev := receivedEvent(r.Method, name, r.Header.Get("Content-Type"), string(body))
	ev.Raw = string(raw)
	p.mu.Lock()
	p.inbox = append(p.inbox, arrival{session: session, ev: ev})
	p.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// receivedEvent reads an event from a request (W3C SCXML C.2.2): its name
// from the _scxmleventname field, else the one the query or a header gave,
// else HTTP.<method>; its data the form fields, or, when the body is not
// fields, the body itself (JSON when it is JSON).
func receivedEvent(method, name, contentType, body string) *Event {
	ev := &Event{Name: name, Type: "external", OriginType: basicHTTPProcessor}
	form := strings.HasPrefix(contentType, "application/x-www-form-urlencoded")
	switch {
	case form && strings.Contains(body, "="):
		fields, _ := url.ParseQuery(body)
		if n := fields.Get(eventNameField); n != "" {
			ev.Name = n
		}
		data := map[string]any{}
		for k, vs := range fields {
			if k != eventNameField {
				data[k] = vs[0]
			}
		}
		if len(data) > 0 {
			ev.Data = data
		}
	case body != "":
		text := body
		if form {
			if t, err := url.QueryUnescape(body); err == nil {
				text = t
			}
		}
		ev.Data = text
		var v any
		if json.Unmarshal([]byte(text), &v) == nil {
			ev.Data = v
		}
	}
	if ev.Name == "" {
		ev.Name = "HTTP." + method
	}
	return ev
}

// postEvent sends one event: its name and fields as a form, or <content>
// as the body (percent-encoded, so it never reads as fields).
func postEvent(target, name string, fields [][2]string, content *string) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	var body string
	if content != nil {
		body = formEscape(*content)
		if name != "" {
			q := u.Query()
			q.Set(eventNameField, name)
			u.RawQuery = q.Encode()
		}
	} else {
		var parts []string
		if name != "" {
			parts = append(parts, eventNameField+"="+formEscape(name))
		}
		for _, f := range fields {
			parts = append(parts, formEscape(f[0])+"="+formEscape(f[1]))
		}
		body = strings.Join(parts, "&")
	}
	resp, err := loopbackClient().Post(u.String(), "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, httpMaxBody))
	_ = resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("the server answered %s", resp.Status)
	}
	return nil
}

// formEscape percent-encodes a form value, a space as %20.
func formEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// take empties the inbox.
func (p *httpProcessor) take() []arrival {
	p.mu.Lock()
	defer p.mu.Unlock()
	in := p.inbox
	p.inbox = nil
	return in
}

// httpTarget sorts a Basic HTTP send's target: a loopback URL to POST to,
// or, for any other host, an effect to record. Anything that is not an
// http URL cannot be reached.
func httpTarget(target string) (post bool, err error) {
	if target == "" {
		return false, errors.New("the Basic HTTP Event I/O processor needs a target URL")
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return false, fmt.Errorf("%q is not an http URL", target)
	}
	return loopback(u.Hostname()), nil
}
