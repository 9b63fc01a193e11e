// task.go: fibers (PRIMITIVES.md §2.5, §3.12): prim_spawn, prim_await, prim_awaitAny, prim_yield.
// A fiber is a goroutine running an IO action. Unlike the evaluator's sequential scheduler they run in
// parallel and preemptively; a crash in any fiber ends the whole program (Crash exits the process).
package rt

import "runtime"

// Fiber is the handle of a spawned action; result is written once, before done is closed.
type Fiber struct {
	done   chan struct{}
	result Value
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
	go func() {
		f.result = RunIO(action)
		close(f.done)
	}()
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
