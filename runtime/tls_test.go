// tls_test.go: TLS client against a loopback server whose CA the test trusts (tlsRoots), partial reads kept
// for the next call, end of stream, certificate failures, and handle errors.
package rt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"
)

// selfSigned makes a certificate for localhost/127.0.0.1 that is its own CA.
func selfSigned(t *testing.T) (tls.Certificate, *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, leaf
}

// echoServer accepts one TLS connection, sends greeting, echoes one read, then closes.
func echoServer(t *testing.T, cert tls.Certificate, greeting string) int64 {
	t.Helper()
	l, err := tls.Listen("tcp4", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.Write([]byte(greeting))
		buf := make([]byte, 100)
		n, _ := c.Read(buf)
		c.Write(buf[:n])
	}()
	return int64(l.Addr().(*net.TCPAddr).Port)
}

func TestTLSClient(t *testing.T) {
	cert, leaf := selfSigned(t)
	port := echoServer(t, cert, "hello world")

	// Without the test CA the certificate is rejected: an Err value, not a panic.
	refused := runV(F_prim_tlsConnect("localhost", port))
	if s := Show(refused); !strings.HasPrefix(s, `Err "`) || !strings.Contains(s, "certificate") {
		t.Fatalf("untrusted certificate gave %s", s)
	}

	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	tlsRoots = pool
	defer func() { tlsRoots = nil }()
	port = echoServer(t, cert, "hello world")
	conn := okValue(t, runV(F_prim_tlsConnect("localhost", port)))
	if !strings.HasPrefix(Show(conn), "<tlsconn:") {
		t.Errorf("TLS connection prints as %s", Show(conn))
	}
	expectShow(t, "recv 0 waits for data and keeps it", runV(F_prim_tlsRecvBytes(conn, int64(0))), "Ok <bytes:0>")
	first := okValue(t, runV(F_prim_tlsRecvBytes(conn, int64(5)))).(Bytes)
	rest := okValue(t, runV(F_prim_tlsRecvBytes(conn, int64(100)))).(Bytes)
	if string(first) != "hello" || string(rest) != " world" {
		t.Errorf("reads gave %q then %q", first, rest)
	}
	expectShow(t, "send", runV(F_prim_tlsSendBytes(conn, Bytes("ping"))), "Ok Unit")
	echo := okValue(t, runV(F_prim_tlsRecvBytes(conn, int64(100)))).(Bytes)
	if string(echo) != "ping" {
		t.Errorf("echo gave %q", echo)
	}
	expectShow(t, "end of stream", runV(F_prim_tlsRecvBytes(conn, int64(100))), "Ok <bytes:0>")
	expectShow(t, "close", runV(F_prim_tlsClose(conn)), "Ok Unit")
	expectShow(t, "second close", runV(F_prim_tlsClose(conn)), `Err "invalid TLS connection"`)
	expectShow(t, "send after close", runV(F_prim_tlsSendBytes(conn, Bytes("x"))), `Err "invalid TLS connection"`)
	expectShow(t, "recv after close", runV(F_prim_tlsRecvBytes(conn, int64(1))), `Err "invalid TLS connection"`)
	expectShow(t, "connect refused", runV(F_prim_tlsConnect("127.0.0.1", freePort(t))),
		`Err "Network.Socket.connect: does not exist (Connection refused)"`)
}
