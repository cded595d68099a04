package stream

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/twmb/franz-go/pkg/sasl"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// Security is how a worker proves itself to brokers that want TLS or SASL,
// as condeval consume's flags give it: file names and a mechanism's name
// rather than what crypto/tls and franz-go take. Its errors name the flags.
type Security struct {
	TLS      bool   // --tls: connect with TLS, trusting the system's certificates
	CAFile   string // --tls-ca: PEM certificates to trust instead; implies TLS
	CertFile string // --tls-cert: PEM client certificate, for mutual TLS; implies TLS
	KeyFile  string // --tls-key: the PEM private key of CertFile

	SASL     string // --sasl: "" (none), "plain", "scram-sha-256" or "scram-sha-512"
	User     string // --sasl-user
	Password string // --sasl-password
}

// UsageError is settings that do not go together, such as a client
// certificate without its key: the command line is what needs fixing, not
// the brokers or the files.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// mechanisms make the SASL mechanisms, by the names --sasl takes.
var mechanisms = map[string]func(user, password string) sasl.Mechanism{
	"plain": func(u, p string) sasl.Mechanism { return plain.Auth{User: u, Pass: p}.AsMechanism() },
	"scram-sha-256": func(u, p string) sasl.Mechanism {
		return scram.Auth{User: u, Pass: p}.AsSha256Mechanism()
	},
	"scram-sha-512": func(u, p string) sasl.Mechanism {
		return scram.Auth{User: u, Pass: p}.AsSha512Mechanism()
	},
}

// Apply checks s, reads its files and sets what cfg connects with,
// cfg.TLS and cfg.SASL. Settings that do not go together are a
// *UsageError, found before any file is read.
func (s Security) Apply(cfg *Config) error {
	if err := s.check(); err != nil {
		return err
	}
	tlsCfg, err := s.tlsConfig()
	if err != nil {
		return err
	}
	cfg.TLS, cfg.SASL = tlsCfg, nil
	if s.SASL != "" {
		cfg.SASL = mechanisms[s.SASL](s.User, s.Password)
	}
	return nil
}

// check finds the settings that do not go together.
func (s Security) check() error {
	if (s.CertFile == "") != (s.KeyFile == "") {
		return usagef("--tls-cert and --tls-key go together")
	}
	if s.SASL == "" {
		if s.User != "" {
			return usagef("--sasl-user needs --sasl")
		}
		return nil
	}
	if _, ok := mechanisms[s.SASL]; !ok {
		names := make([]string, 0, len(mechanisms))
		for n := range mechanisms {
			names = append(names, n)
		}
		slices.Sort(names)
		last := len(names) - 1
		return usagef("--sasl must be %s or %s, not %q", strings.Join(names[:last], ", "), names[last], s.SASL)
	}
	if s.User == "" || s.Password == "" {
		return usagef("--sasl %s needs --sasl-user and a password", s.SASL)
	}
	return nil
}

// tlsConfig is nil when no TLS setting is given.
func (s Security) tlsConfig() (*tls.Config, error) {
	if !s.TLS && s.CAFile == "" && s.CertFile == "" {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.CAFile != "" {
		certs, err := readPEM("--tls-ca", s.CAFile, "certificate", isCertificate)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(certs) {
			return nil, fmt.Errorf("--tls-ca %s: no certificate in the file can be read", s.CAFile)
		}
	}
	if s.CertFile != "" {
		cert, err := readPEM("--tls-cert", s.CertFile, "certificate", isCertificate)
		if err != nil {
			return nil, err
		}
		key, err := readPEM("--tls-key", s.KeyFile, "private key", isPrivateKey)
		if err != nil {
			return nil, err
		}
		pair, err := tls.X509KeyPair(cert, key)
		if err != nil {
			return nil, fmt.Errorf("--tls-cert %s and --tls-key %s: %s", s.CertFile, s.KeyFile, strings.TrimPrefix(err.Error(), "tls: "))
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}

// readPEM reads the file a flag names, which must hold a PEM block of the
// kind wanted.
func readPEM(flag, path, kind string, wanted func(blockType string) bool) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	for rest := data; ; {
		var b *pem.Block
		if b, rest = pem.Decode(rest); b == nil {
			return nil, fmt.Errorf("%s %s: no PEM %s in the file", flag, path, kind)
		}
		if wanted(b.Type) {
			return data, nil
		}
	}
}

func isCertificate(blockType string) bool { return blockType == "CERTIFICATE" }

// isPrivateKey holds for PKCS #8 ("PRIVATE KEY"), PKCS #1 ("RSA PRIVATE
// KEY") and SEC 1 ("EC PRIVATE KEY") keys.
func isPrivateKey(blockType string) bool { return strings.HasSuffix(blockType, "PRIVATE KEY") }
