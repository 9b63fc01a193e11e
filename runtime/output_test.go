// output_test.go: Crash/Exit in a child process (exact stderr, exit code, stdout flushed first, one error
// line when two goroutines crash), the crash forms of NonExhaustive/PatternFail, and traceback annotation.
package rt

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// TestOutputChild is not a test: the tests below re-run the test binary with RT_OUTPUT_CHILD set, and
// this function then plays the scenario named by that variable.
func TestOutputChild(t *testing.T) {
	switch os.Getenv("RT_OUTPUT_CHILD") {
	case "":
		t.Skip("helper process only")
	case "crash":
		WriteStdout("before\n")
		NonExhaustive("Main.main", Just(int64(3)))
	case "exit":
		WriteStdout("bye")
		Exit(3)
	case "two-crashes":
		WriteStdout("out\n")
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, m := range []string{"first", "second"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				Crash(m)
			}()
		}
		close(start)
		wg.Wait()
	case "traceback":
		RegisterDebugNames(map[string]string{"Main_main": "Main.main"})
		Crash("divide by zero")
	}
	os.Exit(99) // the scenario did not end the process
}

func runChild(t *testing.T, scenario string, env ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestOutputChild$")
	cmd.Env = append(append(os.Environ(), "RT_OUTPUT_CHILD="+scenario), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestCrashProcess(t *testing.T) {
	out, errs, code := runChild(t, "crash", "LUNE_TRACEBACK=")
	if out != "before\n" || errs != "error: NonExhaustiveCase Just 3\n" || code != 1 {
		t.Errorf("crash: stdout %q stderr %q code %d", out, errs, code)
	}
}

func TestExitProcess(t *testing.T) {
	out, errs, code := runChild(t, "exit")
	if out != "bye" || errs != "" || code != 3 {
		t.Errorf("exit: stdout %q stderr %q code %d", out, errs, code)
	}
}

func TestTwoCrashesPrintOneLine(t *testing.T) {
	for i := 0; i < 5; i++ {
		out, errs, code := runChild(t, "two-crashes", "LUNE_TRACEBACK=")
		if out != "out\n" || (errs != "error: first\n" && errs != "error: second\n") || code != 1 {
			t.Fatalf("two crashes: stdout %q stderr %q code %d", out, errs, code)
		}
	}
}

func TestTracebackProcess(t *testing.T) {
	_, errs, code := runChild(t, "traceback", "LUNE_TRACEBACK=1")
	if !strings.HasPrefix(errs, "error: divide by zero\ngoroutine ") || code != 1 {
		t.Errorf("traceback: stderr %q code %d", errs, code)
	}
}

func TestAnnotateStack(t *testing.T) {
	RegisterDebugNames(map[string]string{"Lune_IO_println": "Lune.IO.println"})
	got := annotateStack("main.Lune_IO_println(...)\n\t/x/main.go:3\nmain.other()")
	want := "main.Lune_IO_println(...)  [lune: Lune.IO.println]\n\t/x/main.go:3\nmain.other()"
	if got != want {
		t.Errorf("got %q", got)
	}
}

func TestMatchFailureMessages(t *testing.T) {
	expectCrash(t, "NonExhaustive", "NonExhaustiveCase Just 3", func() { NonExhaustive("Main.f", Just(int64(3))) })
	expectCrash(t, "NonExhaustive string", `NonExhaustiveCase "x"`, func() { NonExhaustive("", "x") })
	expectCrash(t, "PatternFail", `PatternMatchFailure PCon "Lune.Prelude.Just" [] Nothing`, func() {
		PatternFail("Main.g", `PCon "Lune.Prelude.Just" []`, Nothing)
	})
	expectCrash(t, "Select", `MissingField "name"`, func() { Select(MkRecord(nil), "name") })
	expectCrash(t, "Apply", "NotAFunction 1", func() { Apply(int64(1), int64(2)) })
}
