package stream

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"
)

// pki is a test certificate authority with a broker's certificate for
// 127.0.0.1 and a client's, each written to dir as PEM files.
type pki struct {
	dir                       string
	ca                        *x509.Certificate
	caKey                     *ecdsa.PrivateKey
	broker                    tls.Certificate
	caFile, certFile, keyFile string // the CA's certificate, the client's and its key
}

func newPKI(t testing.TB) *pki {
	t.Helper()
	p := &pki{dir: t.TempDir()}
	p.caKey = newKey(t)
	caDER := p.sign(t, &x509.Certificate{
		Subject: pkix.Name{CommonName: "condeval test CA"}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	}, &p.caKey.PublicKey, nil)
	var err error
	p.ca, err = x509.ParseCertificate(caDER)
	require.NoError(t, err)
	p.caFile = p.write(t, "ca.pem", pemBlock("CERTIFICATE", caDER))

	brokerKey := newKey(t)
	brokerDER := p.sign(t, &x509.Certificate{
		Subject: pkix.Name{CommonName: "broker"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}, &brokerKey.PublicKey, p.ca)
	p.broker = tls.Certificate{Certificate: [][]byte{brokerDER}, PrivateKey: brokerKey}

	clientKey := newKey(t)
	clientDER := p.sign(t, &x509.Certificate{
		Subject:     pkix.Name{CommonName: "ors"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, &clientKey.PublicKey, p.ca)
	p.certFile = p.write(t, "client.pem", pemBlock("CERTIFICATE", clientDER))
	p.keyFile = p.write(t, "client-key.pem", keyPEM(t, clientKey))
	return p
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return k
}

// sign makes a certificate of tmpl for pub, signed by the CA, or by itself
// when parent is nil.
func (p *pki) sign(t testing.TB, tmpl *x509.Certificate, pub *ecdsa.PublicKey, parent *x509.Certificate) []byte {
	t.Helper()
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	require.NoError(t, err)
	tmpl.SerialNumber = serial
	tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(time.Hour)
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, p.caKey)
	require.NoError(t, err)
	return der
}

func (p *pki) write(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(p.dir, name)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

func pemBlock(kind string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})
}

func keyPEM(t testing.TB, k *ecdsa.PrivateKey) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(t, err)
	return pemBlock("PRIVATE KEY", der)
}

// brokerTLS is what a broker that wants the clients' certificates listens
// with.
func (p *pki) brokerTLS() *tls.Config {
	clients := x509.NewCertPool()
	clients.AddCert(p.ca)
	return &tls.Config{Certificates: []tls.Certificate{p.broker}, ClientCAs: clients, ClientAuth: tls.RequireAndVerifyClientCert}
}

func TestSecurityApply(t *testing.T) {
	p := newPKI(t)
	notPEM := p.write(t, "notes.txt", []byte("not a certificate\n"))
	otherKey := p.write(t, "other-key.pem", keyPEM(t, newKey(t)))
	missing := filepath.Join(p.dir, "missing.pem")
	for _, tc := range []struct {
		name  string
		sec   Security
		check func(t *testing.T, cfg Config) // when the settings work
		err   string                         // else the error
		usage bool                           // and whether it is a *UsageError
	}{
		{name: "nothing: plain TCP, no authentication", check: func(t *testing.T, cfg Config) {
			assert.Nil(t, cfg.TLS)
			assert.Nil(t, cfg.SASL)
		}},
		{name: "--tls trusts the system's certificates", sec: Security{TLS: true}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.TLS)
			assert.Nil(t, cfg.TLS.RootCAs)
			assert.Empty(t, cfg.TLS.Certificates)
			assert.Equal(t, uint16(tls.VersionTLS12), cfg.TLS.MinVersion)
		}},
		{name: "--tls-ca trusts its certificates, TLS implied", sec: Security{CAFile: p.caFile}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.TLS)
			leaf, err := x509.ParseCertificate(p.broker.Certificate[0])
			require.NoError(t, err)
			_, err = leaf.Verify(x509.VerifyOptions{Roots: cfg.TLS.RootCAs})
			assert.NoError(t, err, "the broker's certificate is trusted")
		}},
		{name: "--tls-cert and --tls-key: mutual TLS", sec: Security{CertFile: p.certFile, KeyFile: p.keyFile}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.TLS)
			require.Len(t, cfg.TLS.Certificates, 1)
			assert.Nil(t, cfg.TLS.RootCAs)
		}},
		{name: "--tls-cert without --tls-key", sec: Security{CAFile: p.caFile, CertFile: p.certFile},
			err: "--tls-cert and --tls-key go together", usage: true},
		{name: "--tls-key without --tls-cert", sec: Security{KeyFile: p.keyFile},
			err: "--tls-cert and --tls-key go together", usage: true},
		{name: "combinations are checked before files are read", sec: Security{CertFile: missing},
			err: "--tls-cert and --tls-key go together", usage: true},
		{name: "--tls-ca of no PEM", sec: Security{CAFile: notPEM},
			err: "--tls-ca " + notPEM + ": no PEM certificate in the file"},
		{name: "--tls-ca holding a key", sec: Security{CAFile: p.keyFile},
			err: "--tls-ca " + p.keyFile + ": no PEM certificate in the file"},
		{name: "--tls-ca of a broken certificate", sec: Security{CAFile: p.write(t, "broken.pem", pemBlock("CERTIFICATE", []byte("junk")))},
			err: "--tls-ca " + filepath.Join(p.dir, "broken.pem") + ": no certificate in the file can be read"},
		{name: "--tls-key holding the certificate", sec: Security{CertFile: p.certFile, KeyFile: p.certFile},
			err: "--tls-key " + p.certFile + ": no PEM private key in the file"},
		{name: "--tls-key of another certificate", sec: Security{CertFile: p.certFile, KeyFile: otherKey},
			err: "--tls-cert " + p.certFile + " and --tls-key " + otherKey + ": private key does not match public key"},
		{name: "plain", sec: Security{SASL: "plain", User: "ors", Password: "s3cret"}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.SASL)
			assert.Equal(t, "PLAIN", cfg.SASL.Name())
			assert.Nil(t, cfg.TLS, "SASL does not bring TLS")
		}},
		{name: "scram-sha-256", sec: Security{SASL: "scram-sha-256", User: "ors", Password: "s3cret"}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.SASL)
			assert.Equal(t, "SCRAM-SHA-256", cfg.SASL.Name())
		}},
		{name: "scram-sha-512 over TLS", sec: Security{TLS: true, SASL: "scram-sha-512", User: "ors", Password: "s3cret"}, check: func(t *testing.T, cfg Config) {
			require.NotNil(t, cfg.SASL)
			assert.Equal(t, "SCRAM-SHA-512", cfg.SASL.Name())
			assert.NotNil(t, cfg.TLS)
		}},
		{name: "--sasl without a user", sec: Security{SASL: "plain", Password: "s3cret"},
			err: "--sasl plain needs --sasl-user and a password", usage: true},
		{name: "--sasl without a password", sec: Security{SASL: "scram-sha-256", User: "ors"},
			err: "--sasl scram-sha-256 needs --sasl-user and a password", usage: true},
		{name: "--sasl-user without --sasl", sec: Security{User: "ors"},
			err: "--sasl-user needs --sasl", usage: true},
		{name: "a mechanism of another name", sec: Security{SASL: "gssapi", User: "ors", Password: "s3cret"},
			err: `--sasl must be plain, scram-sha-256 or scram-sha-512, not "gssapi"`, usage: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cfg Config
			err := tc.sec.Apply(&cfg)
			if tc.check != nil {
				require.NoError(t, err)
				tc.check(t, cfg)
				return
			}
			require.EqualError(t, err, tc.err)
			var ue *UsageError
			assert.Equal(t, tc.usage, errors.As(err, &ue), "a usage error")
		})
	}
}

func TestSecurityFileNotRead(t *testing.T) {
	p := newPKI(t)
	missing := filepath.Join(p.dir, "missing.pem")
	for _, tc := range []struct {
		flag string
		sec  Security
	}{
		{"--tls-ca", Security{CAFile: missing}},
		{"--tls-cert", Security{CertFile: missing, KeyFile: p.keyFile}},
		{"--tls-key", Security{CertFile: p.certFile, KeyFile: missing}},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			err := tc.sec.Apply(&Config{})
			var pe *fs.PathError
			require.ErrorAs(t, err, &pe, "the file is named, for the command line to say it cannot be read")
			assert.Equal(t, missing, pe.Path)
			assert.Regexp(t, "^"+tc.flag+": ", err.Error(), "and so is its flag")
		})
	}
}

// TestSecurityWithBrokers connects to brokers that want a client
// certificate, or SASL credentials, with what Apply makes of the settings.
func TestSecurityWithBrokers(t *testing.T) {
	p := newPKI(t)
	mtls := newCluster(t, 1, kfake.TLS(p.brokerTLS()))
	sasl := func(mechanism string) *kfake.Cluster {
		return newCluster(t, 1, kfake.EnableSASL(), kfake.Superuser(mechanism, "ors", "s3cret"))
	}
	user := func(mechanism, password string) Security {
		return Security{SASL: mechanism, User: "ors", Password: password}
	}
	for _, tc := range []struct {
		name    string
		cluster *kfake.Cluster
		sec     Security
		err     string // empty: the worker connects, finds its topics and ends its replay
	}{
		{"mutual TLS", mtls, Security{CAFile: p.caFile, CertFile: p.certFile, KeyFile: p.keyFile}, ""},
		{"TLS without the client certificate", mtls, Security{CAFile: p.caFile}, "cannot reach the brokers"},
		{"TLS trusting only the system's certificates", mtls, Security{TLS: true, CertFile: p.certFile, KeyFile: p.keyFile}, "cannot reach the brokers"},
		{"plain", sasl("PLAIN"), user("plain", "s3cret"), ""},
		{"scram-sha-256", sasl("SCRAM-SHA-256"), user("scram-sha-256", "s3cret"), ""},
		{"scram-sha-512", sasl("SCRAM-SHA-512"), user("scram-sha-512", "s3cret"), ""},
		{"scram-sha-512, a wrong password", sasl("SCRAM-SHA-512"), user("scram-sha-512", "wrong"), "refused the credentials"},
		{"a mechanism the user does not have", sasl("SCRAM-SHA-512"), user("scram-sha-256", "s3cret"), "refused the credentials"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config(tc.cluster, idEvaluator{})
			cfg.DialTimeout = 3 * time.Second
			require.NoError(t, tc.sec.Apply(&cfg))
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			w, err := NewWorker(ctx, cfg)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.NoError(t, w.Run(ctx))
		})
	}
}

// FuzzSecurityFiles reads any content as the CA, the client certificate
// and its key: an error that names the flag, never a panic.
func FuzzSecurityFiles(f *testing.F) {
	p := newPKI(f)
	for _, file := range []string{p.caFile, p.certFile, p.keyFile} {
		b, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(t.TempDir(), "given.pem")
		require.NoError(t, os.WriteFile(file, data, 0o600))
		for _, sec := range []Security{
			{CAFile: file},
			{CertFile: file, KeyFile: p.keyFile},
			{CertFile: p.certFile, KeyFile: file},
		} {
			if err := sec.Apply(&Config{}); err != nil {
				assert.Regexp(t, `^--tls-(ca|cert|key) `, err.Error())
			}
		}
	})
}
