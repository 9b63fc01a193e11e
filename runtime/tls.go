// tls.go: TLS client connections (PRIMITIVES.md §3.15): prim_tlsConnect, prim_tlsSendBytes, prim_tlsRecvBytes,
// prim_tlsClose. Certificates are checked against the system roots with SNI = host; one client session cache is
// shared by all connections. Handles are <tlsconn:N>; failures are `Err <text>`.
package rt

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"strconv"
)

// TLSHandle is a TLS connection: an index into the TLS connection table.
type TLSHandle int64

// LuneShow prints a TLS connection as <tlsconn:N>.
func (h TLSHandle) LuneShow() string { return "<tlsconn:" + strconv.FormatInt(int64(h), 10) + ">" }

// tlsConn keeps a reader in front of the connection so bytes beyond a requested length wait for the next call.
type tlsConn struct {
	conn *tls.Conn
	in   *bufio.Reader
}

var (
	tlsConns handleTable[*tlsConn]

	tlsSessions = tls.NewLRUClientSessionCache(0)
	// tlsRoots replaces the system roots when non-nil (tests only: a loopback server with its own CA).
	tlsRoots *x509.CertPool
)

func asTLS(v Value) int64 {
	h, ok := v.(TLSHandle)
	if !ok {
		WrongShape()
	}
	return int64(h)
}

// F_prim_tlsConnect is `prim_tlsConnect host port`: TCP connect to host's first address, then a verified
// handshake with SNI = host.
func F_prim_tlsConnect(host, port Value) Value {
	h := textArg(host)
	p := clampInt(port)
	return IOEffect(func() Value {
		raw, errText := dialFirst(h, p)
		if errText != "" {
			return Err(errText)
		}
		c := tls.Client(raw, &tls.Config{ServerName: h, RootCAs: tlsRoots, ClientSessionCache: tlsSessions})
		if err := c.Handshake(); err != nil {
			raw.Close()
			return Err(err.Error())
		}
		return Ok(TLSHandle(tlsConns.add(&tlsConn{conn: c, in: bufio.NewReaderSize(c, 16*1024)})))
	})
}

// F_prim_tlsSendBytes is `prim_tlsSendBytes conn bytes`: send all the bytes.
func F_prim_tlsSendBytes(conn, bytes Value) Value {
	id, b := asTLS(conn), AsBytes(bytes)
	return IOEffect(func() Value {
		c, ok := tlsConns.get(id)
		if !ok {
			return Err("invalid TLS connection")
		}
		if _, err := c.conn.Write(b); err != nil {
			return Err(err.Error())
		}
		return Ok(Unit)
	})
}

// F_prim_tlsRecvBytes is `prim_tlsRecvBytes conn n`: up to n bytes as soon as any are available (empty at end
// of stream). n ≤ 0 waits for data too, leaves it buffered, and gives empty bytes.
func F_prim_tlsRecvBytes(conn, n Value) Value {
	id, size := asTLS(conn), clampInt(n)
	return IOEffect(func() Value {
		c, ok := tlsConns.get(id)
		if !ok {
			return Err("invalid TLS connection")
		}
		if size <= 0 {
			if _, err := c.in.Peek(1); err != nil && !isEndOfStream(err) {
				return Err(err.Error())
			}
			return Ok(Bytes{})
		}
		data, err := recvChunk(c.in, int(min(size, 1<<20)))
		if err != nil {
			return Err(err.Error())
		}
		return Ok(Bytes(data))
	})
}

// F_prim_tlsClose is `prim_tlsClose conn`: close and forget (a second close is `Err "invalid TLS connection"`).
func F_prim_tlsClose(conn Value) Value {
	id := asTLS(conn)
	return IOEffect(func() Value {
		c, ok := tlsConns.remove(id)
		if !ok {
			return Err("invalid TLS connection")
		}
		if err := c.conn.Close(); err != nil {
			return Err(err.Error())
		}
		return Ok(Unit)
	})
}

// isEndOfStream reports a clean end of the peer's data.
func isEndOfStream(err error) bool {
	return errors.Is(err, io.EOF)
}

// Primitive values of the tls group.
var (
	P_prim_tlsConnect   = MkFunc("prim_tlsConnect", 2, func(a []Value) Value { return F_prim_tlsConnect(a[0], a[1]) })
	P_prim_tlsSendBytes = MkFunc("prim_tlsSendBytes", 2, func(a []Value) Value { return F_prim_tlsSendBytes(a[0], a[1]) })
	P_prim_tlsRecvBytes = MkFunc("prim_tlsRecvBytes", 2, func(a []Value) Value { return F_prim_tlsRecvBytes(a[0], a[1]) })
	P_prim_tlsClose     = MkFunc("prim_tlsClose", 1, func(a []Value) Value { return F_prim_tlsClose(a[0]) })
)

func init() {
	register("prim_tlsConnect", P_prim_tlsConnect)
	register("prim_tlsSendBytes", P_prim_tlsSendBytes)
	register("prim_tlsRecvBytes", P_prim_tlsRecvBytes)
	register("prim_tlsClose", P_prim_tlsClose)
}
