// files_test.go: readFile/writeFile results and GHC-shaped error texts, LUNE_SYSTEM_ROOT, and time.
package rt

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func runV(v Value) Value { return RunIO(AsIO(v)) }

func TestReadAndWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	write := F_prim_writeFile(path, "héllo\n")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("building the write action wrote the file")
	}
	if got := Show(runV(write)); got != "Ok Unit" {
		t.Fatalf("writeFile gave %s", got)
	}
	if got := Show(runV(F_prim_readFile(path))); got != `Ok "h\233llo\n"` {
		t.Fatalf("readFile gave %s", got)
	}
	cases := []struct {
		action Value
		want   string
	}{
		{F_prim_readFile(dir + "/missing"), `Err "` + dir + `/missing: openFile: does not exist (No such file or directory)"`},
		{F_prim_readFile(dir), `Err "` + dir + `: openFile: inappropriate type (is a directory)"`},
		{F_prim_writeFile(dir+"/no/x.txt", "x"), `Err "` + dir + `/no/x.txt: openFile: does not exist (No such file or directory)"`},
		// open(2) itself refuses to write a directory, so GHC shows strerror (capital I), unlike the read case
		{F_prim_writeFile(dir, "x"), `Err "` + dir + `: openFile: inappropriate type (Is a directory)"`},
	}
	bad := filepath.Join(dir, "bad.bin")
	os.WriteFile(bad, []byte{0xff, 0xfe}, 0o644)
	cases = append(cases, struct {
		action Value
		want   string
	}{F_prim_readFile(bad),
		`Err "` + bad + `: hGetContents: invalid argument (invalid byte sequence)"`})
	if os.Geteuid() != 0 { // root reads anything
		locked := filepath.Join(dir, "locked")
		os.WriteFile(locked, []byte("x"), 0o000)
		cases = append(cases, struct {
			action Value
			want   string
		}{F_prim_readFile(locked),
			`Err "` + locked + `: openFile: permission denied (Permission denied)"`})
	}
	for _, c := range cases {
		if got := Show(runV(c.action)); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestLuneSystemRoot(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(root+"/proc", 0o755)
	os.WriteFile(root+"/proc/stat", []byte("cpu 1"), 0o644)
	os.MkdirAll(root+"/system", 0o755)
	os.WriteFile(root+"/system/x", []byte("sys"), 0o644)
	read := F_prim_readFile("/proc/stat") // built before the variable is set: it is read when the action runs
	t.Setenv("LUNE_SYSTEM_ROOT", root)
	if got := Show(runV(read)); got != `Ok "cpu 1"` {
		t.Errorf("/proc/stat under the root: %s", got)
	}
	if got := Show(runV(F_prim_readFile("/system/x"))); got != `Ok "sys"` {
		t.Errorf("/system/x (plain prefix test): %s", got)
	}
	if got := Show(runV(F_prim_readFile("/sys/none"))); got != `Err "`+root+`/sys/none: openFile: does not exist (No such file or directory)"` {
		t.Errorf("error shows the rewritten path: %s", got)
	}
	t.Setenv("LUNE_SYSTEM_ROOT", "")
	if got := Show(runV(F_prim_readFile(root + "/proc/stat"))); got != `Ok "cpu 1"` {
		t.Errorf("empty root: %s", got)
	}
}

func TestTime(t *testing.T) {
	before := time.Now().UnixMicro()
	now := runV(P_prim_timeNowMicros).(int64)
	if now < before || now > time.Now().UnixMicro() {
		t.Errorf("timeNowMicros %d out of range", now)
	}
	start := time.Now()
	if runV(F_prim_sleepMs(int64(30))) != Unit || time.Since(start) < 30*time.Millisecond {
		t.Errorf("sleepMs 30 returned after %v", time.Since(start))
	}
	start = time.Now()
	runV(F_prim_sleepMs(int64(-5)))
	runV(F_prim_sleepMs(int64(0)))
	if time.Since(start) > 10*time.Millisecond {
		t.Errorf("sleepMs ≤ 0 took %v", time.Since(start))
	}
	if d := sleepDuration(IntLit("100000000000000000000000")); d <= 0 {
		t.Errorf("a huge sleep saturates, got %v", d)
	}
}
