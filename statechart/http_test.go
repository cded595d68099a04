package statechart

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const httpType = `type="http://www.w3.org/TR/scxml/#BasicHTTPEventProcessor"`

// TestHTTPSendsOffLoopbackAreEffects: a Basic HTTP send to any host but
// this machine is recorded, never made (no error.communication either: the
// simulation cannot know what the host would say).
func TestHTTPSendsOffLoopbackAreEffects(t *testing.T) {
	for _, target := range []string{
		"http://example.com/events",
		"http://10.1.2.3:8080/x",
		"http://169.254.169.254/latest/meta-data",
		"http://127.0.0.1.example.com/x",
		"https://[2001:db8::1]/x",
	} {
		t.Run(target, func(t *testing.T) {
			s, st := start(t, t.TempDir(), scxmlHead+`>
				<datamodel><data id="n" expr="7"/></datamodel>
				<state id="a"><onentry>
					<send event="hello" target="`+target+`" `+httpType+` namelist="n"/>
				</onentry></state>
			</scxml>`, Options{})
			defer s.Close()
			assert.Empty(t, st.Errors)
			require.Len(t, st.Effects, 1)
			assert.Equal(t, "send", st.Effects[0].Action)
			assert.Equal(t, target, st.Effects[0].Attrs["target"])
			assert.Equal(t, map[string]any{"n": int64(7)}, st.Effects[0].Attrs["data"])
		})
	}
}

// TestHTTPUnreachable: no target, a target that is no http URL, or a
// loopback port nobody listens on is error.communication.
func TestHTTPUnreachable(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	for _, tc := range []struct{ attrs, message string }{
		{``, "needs a target URL"},
		{`target="#_internal"`, "is not an http URL"},
		{`target="` + deadURL + `/x"`, deadURL},
	} {
		t.Run(tc.attrs, func(t *testing.T) {
			s, st := start(t, t.TempDir(), scxmlHead+`>
				<state id="a"><onentry><send event="e" `+httpType+` `+tc.attrs+`/></onentry>
					<transition event="error.communication" target="b"/></state>
				<state id="b"/>
			</scxml>`, Options{})
			defer s.Close()
			assert.Equal(t, []string{"b"}, s.Configuration())
			require.Len(t, st.Errors, 1)
			assert.Equal(t, "error.communication", st.Errors[0].Name)
			assert.Contains(t, st.Errors[0].Message, tc.message)
		})
	}
}

// TestHTTPWire: what a send puts on the wire, seen by another loopback
// server: the name and fields as a form, <content> percent-encoded.
func TestHTTPWire(t *testing.T) {
	got := make(chan *http.Request, 1)
	bodies := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- r
		bodies <- string(b)
	}))
	defer srv.Close()
	for _, tc := range []struct{ send, query, body string }{
		{`<send event="a.b" target="` + srv.URL + `/s" ` + httpType + ` namelist="v"><param name="p q" expr="'x y&amp;z'"/></send>`,
			"", "_scxmleventname=a.b&v=1&p%20q=x%20y%26z"},
		{`<send event="c" target="` + srv.URL + `/s" ` + httpType + `><content>some=thing here</content></send>`,
			"_scxmleventname=c", "some%3Dthing%20here"},
		{`<send target="` + srv.URL + `/s" ` + httpType + `><content expr="({k: [1]})"/></send>`,
			"", "%7B%22k%22%3A%5B1%5D%7D"},
	} {
		t.Run(tc.body, func(t *testing.T) {
			s, st := start(t, t.TempDir(), scxmlHead+`>
				<datamodel><data id="v" expr="1"/></datamodel>
				<state id="a"><onentry>`+tc.send+`</onentry></state>
			</scxml>`, Options{})
			defer s.Close()
			assert.Empty(t, st.Errors)
			assert.Empty(t, st.Effects)
			r := <-got
			assert.Equal(t, http.MethodPost, r.Method)
			assert.Equal(t, "/s", r.URL.Path)
			assert.Equal(t, tc.query, r.URL.RawQuery)
			assert.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
			assert.Equal(t, tc.body, <-bodies)
		})
	}
}

// TestHTTPRoundTrip: a session sends to its own location and gets the
// event on its external queue, after what it raised and before what it
// sent itself later; _event.raw is the request, data the fields or the
// content.
func TestHTTPRoundTrip(t *testing.T) {
	s, st := start(t, t.TempDir(), scxmlHead+`>
		<datamodel><data id="got" expr="[]"/></datamodel>
		<state id="a">
			<onentry>
				<send event="one" targetexpr="_ioprocessors['basichttp'].location" `+httpType+`><param name="k" expr="'v w'"/></send>
				<send event="two"/>
				<send targetexpr="_ioprocessors['http://www.w3.org/TR/scxml/#BasicHTTPEventProcessor'].location" `+httpType+`><content>{"n": 1}</content></send>
				<raise event="zero"/>
			</onentry>
			<transition event="*" cond="got.length &lt; 3"><assign location="got[got.length]" expr="_event.name + ':' + JSON.stringify(_event.data) + ':' + _event.origintype"/></transition>
			<transition event="*" target="b"><assign location="got[got.length]" expr="_event.name + ':' + (_event.raw.indexOf('POST /session1 HTTP/1.1') == 0)"/></transition>
		</state>
		<state id="b"/>
	</scxml>`, Options{})
	defer s.Close()
	require.Empty(t, st.Errors)
	assert.Equal(t, []string{"b"}, s.Configuration())
	v, err := s.Eval("got")
	require.NoError(t, err)
	assert.Equal(t, []any{
		"zero:undefined:undefined",
		`one:{"k":"v w"}:http://www.w3.org/TR/scxml/#BasicHTTPEventProcessor`,
		"two:undefined:http://www.w3.org/TR/scxml/#SCXMLEventProcessor",
		"HTTP.POST:true",
	}, v)
}

// TestHTTPFromOutside: another process POSTs to the session's location;
// the event is taken at the next call into the session. Other methods are
// refused, and the port closes when the session ends.
func TestHTTPFromOutside(t *testing.T) {
	s, _ := start(t, t.TempDir(), scxmlHead+`>
		<datamodel><data id="loc" expr="_ioprocessors.basichttp.location"/></datamodel>
		<state id="a"><transition event="test" cond="_event.data.key1 == 'value1'" target="b"/></state>
		<final id="b"/>
	</scxml>`, Options{})
	v, err := s.Eval("loc")
	require.NoError(t, err)
	loc := v.(string)
	u, err := url.Parse(loc)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1", u.Hostname())

	resp, err := http.Get(loc)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	req, err := http.NewRequest(http.MethodPost, loc, strings.NewReader("key1=value1&key2=value2"))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("_scxmleventname", "test") // as W3C's manual test 513 sends it
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	st := s.Advance(0)
	assert.True(t, st.Done)
	assert.Equal(t, "b", st.Final)
	_, err = http.Post(loc, "text/plain", strings.NewReader("late"))
	assert.Error(t, err, "the port is closed once the session is done")
}

// TestHTTPDelayedSend: a delayed Basic HTTP send is made when the virtual
// clock reaches it, not before, and never waits on the wall clock.
func TestHTTPDelayedSend(t *testing.T) {
	s, _ := start(t, t.TempDir(), scxmlHead+`>
		<state id="a">
			<onentry><send event="later" delay="10s" targetexpr="_ioprocessors.basichttp.location" `+httpType+`/></onentry>
			<transition event="later" target="b"/>
		</state>
		<state id="b"/>
	</scxml>`, Options{})
	defer s.Close()
	assert.Equal(t, []string{"a"}, s.Advance(9999).Configuration)
	st := s.Advance(1)
	assert.Equal(t, []string{"b"}, st.Configuration)
	assert.Equal(t, int64(10000), st.Time)
}

// TestHTTPPortClosedWhenDropped: a session dropped without Close gives
// its port back once collected.
func TestHTTPPortClosedWhenDropped(t *testing.T) {
	loc := func() string {
		s, _ := start(t, t.TempDir(), scxmlHead+`>
			<datamodel><data id="loc" expr="_ioprocessors.basichttp.location"/></datamodel>
			<state id="a"/>
		</scxml>`, Options{})
		v, err := s.Eval("loc")
		require.NoError(t, err)
		return v.(string)
	}()
	assert.Eventually(t, func() bool {
		goruntime.GC()
		resp, err := http.Post(loc, "text/plain", strings.NewReader("x"))
		if err == nil {
			resp.Body.Close()
		}
		return err != nil
	}, 5*time.Second, 10*time.Millisecond)
}
