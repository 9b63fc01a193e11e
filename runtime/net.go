// net.go: TCP sockets (PRIMITIVES.md §3.14): prim_tcpListen, prim_tcpAccept, prim_tcpConnect, prim_connRecv,
// prim_connSend, prim_connSendBytes, prim_connRecvBytes, prim_connClose, prim_socketClose.
// Listeners and connections live in handle tables keyed by integers from 0 (<socket:N>, <conn:N>); every I/O
// failure is an `Err <text>` value, never a Go panic. Operations block only their own goroutine.
package rt

import (
	"context"
	"errors"
	"io"
	"math/big"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
)

// SocketHandle is a listening socket: an index into the listener table.
type SocketHandle int64

// ConnHandle is a TCP connection (accepted or connected): an index into the connection table.
type ConnHandle int64

// LuneShow prints a socket as <socket:N>.
func (h SocketHandle) LuneShow() string { return "<socket:" + strconv.FormatInt(int64(h), 10) + ">" }

// LuneShow prints a connection as <conn:N>.
func (h ConnHandle) LuneShow() string { return "<conn:" + strconv.FormatInt(int64(h), 10) + ">" }

// handleTable is a concurrent map from handle numbers (allocated from 0, never reused) to open resources.
type handleTable[T any] struct {
	mu    sync.Mutex
	next  int64
	items map[int64]T
}

func (t *handleTable[T]) add(x T) int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.items == nil {
		t.items = map[int64]T{}
	}
	id := t.next
	t.next++
	t.items[id] = x
	return id
}

func (t *handleTable[T]) get(id int64) (T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	x, ok := t.items[id]
	return x, ok
}

// remove forgets a handle and returns what it held.
func (t *handleTable[T]) remove(id int64) (T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	x, ok := t.items[id]
	delete(t.items, id)
	return x, ok
}

var (
	listeners handleTable[net.Listener]
	conns     handleTable[net.Conn]
)

func asSocket(v Value) int64 {
	h, ok := v.(SocketHandle)
	if !ok {
		WrongShape()
	}
	return int64(h)
}

func asConn(v Value) int64 {
	h, ok := v.(ConnHandle)
	if !ok {
		WrongShape()
	}
	return int64(h)
}

// textArg is a String argument of a socket or TLS primitive; these report any wrong shape as
// `NotAFunction <prim>` (they have no ExpectedString case).
func textArg(v Value) string {
	s, ok := v.(string)
	if !ok {
		WrongShape()
	}
	return s
}

// port16 converts a port Int to 16 bits without validation, as the evaluator does (70000 wraps to 4464).
func port16(v Value) uint16 {
	if b, ok := v.(*big.Int); ok {
		return uint16(new(big.Int).And(b, big.NewInt(0xffff)).Int64())
	}
	return uint16(clampInt(v))
}

// netError renders a socket error like Haskell's network library where the cause is an errno
// (`Network.Socket.bind: resource busy (Address already in use)`), else with Go's text.
func netError(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err.Error()
	}
	name := "socket"
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		name = sys.Syscall
	}
	if hs, ok := haskellSocketCall[name]; ok {
		name = hs
	}
	return "Network.Socket." + name + ": " + ghcErrorKind(errno) + " (" + strerror(errno) + ")"
}

// haskellSocketCall names the network library's function for the system call Go reports.
var haskellSocketCall = map[string]string{"accept4": "accept", "read": "recvBuf", "write": "sendBuf",
	"readv": "recvBuf", "writev": "sendBuf", "setsockopt": "setSocketOption"}

// F_prim_tcpListen is `prim_tcpListen port`: listen on IPv4 0.0.0.0:port with SO_REUSEADDR.
func F_prim_tcpListen(port Value) Value {
	p := port16(port)
	return IOEffect(func() Value {
		l, err := listenTCP4(p)
		if err != nil {
			return Err(netError(err))
		}
		return Ok(SocketHandle(listeners.add(l)))
	})
}

// listenTCP4 opens the listener (Go would set SO_REUSEADDR on its own; setting it here says it is intended).
func listenTCP4(port uint16) (net.Listener, error) {
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
		}); err != nil {
			return err
		}
		return serr
	}}
	return lc.Listen(context.Background(), "tcp4", net.JoinHostPort("0.0.0.0", strconv.Itoa(int(port))))
}

// F_prim_tcpAccept is `prim_tcpAccept socket`: wait for one connection.
func F_prim_tcpAccept(sock Value) Value {
	id := asSocket(sock)
	return IOEffect(func() Value {
		l, ok := listeners.get(id)
		if !ok {
			return Err("invalid socket")
		}
		c, err := l.Accept()
		if err != nil {
			return Err(netError(err))
		}
		return Ok(ConnHandle(conns.add(c)))
	})
}

// F_prim_tcpConnect is `prim_tcpConnect host port`: resolve host and connect to the first address returned.
func F_prim_tcpConnect(host, port Value) Value {
	h := textArg(host)
	p := clampInt(port)
	return IOEffect(func() Value {
		c, errText := dialFirst(h, p)
		if errText != "" {
			return Err(errText)
		}
		return Ok(ConnHandle(conns.add(c)))
	})
}

// dialFirst connects to the first address host resolves to (any family), like getAddrInfo + connect.
func dialFirst(host string, port int64) (net.Conn, string) {
	if port < 0 || port > 65535 {
		return nil, "Network.Socket.getAddrInfo: does not exist (Servname not supported for ai_socktype)"
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(context.Background(), host)
	if err != nil {
		var dns *net.DNSError
		if errors.As(err, &dns) && dns.IsNotFound {
			return nil, "Network.Socket.getAddrInfo: does not exist (Name or service not known)"
		}
		return nil, err.Error()
	}
	if len(addrs) == 0 {
		return nil, "user error (no addresses found)"
	}
	c, err := net.DialTCP("tcp", nil, &net.TCPAddr{IP: addrs[0].IP, Port: int(port), Zone: addrs[0].Zone})
	if err != nil {
		return nil, netError(err)
	}
	return c, ""
}

// recvBuffers holds read buffers for the usual reads of at most 4096 bytes (prim_connRecv), so that a busy server
// does not allocate and clear a fresh 4 KiB buffer per message.
var recvBuffers = sync.Pool{New: func() any { b := make([]byte, 4096); return &b }}

// recvChunk does one read of at most n bytes; end of stream is an empty result, not an error. The result is a
// fresh slice of exactly the bytes read: returning the read buffer itself would keep all n bytes alive for as long
// as the result lives (`recvBytes conn 1048576` answering 10 bytes would pin 1 MiB per chunk a program keeps).
func recvChunk(r io.Reader, n int) ([]byte, error) {
	var buf []byte
	if n <= 4096 {
		pooled := recvBuffers.Get().(*[]byte)
		defer recvBuffers.Put(pooled)
		buf = (*pooled)[:n]
	} else {
		buf = make([]byte, n)
	}
	got, err := r.Read(buf)
	if got > 0 || err == io.EOF {
		return append([]byte{}, buf[:got]...), nil
	}
	return nil, err
}

// decodeLenient decodes UTF-8, turning each byte that is not part of a valid sequence into U+FFFD.
func decodeLenient(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		sb.WriteRune(r) // an invalid byte decodes as RuneError (U+FFFD) of size 1
		b = b[size:]
	}
	return sb.String()
}

// withConn runs f on an open connection, or gives `Err "invalid connection"`.
func withConn(id int64, f func(net.Conn) Value) Value {
	c, ok := conns.get(id)
	if !ok {
		return Err("invalid connection")
	}
	return f(c)
}

// F_prim_connRecv is `prim_connRecv conn`: one read of up to 4096 bytes as lenient UTF-8 ("" when closed).
func F_prim_connRecv(conn Value) Value {
	id := asConn(conn)
	return IOEffect(func() Value {
		return withConn(id, func(c net.Conn) Value {
			data, err := recvChunk(c, 4096)
			if err != nil {
				return Err(netError(err))
			}
			return Ok(decodeLenient(data))
		})
	})
}

// F_prim_connSend is `prim_connSend conn text`: send all UTF-8 bytes of text.
func F_prim_connSend(conn, text Value) Value {
	id, s := asConn(conn), textArg(text)
	return IOEffect(func() Value { return sendAll(id, []byte(s)) })
}

// F_prim_connSendBytes is `prim_connSendBytes conn bytes`: send all the bytes.
func F_prim_connSendBytes(conn, bytes Value) Value {
	id, b := asConn(conn), AsBytes(bytes)
	return IOEffect(func() Value { return sendAll(id, b) })
}

func sendAll(id int64, b []byte) Value {
	return withConn(id, func(c net.Conn) Value {
		if _, err := c.Write(b); err != nil { // net.Conn.Write writes everything or fails
			return Err(netError(err))
		}
		return Ok(Unit)
	})
}

// F_prim_connRecvBytes is `prim_connRecvBytes conn n`: one read of up to n bytes (empty when closed).
// n < 0 is the network library's error; n = 0 gives empty bytes (the evaluator's behaviour depends on the
// library version, PRIMITIVES.md §3.14).
func F_prim_connRecvBytes(conn, n Value) Value {
	id, size := asConn(conn), clampInt(n)
	return IOEffect(func() Value {
		return withConn(id, func(c net.Conn) Value {
			if size < 0 {
				return Err("Network.Socket.recvBuf: invalid argument (non-positive length)")
			}
			if size == 0 {
				return Ok(Bytes{})
			}
			data, err := recvChunk(c, int(min(size, 1<<20)))
			if err != nil {
				return Err(netError(err))
			}
			return Ok(Bytes(data))
		})
	})
}

// F_prim_connClose is `prim_connClose conn`: close and forget (a second close is `Err "invalid connection"`).
func F_prim_connClose(conn Value) Value {
	id := asConn(conn)
	return IOEffect(func() Value {
		c, ok := conns.remove(id)
		if !ok {
			return Err("invalid connection")
		}
		if err := c.Close(); err != nil {
			return Err(netError(err))
		}
		return Ok(Unit)
	})
}

// F_prim_socketClose is `prim_socketClose socket`: close the listener and forget it.
func F_prim_socketClose(sock Value) Value {
	id := asSocket(sock)
	return IOEffect(func() Value {
		l, ok := listeners.remove(id)
		if !ok {
			return Err("invalid socket")
		}
		if err := l.Close(); err != nil {
			return Err(netError(err))
		}
		return Ok(Unit)
	})
}

// Primitive values of the sockets group.
var (
	P_prim_tcpListen     = MkFunc("prim_tcpListen", 1, func(a []Value) Value { return F_prim_tcpListen(a[0]) })
	P_prim_tcpAccept     = MkFunc("prim_tcpAccept", 1, func(a []Value) Value { return F_prim_tcpAccept(a[0]) })
	P_prim_tcpConnect    = MkFunc("prim_tcpConnect", 2, func(a []Value) Value { return F_prim_tcpConnect(a[0], a[1]) })
	P_prim_connRecv      = MkFunc("prim_connRecv", 1, func(a []Value) Value { return F_prim_connRecv(a[0]) })
	P_prim_connSend      = MkFunc("prim_connSend", 2, func(a []Value) Value { return F_prim_connSend(a[0], a[1]) })
	P_prim_connSendBytes = MkFunc("prim_connSendBytes", 2, func(a []Value) Value { return F_prim_connSendBytes(a[0], a[1]) })
	P_prim_connRecvBytes = MkFunc("prim_connRecvBytes", 2, func(a []Value) Value { return F_prim_connRecvBytes(a[0], a[1]) })
	P_prim_connClose     = MkFunc("prim_connClose", 1, func(a []Value) Value { return F_prim_connClose(a[0]) })
	P_prim_socketClose   = MkFunc("prim_socketClose", 1, func(a []Value) Value { return F_prim_socketClose(a[0]) })
)

func init() {
	register("prim_tcpListen", P_prim_tcpListen)
	register("prim_tcpAccept", P_prim_tcpAccept)
	register("prim_tcpConnect", P_prim_tcpConnect)
	register("prim_connRecv", P_prim_connRecv)
	register("prim_connSend", P_prim_connSend)
	register("prim_connSendBytes", P_prim_connSendBytes)
	register("prim_connRecvBytes", P_prim_connRecvBytes)
	register("prim_connClose", P_prim_connClose)
	register("prim_socketClose", P_prim_socketClose)
}
