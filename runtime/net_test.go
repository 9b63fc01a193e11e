// net_test.go: TCP sockets on loopback: listen/accept/connect, text and byte transfer, lenient decoding, end
// of stream, handle errors, the error texts of bind/connect failures, and a concurrent echo server (one fiber per
// connection).
package rt

import (
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// freePort asks the kernel for a port that is free right now (the Lune API cannot listen on port 0).
func freePort(t *testing.T) int64 {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return int64(l.Addr().(*net.TCPAddr).Port)
}

// okValue unwraps `Ok x`, failing the test on anything else.
func okValue(t *testing.T, v Value) Value {
	t.Helper()
	c, ok := v.(*Con)
	if !ok || c.Name() != "Lune.Prelude.Ok" || len(c.Args) != 1 {
		t.Fatalf("expected Ok, got %s", Show(v))
	}
	return c.Args[0]
}

func expectShow(t *testing.T, what string, v Value, want string) {
	t.Helper()
	if got := Show(v); got != want {
		t.Errorf("%s: got %s, want %s", what, got, want)
	}
}

func TestTCPRoundTrip(t *testing.T) {
	port := freePort(t)
	sock := okValue(t, runV(F_prim_tcpListen(port)))
	if !strings.HasPrefix(Show(sock), "<socket:") {
		t.Errorf("socket prints as %s", Show(sock))
	}
	accepted := make(chan Value, 1)
	go func() { accepted <- runV(F_prim_tcpAccept(sock)) }()
	client := okValue(t, runV(F_prim_tcpConnect("127.0.0.1", port)))
	server := okValue(t, <-accepted)
	if !strings.HasPrefix(Show(server), "<conn:") {
		t.Errorf("connection prints as %s", Show(server))
	}

	expectShow(t, "send", runV(F_prim_connSend(client, "héllo")), "Ok Unit")
	expectShow(t, "recv", runV(F_prim_connRecv(server)), `Ok "h\233llo"`)
	expectShow(t, "send invalid UTF-8", runV(F_prim_connSendBytes(client, Bytes{'h', 0xff, 'i'})), "Ok Unit")
	expectShow(t, "lenient recv", runV(F_prim_connRecv(server)), `Ok "h\65533i"`)

	runV(F_prim_connSendBytes(server, Bytes("0123456789")))
	got := okValue(t, runV(F_prim_connRecvBytes(client, int64(4)))).(Bytes)
	rest := okValue(t, runV(F_prim_connRecvBytes(client, int64(100)))).(Bytes)
	if string(got) != "0123" || string(rest) != "456789" {
		t.Errorf("recvBytes 4 then 100 gave %q, %q", got, rest)
	}
	expectShow(t, "recvBytes 0", runV(F_prim_connRecvBytes(client, int64(0))), "Ok <bytes:0>")
	expectShow(t, "recvBytes -1", runV(F_prim_connRecvBytes(client, int64(-1))),
		`Err "Network.Socket.recvBuf: invalid argument (non-positive length)"`)

	expectShow(t, "close", runV(F_prim_connClose(client)), "Ok Unit")
	expectShow(t, "recv after peer closed", runV(F_prim_connRecv(server)), `Ok ""`)
	expectShow(t, "recvBytes after peer closed", runV(F_prim_connRecvBytes(server, int64(10))), "Ok <bytes:0>")
	expectShow(t, "second close", runV(F_prim_connClose(client)), `Err "invalid connection"`)
	expectShow(t, "send on closed", runV(F_prim_connSend(client, "x")), `Err "invalid connection"`)
	expectShow(t, "recv on closed", runV(F_prim_connRecv(client)), `Err "invalid connection"`)
	runV(F_prim_connClose(server))

	expectShow(t, "listen on a busy port", runV(F_prim_tcpListen(port)),
		`Err "Network.Socket.bind: resource busy (Address already in use)"`)
	expectShow(t, "socketClose", runV(F_prim_socketClose(sock)), "Ok Unit")
	expectShow(t, "second socketClose", runV(F_prim_socketClose(sock)), `Err "invalid socket"`)
	expectShow(t, "accept on closed", runV(F_prim_tcpAccept(sock)), `Err "invalid socket"`)
	expectShow(t, "connect refused", runV(F_prim_tcpConnect("127.0.0.1", port)),
		`Err "Network.Socket.connect: does not exist (Connection refused)"`)
}

func TestSocketArguments(t *testing.T) {
	if port16(int64(70000)) != 4464 || port16(int64(-1)) != 65535 || port16(IntLit("18446744073709551617")) != 1 {
		t.Error("ports are not wrapped to 16 bits")
	}
	for _, f := range []func(){
		func() { F_prim_connRecv(SocketHandle(0)) },
		func() { F_prim_tcpListen("80") },
		func() { F_prim_tcpConnect(int64(1), int64(80)) },
		func() { F_prim_connSend(ConnHandle(0), int64(1)) },
		func() { F_prim_tlsRecvBytes(ConnHandle(0), int64(1)) },
	} {
		if msg, _ := catchCrash(f); msg != "NotAFunction <prim>" {
			t.Errorf("wrong-shape argument: %q", msg)
		}
	}
	expectShow(t, "unknown connection", runV(F_prim_connRecv(ConnHandle(1<<40))), `Err "invalid connection"`)
}

// A large read that gets a few bytes gives a result of about that size, not one pinning the whole read buffer.
func TestRecvResultsAreExactlySized(t *testing.T) {
	port := freePort(t)
	sock := okValue(t, runV(F_prim_tcpListen(port)))
	defer runV(F_prim_socketClose(sock))
	accepted := make(chan Value, 1)
	go func() { accepted <- runV(F_prim_tcpAccept(sock)) }()
	client := okValue(t, runV(F_prim_tcpConnect("127.0.0.1", port)))
	server := okValue(t, <-accepted)
	defer runV(F_prim_connClose(client))
	defer runV(F_prim_connClose(server))

	runV(F_prim_connSend(client, "0123456789"))
	got := okValue(t, runV(F_prim_connRecvBytes(server, int64(1<<20)))).(Bytes)
	if string(got) != "0123456789" || cap(got) > 64 { // append rounds 10 up to an allocation size class
		t.Errorf("recvBytes gave %q with capacity %d, want the 10 bytes in a small allocation", got, cap(got))
	}
	runV(F_prim_connSend(client, "abc"))
	runV(F_prim_connSend(client, "def")) // may arrive with "abc" or on its own
	first := okValue(t, runV(F_prim_connRecv(server))).(string)
	if first != "abc" && first != "abcdef" {
		t.Fatalf("recv gave %q", first)
	}
	if first == "abc" {
		expectShow(t, "second recv", runV(F_prim_connRecv(server)), `Ok "def"`)
	}
}

// The shape of examples/echo-concurrent.lcore, built from the primitives: an accept loop in IO binds that spawns
// one fiber per connection, each echoing until its peer hangs up. Many clients at once must all get every reply
// intact, every server-side connection must be closed and forgotten, and closing the listener ends the loop.
func TestConcurrentEchoServer(t *testing.T) {
	const clients, messages = 64, 40
	port := freePort(t)
	sock := okValue(t, runV(F_prim_tcpListen(port)))
	openConns := func() int {
		conns.mu.Lock()
		defer conns.mu.Unlock()
		return len(conns.items)
	}
	openBefore := openConns()

	var serve func(conn Value) Value // serve conn = bind (recv conn) (\r -> "" → close; msg → send, serve)
	serve = func(conn Value) Value {
		return F_prim_ioBind(F_prim_connRecv(conn), MkFunc("echo", 1, func(a []Value) Value {
			r := a[0].(*Con)
			if r.Name() != "Lune.Prelude.Ok" || r.Args[0] == "" {
				return F_prim_connClose(conn)
			}
			return F_prim_ioBind(F_prim_connSend(conn, "Echo: "+r.Args[0].(string)),
				MkFunc("again", 1, func([]Value) Value { return serve(conn) }))
		}))
	}
	var acceptLoop func() Value
	acceptLoop = func() Value {
		return F_prim_ioBind(F_prim_tcpAccept(sock), MkFunc("accepted", 1, func(a []Value) Value {
			r := a[0].(*Con)
			if r.Name() != "Lune.Prelude.Ok" {
				return IOPure(r)
			}
			return F_prim_ioBind(F_prim_spawn(serve(r.Args[0])), MkFunc("next", 1, func([]Value) Value { return acceptLoop() }))
		}))
	}
	stopped := make(chan Value, 1)
	go func() { stopped <- runV(acceptLoop()) }()

	errs := make(chan string, clients)
	for c := 0; c < clients; c++ {
		go func() { errs <- echoClient(port, c, messages) }()
	}
	for c := 0; c < clients; c++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		open := openConns()
		if open == openBefore {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d server-side connections still open after every client hung up", open-openBefore)
		}
	}
	expectShow(t, "close listener", runV(F_prim_socketClose(sock)), "Ok Unit")
	select {
	case v := <-stopped:
		if c, ok := v.(*Con); !ok || c.Name() != "Lune.Prelude.Err" {
			t.Errorf("accept loop ended with %s, want an Err", Show(v))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the accept loop did not end after its listener was closed")
	}
}

// echoClient sends messages one at a time, waiting for each whole echo; it gives what went wrong, or "".
func echoClient(port int64, c, messages int) string {
	conn, err := net.Dial("tcp4", net.JoinHostPort("127.0.0.1", strconv.FormatInt(port, 10)))
	if err != nil {
		return err.Error()
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	for i := 0; i < messages; i++ {
		msg := fmt.Sprintf("client %d message %d é", c, i)
		if _, err := conn.Write([]byte(msg)); err != nil {
			return err.Error()
		}
		want := "Echo: " + msg
		got := make([]byte, len(want))
		if _, err := io.ReadFull(conn, got); err != nil {
			return fmt.Sprintf("client %d message %d: %v", c, i, err)
		}
		if string(got) != want {
			return fmt.Sprintf("client %d message %d: got %q, want %q", c, i, got, want)
		}
	}
	conn.(*net.TCPConn).CloseWrite()
	if rest, err := io.ReadAll(conn); err != nil || len(rest) > 0 {
		return fmt.Sprintf("client %d: after hanging up got %q, %v; want a clean close", c, rest, err)
	}
	return ""
}
