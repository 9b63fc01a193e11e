// console.go: console primitives (PRIMITIVES.md §3.7): prim_putStrLn, prim_readLine, prim_readInt.
// Output goes through WriteStdout (buffered, flushed at exit), flushed per line when stdout is a terminal;
// input comes from one shared buffered reader on stdin.
package rt

import (
	"bufio"
	"io"
	"os"
	"strings"
	"sync"
)

var (
	stdinMu  sync.Mutex    // one line at a time, whichever goroutine asks
	stdinBuf *bufio.Reader // made on first use

	stdoutIsTerminal = isTerminal(os.Stdout)
)

// isTerminal reports whether f is a character device (a terminal, for our purposes).
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// readStdinLine reads one line without its newline and without any trailing \r; ok is false at end of input
// with nothing read. A final line without a newline is returned normally.
func readStdinLine() (line string, ok bool, err error) {
	stdinMu.Lock()
	defer stdinMu.Unlock()
	if stdinBuf == nil {
		stdinBuf = bufio.NewReader(os.Stdin)
	}
	s, err := stdinBuf.ReadString('\n')
	if err == io.EOF {
		if s == "" {
			return "", false, nil
		}
		err = nil
	}
	if err != nil {
		return "", false, err
	}
	s = strings.TrimSuffix(s, "\n")
	return strings.TrimRight(s, "\r"), true, nil
}

// F_prim_putStrLn is `prim_putStrLn s`: an action writing s and a newline to stdout.
func F_prim_putStrLn(s Value) Value {
	text := AsString(s)
	return IOEffect(func() Value {
		WriteStdout(text + "\n")
		if stdoutIsTerminal {
			FlushStdout() // a terminal sees each line at once, as with GHC's line buffering
		}
		return Unit
	})
}

// P_prim_readLine reads a line (EOF gives ""); a read error is fatal ForeignError.
var P_prim_readLine Value = IOEffect(func() Value {
	line, _, err := readStdinLine()
	if err != nil {
		Crash("ForeignError " + ShowString("prim_readLine: "+err.Error()))
	}
	return line
})

// P_prim_readInt reads a line and parses it as ASCII digits only (any size); EOF and anything else are fatal.
var P_prim_readInt Value = IOEffect(func() Value {
	line, ok, err := readStdinLine()
	if err != nil {
		Crash("ForeignError " + ShowString("prim_readInt: "+err.Error()))
	}
	if !ok {
		Crash(`ForeignError "prim_readInt: EOF"`)
	}
	n, valid := parseIntDigits(line)
	if !valid {
		Crash(`ForeignError "prim_readInt: invalid int"`)
	}
	return n
})

// P_prim_putStrLn is the function value of prim_putStrLn.
var P_prim_putStrLn = MkFunc("prim_putStrLn", 1, func(a []Value) Value { return F_prim_putStrLn(a[0]) })

func init() {
	register("prim_putStrLn", P_prim_putStrLn)
	register("prim_readLine", P_prim_readLine)
	register("prim_readInt", P_prim_readInt)
}
