// io_test.go: the IO trampoline (constant stack and memory over 10,000,000 binds), bind/then/pure, NotAnIO,
// deep recursion under the raised stack limit, and RunMain (in a child process, since it exits).
package rt

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// runIOValue runs an action given as a Value (as generated code would hold it).
func runIOValue(v Value) Value { return RunIO(AsIO(v)) }

func TestBindLoopRunsInConstantStackAndMemory(t *testing.T) {
	const n = 10_000_000
	count := int64(0)
	var samples [2]runtime.MemStats
	act := IOEffect(func() Value {
		count++
		if count == 1000 || count == n {
			runtime.GC()
			i := 0
			if count == n {
				i = 1
			}
			runtime.ReadMemStats(&samples[i])
		}
		return count
	})
	var loop func() Value // loop = bind act (\c -> if c == n then pure c else loop)
	k := MkFunc("k", 1, func(a []Value) Value {
		if a[0].(int64) == n {
			return IOPure(a[0])
		}
		return loop()
	})
	loop = func() Value { return ApplyN(P__dollar_primIOBind, act, k) }
	if got := runIOValue(loop()); got != int64(n) {
		t.Fatalf("result %v, want %d", got, n)
	}
	const slack = 4 << 20
	if grow := int64(samples[1].HeapInuse) - int64(samples[0].HeapInuse); grow > slack {
		t.Errorf("heap grew by %d bytes over the loop", grow)
	}
	if grow := int64(samples[1].StackInuse) - int64(samples[0].StackInuse); grow > slack {
		t.Errorf("stack grew by %d bytes over the loop", grow)
	}
}

// A loop that is not tail-recursive in IO (each iteration's action sits under a bind that waits for the rest of
// the loop, like the prelude's HTTP accept loop under onError) keeps one pending continuation per iteration, but
// must not keep the iterations' finished actions: here each one holds 64 KiB, so 200 of them would be 12.5 MiB.
func TestPendingBindsDoNotRetainFinishedActions(t *testing.T) {
	const iterations, payload = 200, 64 << 10
	var before, after runtime.MemStats
	identity := MkFunc("identity", 1, func(a []Value) Value { return IOPure(a[0]) })
	var loop func(i int) Value // loop i = bind (bind (effect holding a buffer) (\_ -> loop (i-1))) pure
	loop = func(i int) Value {
		buf := make([]byte, payload)
		step := IOEffect(func() Value { return int64(len(buf)) })
		rest := MkFunc("rest", 1, func([]Value) Value {
			if i == 0 {
				runtime.GC()
				runtime.ReadMemStats(&after)
				return IOPure(int64(0))
			}
			return loop(i - 1)
		})
		return F_prim_ioBind(F_prim_ioBind(step, rest), identity)
	}
	runtime.GC()
	runtime.ReadMemStats(&before)
	if got := runIOValue(loop(iterations)); got != int64(0) {
		t.Fatalf("result %v", got)
	}
	if grow := int64(after.HeapAlloc) - int64(before.HeapAlloc); grow > iterations*payload/4 {
		t.Errorf("heap grew by %d bytes over %d pending binds: finished actions are retained", grow, iterations)
	}
}

func TestLeftNestedBindsAndThen(t *testing.T) {
	inc := MkFunc("inc", 1, func(a []Value) Value { return IOPure(a[0].(int64) + 1) })
	var m Value = IOPure(int64(0))
	for i := 0; i < 100_000; i++ {
		m = F_prim_ioBind(m, inc)
	}
	if got := runIOValue(m); got != int64(100_000) {
		t.Fatalf("left-nested binds gave %v", got)
	}
	var log []string
	say := func(s string) *IO { return IOEffect(func() Value { log = append(log, s); return s }) }
	got := runIOValue(F_prim_ioThen(F__dollar_primIOThen(say("a"), say("b")), say("c")))
	if got != "c" || strings.Join(log, "") != "abc" {
		t.Fatalf("then gave %v after %v", got, log)
	}
}

// TestGoContinuations: a bind's continuation may be a Go func(Value) Value (generated code's let-bound lambdas
// given only as continuations), mixed with Lune functions, in a loop of any length and left-nested; one giving a
// non-IO is NotAnIO as a Lune function's is.
func TestGoContinuations(t *testing.T) {
	var loop func(n int64) Value
	loop = func(n int64) Value {
		if n == 0 {
			return IOPure(int64(42))
		}
		var k func(Value) Value = func(Value) Value { return loop(n - 1) }
		if n%2 == 0 {
			return F__dollar_primIOBind(IOPure(n), k)
		}
		return F_prim_ioBind(IOPure(n), MkFunc1("k", k))
	}
	if got := runIOValue(loop(1_000_000)); got != int64(42) {
		t.Fatalf("a loop of Go and Lune continuations gave %v", got)
	}
	var m Value = IOPure(int64(0))
	for i := 0; i < 1000; i++ {
		m = F__dollar_primIOBind(m, func(x Value) Value { return IOPure(x.(int64) + 1) })
	}
	if got := runIOValue(m); got != int64(1000) {
		t.Fatalf("left-nested Go continuations gave %v", got)
	}
	msg, _ := catchCrash(func() { runIOValue(F__dollar_primIOBind(IOPure(Unit), func(Value) Value { return "s" })) })
	if msg != `NotAnIO "s"` {
		t.Errorf("a Go continuation giving a non-IO: %q", msg)
	}
}

func TestBuildingRunsNothingAndActionsRerun(t *testing.T) {
	runs := 0
	act := IOEffect(func() Value { runs++; return Unit })
	both := F__dollar_primIOThen(act, F_prim_ioPure(int64(7)))
	if runs != 0 {
		t.Fatal("building an action ran it")
	}
	runIOValue(both)
	if got := runIOValue(both); got != int64(7) || runs != 2 {
		t.Fatalf("second run gave %v with %d runs", got, runs)
	}
}

func TestNotAnIO(t *testing.T) {
	msg, _ := catchCrash(func() { F__dollar_primIOBind(int64(5), P_prim_ioPure) })
	if msg != "NotAnIO 5" {
		t.Errorf("bind of a non-IO: %q", msg)
	}
	msg, _ = catchCrash(func() { F_prim_ioThen(IOPure(Unit), Just(int64(1))) })
	if msg != "NotAnIO Just 1" {
		t.Errorf("then with a non-IO: %q", msg)
	}
	notIO := MkFunc("k", 1, func(a []Value) Value { return int64(3) })
	msg, _ = catchCrash(func() { runIOValue(F_prim_ioBind(IOPure(Unit), notIO)) })
	if msg != "NotAnIO 3" {
		t.Errorf("continuation giving a non-IO: %q", msg)
	}
	if got := Show(IOPure(Unit)); got != "<io>" {
		t.Errorf("Show of an action: %q", got)
	}
}

// TestDeepRecursion: a Lune-style non-tail-recursive length over a 1,000,000-element list (one Apply per
// level) fits in the stack limit set by init; it logs the stack used (the figure quoted at maxGoStack).
func TestDeepRecursion(t *testing.T) {
	t.Parallel()
	const n = 1_000_000
	var l Value = Nil
	for i := 0; i < n; i++ {
		l = Cons(int64(i), l)
	}
	var stackAtBottom uint64
	var length *Func
	length = MkFunc("length", 1, func(a []Value) Value {
		c, ok := a[0].(*Cell)
		if !ok {
			stackAtBottom = stackInUse()
			return int64(0)
		}
		return F_prim_addInt(int64(1), Apply(length, c.Tail))
	})
	if got := Apply(length, l); got != int64(n) {
		t.Fatalf("length gave %v", got)
	}
	t.Logf("stack in use at depth %d: %d MiB (%d bytes per level)", n, stackAtBottom>>20, stackAtBottom/n)
}

//go:noinline
func stackInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}

// The child-process half of the RunMain tests: RT_HELPER selects a scenario.
func TestMain(m *testing.M) {
	if scenario := os.Getenv("RT_HELPER"); scenario != "" {
		runHelper(scenario)
		os.Exit(3) // a scenario must exit by itself
	}
	os.Exit(m.Run())
}

func runHelper(scenario string) {
	switch scenario {
	case "task-main": // a Task main whose action ends in Err still exits 0, after printing
		RunMain(MkCon("Lune.Prelude.Task", F_prim_ioThen(F_prim_putStrLn("hello"), IOPure(Err("boom")))))
	case "not-an-io":
		RunMain(int64(5))
	case "task-not-io":
		RunMain(MkCon("Lune.Prelude.Task", Just(Unit)))
	case "abandon": // main finishes while a spawned fiber sleeps: exit 0 without its output
		RunMain(F_prim_ioBind(F_prim_spawn(F_prim_ioThen(F_prim_sleepMs(int64(5000)), F_prim_putStrLn("late"))),
			MkFunc("k", 1, func([]Value) Value { return F_prim_putStrLn("main done") })))
	case "fiber-crash": // a crash in a fiber ends the program with exit 1
		crash := MkFunc("k", 1, func(a []Value) Value { return NonExhaustive("T.f", a[0]) })
		RunMain(F_prim_ioBind(F_prim_spawn(F_prim_ioBind(IOPure(Just(int64(3))), crash)),
			MkFunc("k", 1, func([]Value) Value { return F_prim_sleepMs(int64(5000)) })))
	case "process-order": // lines written before a child that inherits stdout come out first
		RunMain(F_prim_ioThen(F_prim_putStrLn("first"), F_prim_process_run(cmd("echo", "second"))))
	case "deadlock": // a fiber awaits itself while main awaits it: nothing can run
		var self Value
		handed := make(chan struct{})
		body := IOEffect(func() Value { <-handed; return RunIO(AsIO(F_prim_await(self))) })
		RunMain(F_prim_ioBind(F_prim_spawn(body), MkFunc("k", 1, func(a []Value) Value {
			self = a[0]
			close(handed)
			return F_prim_await(a[0])
		})))
	case "no-deadlock": // main awaits a fiber that sleeps, then one that already finished, then awaitAny
		slow := F_prim_ioThen(F_prim_sleepMs(int64(30)), IOPure("slow done"))
		RunMain(F_prim_ioBind(F_prim_spawn(slow), MkFunc("k", 1, func(a []Value) Value {
			f := a[0]
			show := MkFunc("show", 1, func(v []Value) Value { return F_prim_putStrLn(v[0].(string)) })
			return F_prim_ioThen(F_prim_ioBind(F_prim_await(f), show),
				F_prim_ioThen(F_prim_ioBind(F_prim_await(f), show), F_prim_ioBind(F_prim_awaitAny(f, f), show)))
		})))
	case "console": // echo lines read from stdin, then readInt
		RunMain(F_prim_ioBind(P_prim_readLine, MkFunc("k", 1, func(a []Value) Value {
			return F_prim_ioThen(F_prim_putStrLn("["+a[0].(string)+"]"),
				F_prim_ioBind(P_prim_readInt, MkFunc("k", 1, func(a []Value) Value { return F_prim_putStrLn(Show(a[0])) })))
		})))
	}
}

// runScenario runs this test binary as a child in the given scenario and returns stdout, stderr and exit code.
func runScenario(t *testing.T, scenario, stdin string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RT_HELPER="+scenario)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestRunMain(t *testing.T) {
	t.Parallel()
	cases := []struct {
		scenario, stdin, stdout, stderr string
		code                            int
	}{
		{"task-main", "", "hello\n", "", 0},
		{"not-an-io", "", "", "error: NotAnIO 5\n", 1},
		{"task-not-io", "", "", "error: NotAnIO Just Unit\n", 1},
		{"abandon", "", "main done\n", "", 0},
		{"fiber-crash", "", "", "error: NonExhaustiveCase Just 3\n", 1},
		{"process-order", "", "first\nsecond\n", "", 0},
		{"deadlock", "", "", "error: UnboundVariable \"main fiber did not complete\"\n", 1},
		{"no-deadlock", "", "slow done\nslow done\nslow done\n", "", 0},
		{"console", "abc\r\r\n42\n", "[abc]\n42\n", "", 0},
		{"console", "x\n123456789012345678901234567890", "[x]\n123456789012345678901234567890\n", "", 0},
		{"console", "", "[]\n", "error: ForeignError \"prim_readInt: EOF\"\n", 1},
		{"console", "a\n-5\n", "[a]\n", "error: ForeignError \"prim_readInt: invalid int\"\n", 1},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			t.Parallel() // each case is its own child process
			stdout, stderr, code := runScenario(t, c.scenario, c.stdin)
			if stdout != c.stdout || stderr != c.stderr || code != c.code {
				t.Errorf("%s with stdin %q: got stdout %q stderr %q exit %d; want %q %q %d",
					c.scenario, c.stdin, stdout, stderr, code, c.stdout, c.stderr, c.code)
			}
		})
	}
}

// TestGCBallastRaisesTheHeapGoal: with neither GOGC nor GOMEMLIMIT set, the next collection waits until the heap
// passes (ballast + live) × 3, not Go's 8 MiB floor for GOGC=200.
func TestGCBallastRaisesTheHeapGoal(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: Go's own pacing applies")
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.NextGC < 3*gcBallastBytes {
		t.Fatalf("next GC at %d bytes, want at least %d", ms.NextGC, 3*gcBallastBytes)
	}
}
