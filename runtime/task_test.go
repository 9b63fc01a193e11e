// task_test.go: fibers: spawn runs the action on its own goroutine, await (repeatable), awaitAny (first
// argument preferred when both are done, else whichever finishes first), yield, and argument errors.
package rt

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestSpawnAndAwait(t *testing.T) {
	var ran atomic.Int32
	child := F_prim_ioThen(IOEffect(func() Value { ran.Add(1); return Unit }), IOPure(Ok(int64(42))))
	spawn := F_prim_spawn(child)
	if ran.Load() != 0 {
		t.Fatal("building spawn ran the child")
	}
	fiber := runV(spawn)
	if Show(fiber) != "<fiber>" {
		t.Errorf("fiber prints as %s", Show(fiber))
	}
	await := F_prim_await(fiber)
	if got := Show(runV(await)); got != "Ok 42" {
		t.Errorf("await gave %s", got)
	}
	if got := Show(runV(await)); got != "Ok 42" || ran.Load() != 1 {
		t.Errorf("second await gave %s (child ran %d times)", got, ran.Load())
	}
}

func TestAwaitAny(t *testing.T) {
	quick := runV(F_prim_spawn(IOPure("a")))
	also := runV(F_prim_spawn(IOPure("b")))
	runV(F_prim_await(quick))
	runV(F_prim_await(also))
	for i := 0; i < 100; i++ {
		if got := runV(F_prim_awaitAny(also, quick)); got != "b" {
			t.Fatalf("both done: awaitAny gave %v, want the first argument's", got)
		}
	}
	slow := runV(F_prim_spawn(F_prim_ioThen(F_prim_sleepMs(int64(2000)), IOPure("slow"))))
	fast := runV(F_prim_spawn(F_prim_ioThen(F_prim_sleepMs(int64(20)), IOPure("fast"))))
	start := time.Now()
	if got := runV(F_prim_awaitAny(slow, fast)); got != "fast" || time.Since(start) > time.Second {
		t.Errorf("awaitAny gave %v after %v", got, time.Since(start))
	}
}

func TestYieldAndErrors(t *testing.T) {
	if runV(P_prim_yield) != Unit {
		t.Error("yield does not give Unit")
	}
	if msg, _ := catchCrash(func() { F_prim_await(int64(1)) }); msg != "NotAnIO 1" {
		t.Errorf("await of a non-fiber: %q", msg)
	}
	fiber := runV(F_prim_spawn(IOPure(Unit)))
	if msg, _ := catchCrash(func() { F_prim_awaitAny(fiber, Unit) }); msg != "NotAnIO <fiber>" {
		t.Errorf("awaitAny with a non-fiber second argument: %q", msg)
	}
	if msg, _ := catchCrash(func() { F_prim_spawn("x") }); msg != `NotAnIO "x"` {
		t.Errorf("spawn of a non-IO: %q", msg)
	}
}
