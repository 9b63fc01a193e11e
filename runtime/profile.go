// profile.go: LUNE_CPUPROFILE=FILE writes a Go CPU profile of the whole run (for `go tool pprof`), from the
// runtime's init (before main's top-level values are computed) until Exit. Off unless the variable is set.
package rt

import (
	"os"
	"runtime/pprof"
)

// stopProfile ends the CPU profile started from init; a no-op when none runs.
var stopProfile = func() {}

func init() {
	path := os.Getenv("LUNE_CPUPROFILE")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		os.Stderr.WriteString("LUNE_CPUPROFILE: " + err.Error() + "\n")
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		os.Stderr.WriteString("LUNE_CPUPROFILE: " + err.Error() + "\n")
		f.Close()
		return
	}
	stopProfile = func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
