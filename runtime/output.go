// output.go: process output and termination. Contents: WriteStdout, FlushStdout, Exit, Crash, NonExhaustive,
// PatternFail, RegisterDebugNames (Go→Lune names for LUNE_TRACEBACK=1 stack traces).
package rt

import (
	"bufio"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
)

var (
	stdoutMu  sync.Mutex
	stdoutBuf = bufio.NewWriterSize(os.Stdout, 64*1024)

	// exitMu is taken by the first Exit/Crash and never released: a second goroutine that crashes or exits
	// meanwhile blocks until the process is gone, so only one error line is ever printed.
	exitMu sync.Mutex

	debugNamesMu sync.Mutex
	debugNames   = map[string]string{}

	// crashPanics makes Crash panic with a crashError instead of exiting (tests only; see catchCrash).
	crashPanics bool
)

// crashError is what Crash panics with when crashPanics is set.
type crashError struct{ msg string }

// WriteStdout appends s to the buffered standard output (safe from any goroutine).
func WriteStdout(s string) {
	stdoutMu.Lock()
	stdoutBuf.WriteString(s)
	stdoutMu.Unlock()
}

// FlushStdout writes out everything buffered so far.
func FlushStdout() {
	stdoutMu.Lock()
	stdoutBuf.Flush()
	stdoutMu.Unlock()
}

// Exit flushes standard output and ends the process with the given code.
func Exit(code int) {
	exitMu.Lock()
	FlushStdout()
	stopProfile()
	os.Exit(code)
}

// Crash reports a fatal Lune runtime error: flushes stdout, prints `error: <msg>` on stderr, exits 1.
// msg is the Show form of the evaluator's error (`NonExhaustiveCase Just 3`, `divide by zero`).
// With LUNE_TRACEBACK=1 the Go stack of the crashing goroutine follows, annotated with Lune names.
func Crash(msg string) { crashAt("", msg) }

// crashAt is Crash plus the Lune declaration the failure happened in (shown only in tracebacks).
func crashAt(where, msg string) {
	if crashPanics {
		panic(crashError{msg})
	}
	exitMu.Lock()
	FlushStdout()
	os.Stderr.WriteString("error: " + msg + "\n")
	if os.Getenv("LUNE_TRACEBACK") == "1" {
		if where != "" {
			os.Stderr.WriteString("in " + where + "\n")
		}
		os.Stderr.WriteString(annotateStack(string(debug.Stack())))
	}
	os.Exit(1)
}

// NonExhaustive is the failure of a `case` with no matching alternative. where (the enclosing Lune
// declaration) only appears in tracebacks. The return type lets generated code use it as an expression.
func NonExhaustive(where string, v Value) Value {
	crashAt(where, "NonExhaustiveCase "+Show(v))
	return nil
}

// PatternFail is the failure of a lambda parameter pattern; pattern is already in Haskell syntax.
func PatternFail(where, pattern string, v Value) Value {
	crashAt(where, "PatternMatchFailure "+pattern+" "+Show(v))
	return nil
}

// RegisterDebugNames adds Go identifier → Lune name pairs used to annotate LUNE_TRACEBACK stack traces.
func RegisterDebugNames(names map[string]string) {
	debugNamesMu.Lock()
	defer debugNamesMu.Unlock()
	for k, v := range names {
		debugNames[k] = v
	}
}

var goFuncName = regexp.MustCompile(`^main\.([A-Za-z0-9_]+)`)

// annotateStack appends `[lune: NAME]` to each stack line whose generated function has a registered name.
func annotateStack(stack string) string {
	debugNamesMu.Lock()
	defer debugNamesMu.Unlock()
	lines := strings.Split(stack, "\n")
	for i, line := range lines {
		if m := goFuncName.FindStringSubmatch(line); m != nil {
			if name, ok := debugNames[m[1]]; ok {
				lines[i] = line + "  [lune: " + name + "]"
			}
		}
	}
	return strings.Join(lines, "\n")
}

// catchCrash runs f with Crash turned into a panic and reports the crash message, if any. It is meant
// for tests of this package (a crash then does not end the test binary); it is not goroutine-safe.
func catchCrash(f func()) (msg string, crashed bool) {
	old := crashPanics
	crashPanics = true
	defer func() {
		crashPanics = old
		if r := recover(); r != nil {
			ce, ok := r.(crashError)
			if !ok {
				panic(r)
			}
			msg, crashed = ce.msg, true
		}
	}()
	f()
	return "", false
}
