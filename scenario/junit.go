package scenario

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteJUnit writes results as a JUnit XML report, one test case a
// scenario file, for CI servers.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suite   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name    string        `xml:"name,attr"`
	Failure *junitMessage `xml:"failure,omitempty"`
	Error   *junitMessage `xml:"error,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func WriteJUnit(w io.Writer, results []Result) error {
	suite := junitSuite{Name: "condeval test", Tests: len(results)}
	for _, r := range results {
		c := junitCase{Name: r.Path}
		switch {
		case r.Err != nil:
			suite.Errors++
			c.Error = &junitMessage{Message: r.Err.Error(), Text: r.Err.Error()}
		case len(r.Failures) > 0:
			suite.Failures++
			c.Failure = &junitMessage{Message: strings.SplitN(r.Failures[0], "\n", 2)[0], Text: strings.Join(r.Failures, "\n")}
		}
		suite.Cases = append(suite.Cases, c)
	}
	b, err := xml.MarshalIndent(junitSuites{Suite: []junitSuite{suite}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, b)
	return err
}
