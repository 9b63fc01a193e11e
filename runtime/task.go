// task.go: fibers (PRIMITIVES.md §2.5, §3.12): prim_spawn, prim_await, prim_awaitAny, prim_yield.
// A fiber is a goroutine running an IO action. Unlike the evaluator's sequential scheduler they run in
// parallel and preemptively; a crash in any fiber ends the whole program (Crash exits the process). A census of
// fibers turns "every fiber is waiting for another" into the evaluator's deadlock error.
package rt

import (
	"runtime"
	"sync"
)

// Fiber is the handle of a spawned action; result is written once, before done is closed.
type Fiber struct {
	done   chan struct{}
	result Value
	// Guarded by census: finished is set (and waiters released) just before done is closed.
	finished bool
	waiters  []*awaiter
}

// awaiter is one fiber's wait in await/awaitAny; it may be registered on two fibers (awaitAny), and is released
// by the first of them to finish.
type awaiter struct{ released bool }

// census counts fibers so that a deadlock (every live fiber, main included, waiting in await/awaitAny for a
// fiber that has not finished) is the evaluator's fatal `UnboundVariable "main fiber did not complete"` instead
// of a hang or Go's own deadlock dump. A fiber that sleeps, reads input or waits in an STM retry counts as
// running, so such programs are never reported (they may still progress).
var census struct {
	sync.Mutex
	active  bool // set by RunMain: actions run directly (tests) are not judged
	live    int  // fibers that have not finished, main included
	blocked int  // live fibers waiting for unfinished fibers
}

// startCensus records main as the one live fiber; called by RunMain.
func startCensus() {
	census.Lock()
	census.active, census.live = true, census.live+1
	census.Unlock()
}

// checkDeadlock crashes when no live fiber can make progress; census must be locked.
func checkDeadlock() {
	if census.active && census.live > 0 && census.blocked == census.live {
		Crash(`UnboundVariable "main fiber did not complete"`)
	}
}

// finish publishes f's result and wakes (un-counts) the fibers waiting for it.
func (f *Fiber) finish(result Value) {
	f.result = result
	census.Lock()
	defer census.Unlock()
	f.finished = true
	census.live--
	for _, w := range f.waiters {
		if !w.released {
			w.released = true
			census.blocked--
		}
	}
	f.waiters = nil
	close(f.done)
	checkDeadlock()
}

// awaitRegister counts the calling fiber as waiting for any of fs, unless one has already finished.
func awaitRegister(fs ...*Fiber) {
	census.Lock()
	defer census.Unlock()
	for _, f := range fs {
		if f.finished {
			return
		}
	}
	w := &awaiter{}
	for _, f := range fs {
		f.waiters = append(f.waiters, w)
	}
	census.blocked++
	checkDeadlock()
}

// LuneShow prints a fiber the way the evaluator does.
func (*Fiber) LuneShow() string { return "<fiber>" }

// asFiber checks a fiber argument; the evaluator reuses NotAnIO for wrong arguments to fiber primitives.
func asFiber(v Value) *Fiber {
	f, ok := v.(*Fiber)
	if !ok {
		Crash("NotAnIO " + Show(v))
	}
	return f
}

// spawnFiber starts action on a new goroutine.
func spawnFiber(action *IO) *Fiber {
	f := &Fiber{done: make(chan struct{})}
	census.Lock()
	census.live++
	census.Unlock()
	go func() { f.finish(RunIO(action)) }()
	return f
}

// F_prim_spawn is `prim_spawn io`: an action that starts io on its own goroutine and gives its Fiber.
func F_prim_spawn(io Value) Value {
	action := AsIO(io)
	return IOEffect(func() Value { return spawnFiber(action) })
}

// F_prim_await is `prim_await f`: an action waiting for f's result (any number of times).
func F_prim_await(f Value) Value {
	fib := asFiber(f)
	return IOEffect(func() Value {
		awaitRegister(fib)
		<-fib.done
		return fib.result
	})
}

// F_prim_awaitAny is `prim_awaitAny a b`: the result of whichever finishes first; when both are already
// done, a wins. The loser is not cancelled. A wrong argument is reported as `NotAnIO <first argument>`, as the
// evaluator's two-argument STM primitives do.
func F_prim_awaitAny(a, b Value) Value {
	fa := asFiber(a)
	fb, ok := b.(*Fiber)
	if !ok {
		Crash("NotAnIO " + Show(a))
	}
	return IOEffect(func() Value {
		select {
		case <-fa.done:
			return fa.result
		default:
		}
		select {
		case <-fb.done:
			return fb.result
		default:
		}
		awaitRegister(fa, fb)
		select {
		case <-fa.done:
			return fa.result
		case <-fb.done:
			return fb.result
		}
	})
}

// P_prim_yield lets other goroutines run (a hint: fibers are preemptive anyway).
var P_prim_yield Value = IOEffect(func() Value {
	runtime.Gosched()
	return Unit
})

// Primitive values of the tasks group.
var (
	P_prim_spawn    = MkFunc("prim_spawn", 1, func(a []Value) Value { return F_prim_spawn(a[0]) })
	P_prim_await    = MkFunc("prim_await", 1, func(a []Value) Value { return F_prim_await(a[0]) })
	P_prim_awaitAny = MkFunc("prim_awaitAny", 2, func(a []Value) Value { return F_prim_awaitAny(a[0], a[1]) })
)

func init() {
	register("prim_spawn", P_prim_spawn)
	register("prim_await", P_prim_await)
	register("prim_awaitAny", P_prim_awaitAny)
	register("prim_yield", P_prim_yield)
}
