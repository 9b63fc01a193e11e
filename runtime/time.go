// time.go: time primitives (PRIMITIVES.md §3.9): prim_timeNowMicros, prim_sleepMs.
// Sleeping blocks only the calling goroutine, so other fibers keep running.
package rt

import (
	"math"
	"time"
)

// P_prim_timeNowMicros gives wall-clock microseconds since the Unix epoch (truncated).
var P_prim_timeNowMicros Value = IOEffect(func() Value { return time.Now().UnixMicro() })

// F_prim_sleepMs is `prim_sleepMs ms`: an action sleeping at least ms milliseconds; ms ≤ 0 does nothing.
func F_prim_sleepMs(ms Value) Value {
	d := sleepDuration(ms)
	return IOEffect(func() Value {
		if d > 0 {
			time.Sleep(d)
		}
		return Unit
	})
}

// sleepDuration converts a millisecond Int to a Duration, saturating where the product would overflow.
func sleepDuration(ms Value) time.Duration {
	n := clampInt(ms)
	if n <= 0 {
		return 0
	}
	if n > math.MaxInt64/int64(time.Millisecond) {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(n) * time.Millisecond
}

// P_prim_sleepMs is the function value of prim_sleepMs.
var P_prim_sleepMs = MkFunc("prim_sleepMs", 1, func(a []Value) Value { return F_prim_sleepMs(a[0]) })

func init() {
	register("prim_timeNowMicros", P_prim_timeNowMicros)
	register("prim_sleepMs", P_prim_sleepMs)
}
