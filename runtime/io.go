// io.go: IO actions and the program driver (PRIMITIVES.md §1.9, §2.1–2.2, §3.5).
// Contents: IO (pure / bind / then / effect), IOPure, IOEffect, AsIO, RunIO (the trampoline), RunMain, and the
// primitives $primIOPure/prim_ioPure, $primIOBind/prim_ioBind, $primIOThen/prim_ioThen.
package rt

import (
	"math"
	"math/big"
	"os"
	"runtime/debug"
)

type ioKind uint8

const (
	ioPure   ioKind = iota // finished: value
	ioBind                 // run first, then Apply(k, result), which must give the next IO
	ioThen                 // run first, discard its result, run next
	ioEffect               // call run (the primitive's effect) for the result
)

// IO is a description of an action; building one runs nothing, and the same IO can run any number of times.
type IO struct {
	kind  ioKind
	value Value        // ioPure
	first *IO          // ioBind, ioThen
	k     Value        // ioBind: a Lune function a -> IO b
	next  *IO          // ioThen
	run   func() Value // ioEffect
}

// LuneShow prints an IO action the way the evaluator does.
func (*IO) LuneShow() string { return "<io>" }

// IOPure is an action that finishes at once with v.
func IOPure(v Value) *IO { return &IO{kind: ioPure, value: v} }

// IOEffect is an action whose effect is run each time the action runs; its result is the action's result.
func IOEffect(run func() Value) *IO { return &IO{kind: ioEffect, run: run} }

// AsIO returns v as an IO action; anything else is the evaluator's fatal NotAnIO.
func AsIO(v Value) *IO {
	io, ok := v.(*IO)
	if !ok {
		Crash("NotAnIO " + Show(v))
	}
	return io
}

// RunIO runs an action to completion on the calling goroutine and returns its result. Binds and thens push a
// frame on an explicit stack instead of recursing, so `loop = bind act (\_ -> loop)` runs in constant Go
// stack, and a popped frame is cleared at once so finished actions can be collected.
//
// A frame keeps only what is still to come (bind's k, then's next), never the bind/then node itself: that node
// also points at its first action, which has already run. A loop that is not tail-recursive in IO, such as the
// prelude's HTTP accept loop under `onError` (one pending frame per connection), would otherwise keep every
// finished iteration's action tree alive: ~600 bytes per request instead of one closure.
func RunIO(action *IO) Value {
	var frames []ioFrame // pending continuations, innermost last
	cur := action
	for {
		var result Value
		switch cur.kind {
		case ioBind:
			frames = append(frames, ioFrame{k: cur.k})
			cur = cur.first
			continue
		case ioThen:
			frames = append(frames, ioFrame{next: cur.next})
			cur = cur.first
			continue
		case ioPure:
			result = cur.value
		case ioEffect:
			result = cur.run()
		}
		n := len(frames)
		if n == 0 {
			return result
		}
		top := frames[n-1]
		frames[n-1] = ioFrame{}
		frames = frames[:n-1]
		if top.next != nil {
			cur = top.next
		} else {
			cur = AsIO(applyCont(top.k, result))
		}
	}
}

// ioFrame is what a pending bind or then still has to do: apply k to the result (bind), or run next (then).
type ioFrame struct {
	k    Value
	next *IO
}

// maxGoStack is the per-goroutine stack limit set at start-up: 1 GiB, the largest stack the Go runtime can
// grow to (stacks double, and the runtime refuses to pass 2×10^9 bytes; the default 10^9 stops at 512 MiB).
// Deep non-tail recursion in Lune is deep Go recursion: measured on amd64 with Go 1.26 (TestDeepRecursion), a
// Lune-style length recursing through Apply and prim_addInt over a 1,000,000-element list grows the stack to
// 256 MiB (StackInuse; 268 bytes per level, 512 MiB under -race), so 1,000,000 levels fit with 4× headroom
// (2× with the default limit, none under -race). Bigger generated frames fit proportionally fewer levels.
const maxGoStack = 1 << 30

// The limit is set from init rather than RunMain because generated code computes main's value (which may
// recurse deeply) before it calls RunMain.
func init() {
	debug.SetMaxStack(maxGoStack)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
		if os.Getenv("GOMEMLIMIT") == "" {
			gcBallast = make([]byte, gcBallastBytes)
		}
	}
}

// gcBallast raises the heap size below which the collector does not start, unless GOGC or GOMEMLIMIT is set
// (then Go's own pacing applies unchanged). The collector starts a cycle when the heap reaches (live data +
// ballast) × (1 + gcPercent/100); Go's own floor is 4 MiB × gcPercent/100, so a program with little live data
// that allocates a short-lived cell per step (most Lune programs) ran a collection every 8 MiB of allocation,
// and each cycle's fixed costs (its phases, sweeping, write barriers while marking) dominated. The ballast is
// never written, and holds no pointers, so it is neither scanned nor resident (fresh pages the kernel has not
// been asked for); what it costs is the extra garbage allowed to pile up between cycles, and each page of heap
// touched for the first time is a page fault (about 2 µs): peak RSS up to about 3 × 8 MiB more. 8 MiB is the
// measured balance (bench/RESULTS.md, "GC ballast"): against 16 MiB it halves the records benchmark's page
// faults (9,200 → 5,300, 8% faster) and is as fast or faster on json, list, strings and rbtree; 4 MiB is
// slower on those. Live data, and so the constant footprint of an IO loop, are unchanged.
var gcBallast []byte

const gcBallastBytes = 8 << 20

// gcPercent is the collector's target (Go's GOGC) unless the GOGC environment variable sets one: Lune programs
// allocate a short-lived cell for almost every step, so collecting half as often trades memory for time. On the
// benchmarks (bench/RESULTS.md) 200 against Go's default 100: JSON 0.61 s vs 0.92 s, rbtree 1.65 vs 1.84 s, peak
// RSS 0–90% higher; live data, and so the IO loop's constant memory, are unaffected.
const gcPercent = 200

// RunMain is the program driver (§1.9): main's value is an IO action, or `Lune.Prelude.Task io` (unwrapped
// once); anything else is fatal NotAnIO. The action's result is ignored (a Task ending in Err still exits 0),
// and when main's action finishes the program exits 0, abandoning any other goroutines.
func RunMain(v Value) {
	if c, ok := v.(*Con); ok && c.K == KTask && len(c.Args) == 1 {
		v = c.Args[0]
	}
	action := AsIO(v)
	startCensus()
	RunIO(action)
	Exit(0)
}

// F__dollar_primIOPure is `$primIOPure x`: an action finishing with x.
func F__dollar_primIOPure(x Value) Value { return IOPure(x) }

// applyCont applies a bind's continuation to m's result: a Lune function, or the Go function of a let-bound
// lambda the program gives only as a continuation (passes/to-goast/names.ts: no *Func is made for it).
func applyCont(k, x Value) Value {
	if f, ok := k.(func(Value) Value); ok {
		return f(x)
	}
	return Apply(k, x)
}

// F__dollar_primIOBind is `$primIOBind m k`: m must already be an action (else NotAnIO); k is applied to m's
// result when m finishes and must give the next action.
func F__dollar_primIOBind(m, k Value) Value { return &IO{kind: ioBind, first: AsIO(m), k: k} }

// F__dollar_primIOThen is `$primIOThen m n`: both must be actions when applied; runs m, discards, runs n.
func F__dollar_primIOThen(m, n Value) Value {
	first := AsIO(m)
	return &IO{kind: ioThen, first: first, next: AsIO(n)}
}

// The prim_io… names are the same implementations as the $primIO… internals (§2.2).
func F_prim_ioPure(x Value) Value    { return F__dollar_primIOPure(x) }
func F_prim_ioBind(m, k Value) Value { return F__dollar_primIOBind(m, k) }
func F_prim_ioThen(m, n Value) Value { return F__dollar_primIOThen(m, n) }

// Primitive values of the io group.
var (
	P__dollar_primIOPure = MkFunc("$primIOPure", 1, func(a []Value) Value { return F__dollar_primIOPure(a[0]) })
	P_prim_ioPure        = MkFunc("prim_ioPure", 1, func(a []Value) Value { return F_prim_ioPure(a[0]) })
	P__dollar_primIOBind = MkFunc("$primIOBind", 2, func(a []Value) Value { return F__dollar_primIOBind(a[0], a[1]) })
	P_prim_ioBind        = MkFunc("prim_ioBind", 2, func(a []Value) Value { return F_prim_ioBind(a[0], a[1]) })
	P__dollar_primIOThen = MkFunc("$primIOThen", 2, func(a []Value) Value { return F__dollar_primIOThen(a[0], a[1]) })
	P_prim_ioThen        = MkFunc("prim_ioThen", 2, func(a []Value) Value { return F_prim_ioThen(a[0], a[1]) })
)

func init() {
	register("$primIOPure", P__dollar_primIOPure)
	register("prim_ioPure", P_prim_ioPure)
	register("$primIOBind", P__dollar_primIOBind)
	register("prim_ioBind", P_prim_ioBind)
	register("$primIOThen", P__dollar_primIOThen)
	register("prim_ioThen", P_prim_ioThen)
}

// clampInt reads an Int argument as int64, saturating a big one (the effect primitives only need sizes,
// ports and durations); a non-Int is the evaluator's wrong-shape error, `NotAFunction <prim>`.
func clampInt(v Value) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case *big.Int:
		if n.Sign() < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	default:
		WrongShape()
		return 0
	}
}
