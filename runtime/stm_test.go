// stm_test.go: STM built from the Lune primitives: atomic increments under contention, a retry that blocks
// until a read TVar changes, orElse (left writes discarded, waits on both read sets), and printing.
package rt

import (
	"sync"
	"testing"
	"time"
)

// Helpers that build transactions the way compiled Lune code does: through the primitive values and Apply.
func stmBind(m Value, k func(Value) Value) Value {
	return ApplyN(P__dollar_primSTMBind, m, MkFunc("k", 1, func(a []Value) Value { return k(a[0]) }))
}
func atomically(s Value) Value { return RunIO(AsIO(Apply(P_prim_atomically, s))) }
func newTVar(x Value) Value    { return atomically(Apply(P_prim_newTVar, x)) }
func readNow(t Value) Value    { return atomically(Apply(P_prim_readTVar, t)) }
func write(t, x Value) Value   { return ApplyN(P_prim_writeTVar, t, x) }

// waitUntil: read t, retry while it holds 0, else give its value.
func waitUntil(t Value) Value {
	return stmBind(Apply(P_prim_readTVar, t), func(v Value) Value {
		if v == int64(0) {
			return P_prim_retry
		}
		return Apply(P__dollar_primSTMPure, v)
	})
}

func TestAtomicIncrementsAreExact(t *testing.T) {
	t.Parallel()
	const workers, each = 16, 10_000
	counter := newTVar(int64(0))
	incr := Apply(P_prim_atomically, stmBind(Apply(P_prim_readTVar, counter), func(n Value) Value {
		return write(counter, F_prim_addInt(n, int64(1)))
	}))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				RunIO(AsIO(incr))
			}
		}()
	}
	wg.Wait()
	if got := readNow(counter); got != int64(workers*each) {
		t.Fatalf("counter %v, want %d", got, workers*each)
	}
}

// runAsync runs a transaction on another goroutine and delivers its result.
func runAsync(s Value) <-chan Value {
	done := make(chan Value, 1)
	go func() { done <- atomically(s) }()
	return done
}

func expectBlocked(t *testing.T, done <-chan Value) {
	t.Helper()
	select {
	case v := <-done:
		t.Fatalf("transaction finished with %v while it should be waiting", Show(v))
	case <-time.After(50 * time.Millisecond):
	}
}

func expectResult(t *testing.T, done <-chan Value, want Value) {
	t.Helper()
	select {
	case v := <-done:
		if v != want {
			t.Fatalf("transaction gave %v, want %v", Show(v), Show(want))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("transaction still waiting after the TVar it read changed")
	}
}

func TestRetryWakesWhenAReadTVarChanges(t *testing.T) {
	flag := newTVar(int64(0))
	done := runAsync(waitUntil(flag))
	expectBlocked(t, done)
	atomically(write(flag, int64(7)))
	expectResult(t, done, int64(7))
}

func TestOrElse(t *testing.T) {
	left, right, scratch := newTVar(int64(0)), newTVar(int64(0)), newTVar(int64(1))
	// Left branch: write scratch (to be discarded), then wait for left. Right branch: wait for right.
	leftBranch := stmBind(write(scratch, int64(99)), func(Value) Value { return waitUntil(left) })
	both := ApplyN(P_prim_orElse, leftBranch, waitUntil(right))

	if got := atomically(ApplyN(P_prim_orElse, leftBranch, Apply(P__dollar_primSTMPure, int64(42)))); got != int64(42) {
		t.Fatalf("orElse with a retrying left gave %v", Show(got))
	}
	if got := readNow(scratch); got != int64(1) {
		t.Fatalf("the retried left branch's write survived: scratch = %v", Show(got))
	}

	done := runAsync(both)
	expectBlocked(t, done)
	atomically(write(right, int64(5))) // a variable only the right branch read
	expectResult(t, done, int64(5))
	if got := readNow(scratch); got != int64(1) {
		t.Fatalf("scratch = %v after the right branch won", Show(got))
	}

	atomically(write(right, int64(0)))
	done = runAsync(both)
	expectBlocked(t, done)
	atomically(write(left, int64(3))) // a variable only the left branch read
	expectResult(t, done, int64(3))
	if got := readNow(scratch); got != int64(99) {
		t.Fatalf("scratch = %v after the left branch won, want its write 99", Show(got))
	}
}

func TestSTMEdgeCases(t *testing.T) {
	msg, _ := catchCrash(func() { atomically(P_prim_retry) })
	if msg != `UnboundVariable "STM retry: no concurrent processes to unblock"` {
		t.Errorf("retry with nothing read: %q", msg)
	}
	msg, _ = catchCrash(func() { Apply(P_prim_atomically, int64(1)) })
	if msg != "NotAnIO 1" {
		t.Errorf("atomically of a non-STM: %q", msg)
	}
	msg, _ = catchCrash(func() { ApplyN(P__dollar_primSTMBind, Unit, P__dollar_primSTMPure) })
	if msg != "NotAnIO Unit" {
		t.Errorf("STM bind of a non-STM: %q", msg)
	}
	pure1 := Apply(P__dollar_primSTMPure, int64(1))
	for _, c := range []struct {
		f    func()
		want string
	}{
		{func() { ApplyN(P_prim_orElse, int64(2), pure1) }, "NotAnIO 2"},
		{func() { ApplyN(P_prim_orElse, pure1, int64(2)) }, "NotAnIO <stm>"},
		{func() { Apply(P_prim_readTVar, int64(2)) }, "NotAFunction <prim>"},
		{func() { ApplyN(P_prim_writeTVar, int64(2), int64(3)) }, "NotAFunction <prim>"},
	} {
		if msg, _ := catchCrash(c.f); msg != c.want {
			t.Errorf("got %q, want %q", msg, c.want)
		}
	}
	// A continuation giving a plain value: that value is the result.
	plain := stmBind(Apply(P__dollar_primSTMPure, int64(1)), func(v Value) Value { return "plain" })
	if got := atomically(plain); got != "plain" {
		t.Errorf("non-STM continuation result: %v", Show(got))
	}
	// Own writes are read back inside the transaction; ids count up and print as <tvar:N>.
	tv := newTVar(int64(0))
	own := stmBind(write(tv, int64(8)), func(Value) Value { return Apply(P_prim_readTVar, tv) })
	if got := atomically(own); got != int64(8) {
		t.Errorf("read after own write: %v", Show(got))
	}
	a, b := newTVar(Unit).(*TVar), newTVar(Unit).(*TVar)
	if b.id != a.id+1 || Show(a) != "<tvar:"+itoa(a.id)+">" || Show(Apply(P_prim_readTVar, a)) != "<stm>" {
		t.Errorf("tvar ids/printing: %s %s", Show(a), Show(b))
	}
}

func itoa(n int64) string { return Show(n) }
