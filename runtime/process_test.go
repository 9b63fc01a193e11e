// process_test.go: the Cmd parser's messages, run (exit codes, signals, NotFound/PermissionDenied), spawn with
// piped stdio, environment and cwd rules, kill, and stdin errors.
package rt

import (
	"strings"
	"testing"
)

// cmd builds a Cmd record the way Lune.Process.cmd/arg/env/cwd/clearEnv do.
func cmd(program string, args ...string) Record {
	as := make([]Value, len(args))
	for i, a := range args {
		as[i] = a
	}
	return MkRecord([]string{"program", "args", "cwd", "env", "clearEnv"}, program, MkList(as), Nothing, Nil, False)
}

// with replaces one field of a record.
func with(r Record, label string, v Value) Record {
	labels := append(append([]string{}, r.Shape().Labels...), label)
	return MkRecord(labels, append(append([]Value{}, r.Values()...), v)...)
}

func pairs(kvs ...string) Value {
	var ps []Value
	for i := 0; i < len(kvs); i += 2 {
		ps = append(ps, MkCon("Lune.Prelude.Pair", kvs[i], kvs[i+1]))
	}
	return MkList(ps)
}

func TestCmdParsing(t *testing.T) {
	base := cmd("true")
	cases := []struct {
		cmd  Value
		want string
	}{
		{int64(1), "Cmd: expected record"},
		{MkRecord([]string{"args"}, Nil), "Cmd.program: expected String"},
		{with(base, "program", int64(1)), "Cmd.program: expected String"},
		{with(base, "args", "x"), "Cmd.args: expected List String"},
		{with(base, "args", MkList([]Value{int64(1)})), "Cmd.args: expected String"},
		{with(base, "cwd", "x"), "Cmd.cwd: expected Maybe String"},
		{with(base, "cwd", Just(int64(1))), "Cmd.cwd: expected Maybe String"},
		{with(base, "env", MkList([]Value{"x"})), "Cmd.env: expected List (String, String)"},
		{with(base, "env", MkList([]Value{MkCon("Lune.Prelude.Pair", "a", int64(1))})), "Cmd.env: expected List (String, String)"},
		{with(base, "clearEnv", "yes"), "Cmd.clearEnv: expected Bool"},
	}
	for _, c := range cases {
		for _, prim := range []func(Value) Value{F_prim_process_run, F_prim_process_spawn} {
			if got, want := Show(runV(prim(c.cmd))), `Err (SpawnFailed "`+c.want+`")`; got != want {
				t.Errorf("%s: got %s, want %s", Show(c.cmd), got, want)
			}
		}
	}
	// Only program is required.
	expectShow(t, "program only", runV(F_prim_process_run(MkRecord([]string{"program"}, "true"))), "Ok (Exited 0)")
}

func TestProcessRun(t *testing.T) {
	expectShow(t, "exit 3", runV(F_prim_process_run(cmd("sh", "-c", "exit 3"))), "Ok (Exited 3)")
	expectShow(t, "killed", runV(F_prim_process_run(cmd("sh", "-c", "kill -9 $$"))), "Ok (Exited -9)")
	expectShow(t, "missing", runV(F_prim_process_run(cmd("no-such-program-lune"))), `Err (NotFound "no-such-program-lune")`)
	expectShow(t, "missing path", runV(F_prim_process_run(cmd("/no/such/prog"))), `Err (NotFound "/no/such/prog")`)
	expectShow(t, "not executable", runV(F_prim_process_run(cmd("/etc/passwd"))), `Err (PermissionDenied "/etc/passwd")`)
	expectShow(t, "missing cwd", runV(F_prim_process_run(with(cmd("true"), "cwd", Just("/no/such/dir")))),
		`Err (NotFound "true")`)
}

// output spawns c, closes its stdin, and collects stdout until the end, plus its exit status.
func output(t *testing.T, c Value) (string, string) {
	t.Helper()
	p := okValue(t, runV(F_prim_process_spawn(c)))
	runV(F_prim_process_stdin_close(p))
	var sb strings.Builder
	for {
		chunk := okValue(t, runV(F_prim_process_stdout_read(p, int64(4096))))
		if chunk == Nothing {
			break
		}
		sb.Write(chunk.(*Con).Args[0].(Bytes))
	}
	return sb.String(), Show(runV(F_prim_process_wait(p)))
}

func TestProcessSpawnPipes(t *testing.T) {
	p := okValue(t, runV(F_prim_process_spawn(cmd("cat"))))
	expectShow(t, "process", p, "<process>")
	expectShow(t, "write", runV(F_prim_process_stdin_write(p, Bytes("abc"))), "Ok Unit")
	expectShow(t, "close", runV(F_prim_process_stdin_close(p)), "Ok Unit")
	expectShow(t, "close again", runV(F_prim_process_stdin_close(p)), "Ok Unit")
	expectShow(t, "write after close", runV(F_prim_process_stdin_write(p, Bytes("x"))), `Err (IoError "stdin is closed")`)
	expectShow(t, "read 0", runV(F_prim_process_stdout_read(p, int64(0))), "Ok (Just <bytes:0>)")
	first := okValue(t, runV(F_prim_process_stdout_read(p, int64(2))))
	rest := okValue(t, runV(F_prim_process_stdout_read(p, int64(10))))
	if Show(first) != "Just <bytes:2>" || string(first.(*Con).Args[0].(Bytes))+string(rest.(*Con).Args[0].(Bytes)) != "abc" {
		t.Errorf("reads gave %s then %s", Show(first), Show(rest))
	}
	expectShow(t, "end", runV(F_prim_process_stdout_read(p, int64(10))), "Ok Nothing")
	expectShow(t, "end again", runV(F_prim_process_stdout_read(p, int64(10))), "Ok Nothing")
	expectShow(t, "stderr end", runV(F_prim_process_stderr_read(p, int64(10))), "Ok Nothing")
	expectShow(t, "wait", runV(F_prim_process_wait(p)), "Ok (Exited 0)")
	expectShow(t, "wait again", runV(F_prim_process_wait(p)), "Ok (Exited 0)")

	e := okValue(t, runV(F_prim_process_spawn(cmd("sh", "-c", "echo oops >&2; exit 4"))))
	errOut := okValue(t, runV(F_prim_process_stderr_read(e, int64(100))))
	if string(errOut.(*Con).Args[0].(Bytes)) != "oops\n" {
		t.Errorf("stderr gave %s", Show(errOut))
	}
	expectShow(t, "exit 4", runV(F_prim_process_wait(e)), "Ok (Exited 4)")

	// A chatty child does not block on a full pipe while nobody reads.
	big, status := output(t, cmd("sh", "-c", "head -c 300000 /dev/zero"))
	if len(big) != 300000 || status != "Ok (Exited 0)" {
		t.Errorf("chatty child: %d bytes, %s", len(big), status)
	}
}

func TestProcessEnvAndCwd(t *testing.T) {
	t.Setenv("LUNE_PARENT_VAR", "parent")
	show := cmd("sh", "-c", `printf '%s|%s' "$A" "$LUNE_PARENT_VAR"`)
	cases := []struct {
		cmd  Value
		want string
	}{
		{show, "|parent"},
		{with(show, "env", pairs("A", "1")), "1|parent"},
		{with(show, "env", pairs("A", "first", "A", "second")), "second|parent"},
		{with(with(show, "env", pairs("A", "1")), "clearEnv", True), "1|"},
		{with(show, "clearEnv", True), "|"},
	}
	for _, c := range cases {
		out, _ := output(t, c.cmd)
		if out != c.want {
			t.Errorf("%s: output %q, want %q", Show(c.cmd), out, c.want)
		}
	}
	dir := t.TempDir()
	out, _ := output(t, with(cmd("pwd"), "cwd", Just(dir)))
	if out != dir+"\n" {
		t.Errorf("cwd: pwd printed %q", out)
	}
}

func TestProcessKill(t *testing.T) {
	for _, c := range []struct{ signal, status string }{
		{"SigTerm", "Ok (Exited -15)"}, {"SigKill", "Ok (Exited -9)"}, {"SigInt", "Ok (Exited -2)"},
	} {
		p := okValue(t, runV(F_prim_process_spawn(cmd("sleep", "10"))))
		sig := MkCon("Lune.Process." + c.signal)
		expectShow(t, c.signal, runV(F_prim_process_kill(p, sig)), "Ok Unit")
		expectShow(t, c.signal+" status", runV(F_prim_process_wait(p)), c.status)
		expectShow(t, c.signal+" after exit", runV(F_prim_process_kill(p, sig)), "Ok Unit")
	}
	p := okValue(t, runV(F_prim_process_spawn(cmd("true"))))
	if msg, _ := catchCrash(func() { F_prim_process_kill(p, "TERM") }); msg != "NotAFunction <prim>" {
		t.Errorf("a non-Signal: %q", msg)
	}
	runV(F_prim_process_wait(p))
}
