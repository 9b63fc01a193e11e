// process.go: child processes (PRIMITIVES.md §3.16): prim_process_run, _spawn, _wait, _kill, _stdin_write,
// _stdin_close, _stdout_read, _stderr_read, and the Cmd record parser. Results are `Ok`/`Err` values with the
// Lune.Process.ProcessError constructors; waiting blocks only the calling goroutine.
// Differences from the evaluator: SigInt goes to the child only (the evaluator signals the child's process
// group, which is also its own), and waits block instead of polling every millisecond.
package rt

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
)

// Process is a spawned child with piped stdio, drained in the background, and its exit status once known.
type Process struct {
	stdinMu sync.Mutex
	stdin   *os.File // nil once closed
	stdout  *pipeDrain
	stderr  *pipeDrain
	proc    *os.Process
	exited  chan struct{}
	status  Value // `Exited code`, set before exited is closed
}

// LuneShow prints a process the way the evaluator does.
func (*Process) LuneShow() string { return "<process>" }

// cmdSpec is a parsed Cmd record.
type cmdSpec struct {
	program  string
	args     []string
	cwd      string // "" = inherit
	env      [][2]string
	clearEnv bool
}

// conNamed reports whether v is a constructor whose name ends in suffix with the given number of arguments
// (the evaluator's command parser checks only the suffix).
func conNamed(v Value, suffix string, arity int) (*Con, bool) {
	c, ok := v.(*Con)
	if !ok || len(c.Args) != arity || !strings.HasSuffix(c.Name(), suffix) {
		return nil, false
	}
	return c, true
}

// listItems walks a Cons/Nil chain; false when v is not one.
func listItems(v Value) ([]Value, bool) {
	var xs []Value
	for {
		if cell := AsCell(v); cell != nil {
			xs = append(xs, cell.Head)
			v = cell.Tail
			continue
		}
		if _, ok := conNamed(v, "Nil", 0); ok {
			return xs, true
		}
		c, ok := conNamed(v, "Cons", 2)
		if !ok {
			return nil, false
		}
		xs = append(xs, c.Args[0])
		v = c.Args[1]
	}
}

// parseCmd reads a Cmd record; the message is the SpawnFailed text for a malformed one.
func parseCmd(v Value) (cmdSpec, string) {
	var spec cmdSpec
	r, ok := v.(Record)
	if !ok {
		return spec, "Cmd: expected record"
	}
	program, _ := GetField(r, "program")
	if spec.program, ok = program.(string); !ok {
		return spec, "Cmd.program: expected String"
	}
	if args, present := GetField(r, "args"); present {
		items, ok := listItems(args)
		if !ok {
			return spec, "Cmd.args: expected List String"
		}
		for _, a := range items {
			s, ok := a.(string)
			if !ok {
				return spec, "Cmd.args: expected String"
			}
			spec.args = append(spec.args, s)
		}
	}
	if cwd, present := GetField(r, "cwd"); present {
		if _, none := conNamed(cwd, "Nothing", 0); !none {
			j, ok := conNamed(cwd, "Just", 1)
			dir, isString := "", false
			if ok {
				dir, isString = j.Args[0].(string)
			}
			if !isString {
				return spec, "Cmd.cwd: expected Maybe String"
			}
			spec.cwd = dir
		}
	}
	if env, present := GetField(r, "env"); present {
		items, ok := listItems(env)
		if !ok {
			return spec, "Cmd.env: expected List (String, String)"
		}
		for _, item := range items {
			p, ok := conNamed(item, "Pair", 2)
			if !ok {
				return spec, "Cmd.env: expected List (String, String)"
			}
			k, kok := p.Args[0].(string)
			val, vok := p.Args[1].(string)
			if !kok || !vok {
				return spec, "Cmd.env: expected List (String, String)"
			}
			spec.env = append(spec.env, [2]string{k, val})
		}
	}
	if clear, present := GetField(r, "clearEnv"); present {
		if _, t := conNamed(clear, "True", 0); t {
			spec.clearEnv = true
		} else if _, f := conNamed(clear, "False", 0); !f {
			return spec, "Cmd.clearEnv: expected Bool"
		}
	}
	return spec, ""
}

// command builds the exec.Cmd: PATH lookup when the program has no slash, no shell, and the environment
// rules of §3.16 (clearEnv: exactly env; empty env: inherit; else the parent's with the pairs applied in
// order, a later pair winning, which exec's own de-duplication already does).
func (spec cmdSpec) command() *exec.Cmd {
	cmd := exec.Command(spec.program, spec.args...)
	cmd.Dir = spec.cwd
	switch {
	case spec.clearEnv:
		cmd.Env = []string{} // non-nil: an empty environment, not the parent's
		for _, kv := range spec.env {
			cmd.Env = append(cmd.Env, kv[0]+"="+kv[1])
		}
	case len(spec.env) > 0:
		cmd.Env = os.Environ()
		for _, kv := range spec.env {
			cmd.Env = append(cmd.Env, kv[0]+"="+kv[1])
		}
	}
	return cmd
}

// spawnError maps a start failure by kind: not found → NotFound, permission → PermissionDenied, else
// SpawnFailed with the error's text.
func spawnError(program string, err error) Value {
	switch {
	case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return Err(MkCon("Lune.Process.NotFound", program))
	case errors.Is(err, fs.ErrPermission):
		return Err(MkCon("Lune.Process.PermissionDenied", program))
	default:
		return Err(MkCon("Lune.Process.SpawnFailed", err.Error()))
	}
}

func spawnFailed(msg string) Value { return Err(MkCon("Lune.Process.SpawnFailed", msg)) }
func ioError(msg string) Value     { return Err(MkCon("Lune.Process.IoError", msg)) }

// exitStatus is `Exited code`, or `Exited -N` for a child killed by signal N.
func exitStatus(ps *os.ProcessState) Value {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return MkCon("Lune.Process.Exited", -int64(ws.Signal()))
	}
	return MkCon("Lune.Process.Exited", int64(ps.ExitCode()))
}

// F_prim_process_run is `prim_process_run cmd`: run with inherited stdio and wait: `Ok (Exited code)`.
func F_prim_process_run(cmdValue Value) Value {
	return IOEffect(func() Value {
		spec, bad := parseCmd(cmdValue)
		if bad != "" {
			return spawnFailed(bad)
		}
		cmd := spec.command()
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		FlushStdout() // the child writes to the same stdout: our earlier lines go first
		if err := cmd.Start(); err != nil {
			return spawnError(spec.program, err)
		}
		cmd.Wait() // a non-zero exit is reported in ProcessState, not as a failure here
		return Ok(exitStatus(cmd.ProcessState))
	})
}

// F_prim_process_spawn is `prim_process_spawn cmd`: start with three pipes; stdout and stderr are drained in
// the background (so a chatty child never blocks) and a waiter records the exit status.
func F_prim_process_spawn(cmdValue Value) Value {
	return IOEffect(func() Value {
		spec, bad := parseCmd(cmdValue)
		if bad != "" {
			return spawnFailed(bad)
		}
		p, err := startPiped(spec.command())
		if err != nil {
			return spawnError(spec.program, err)
		}
		return Ok(p)
	})
}

// startPiped starts cmd with os.Pipe stdio, so waiting for exit never depends on the pipes being drained.
func startPiped(cmd *exec.Cmd) (*Process, error) {
	var files [6]*os.File // stdin r/w, stdout r/w, stderr r/w
	for i := 0; i < 6; i += 2 {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll(files[:i])
			return nil, err
		}
		files[i], files[i+1] = r, w
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = files[0], files[3], files[5]
	if err := cmd.Start(); err != nil {
		closeAll(files[:])
		return nil, err
	}
	closeAll([]*os.File{files[0], files[3], files[5]}) // the child's ends
	p := &Process{stdin: files[1], stdout: newPipeDrain(), stderr: newPipeDrain(), proc: cmd.Process,
		exited: make(chan struct{})}
	go p.stdout.drain(files[2])
	go p.stderr.drain(files[4])
	go func() {
		cmd.Wait()
		p.status = exitStatus(cmd.ProcessState)
		close(p.exited)
	}()
	return p, nil
}

func closeAll(files []*os.File) {
	for _, f := range files {
		if f != nil {
			f.Close()
		}
	}
}

func asProcess(v Value) *Process {
	p, ok := v.(*Process)
	if !ok {
		WrongShape()
	}
	return p
}

// F_prim_process_wait is `prim_process_wait p`: wait for exit; the same `Ok (Exited code)` every time.
func F_prim_process_wait(proc Value) Value {
	p := asProcess(proc)
	return IOEffect(func() Value {
		<-p.exited
		return Ok(p.status)
	})
}

// F_prim_process_kill is `prim_process_kill p signal`: SigTerm, SigKill or SigInt to the child; a child that
// is already gone is `Ok Unit`. A non-Signal argument is fatal when applied.
func F_prim_process_kill(proc, signal Value) Value {
	p := asProcess(proc)
	var sig syscall.Signal
	c, _ := signal.(*Con)
	switch {
	case c != nil && len(c.Args) == 0 && c.Name() == "Lune.Process.SigTerm":
		sig = syscall.SIGTERM
	case c != nil && len(c.Args) == 0 && c.Name() == "Lune.Process.SigKill":
		sig = syscall.SIGKILL
	case c != nil && len(c.Args) == 0 && c.Name() == "Lune.Process.SigInt":
		sig = syscall.SIGINT
	default:
		WrongShape()
	}
	return IOEffect(func() Value {
		if err := p.proc.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return ioError(err.Error())
		}
		return Ok(Unit)
	})
}

// F_prim_process_stdin_write is `prim_process_stdin_write p bytes`: write all the bytes (one writer at a time).
func F_prim_process_stdin_write(proc, bytes Value) Value {
	p, b := asProcess(proc), AsBytes(bytes)
	return IOEffect(func() Value {
		p.stdinMu.Lock()
		defer p.stdinMu.Unlock()
		if p.stdin == nil {
			return ioError("stdin is closed")
		}
		if _, err := p.stdin.Write(b); err != nil {
			return ioError(ghcIOError("<stdin>", "hPutBuf", err))
		}
		return Ok(Unit)
	})
}

// F_prim_process_stdin_close is `prim_process_stdin_close p`: close the child's stdin (again: `Ok Unit`).
func F_prim_process_stdin_close(proc Value) Value {
	p := asProcess(proc)
	return IOEffect(func() Value {
		p.stdinMu.Lock()
		defer p.stdinMu.Unlock()
		if p.stdin != nil {
			p.stdin.Close()
			p.stdin = nil
		}
		return Ok(Unit)
	})
}

// F_prim_process_stdout_read is `prim_process_stdout_read p n`: the next chunk of at most n bytes
// (`Ok (Just bytes)`), `Ok Nothing` at end of stream.
func F_prim_process_stdout_read(proc, n Value) Value {
	p, size := asProcess(proc), clampInt(n)
	return IOEffect(func() Value { return p.stdout.read(size) })
}

// F_prim_process_stderr_read is the same as F_prim_process_stdout_read for stderr.
func F_prim_process_stderr_read(proc, n Value) Value {
	p, size := asProcess(proc), clampInt(n)
	return IOEffect(func() Value { return p.stderr.read(size) })
}

// pipeDrain collects a child's output in 4096-byte chunks as it arrives.
type pipeDrain struct {
	mu       sync.Mutex
	arrived  sync.Cond
	chunks   [][]byte
	leftover []byte // the unread rest of a chunk larger than a read asked for
	eof      bool
	err      error // a read error other than end of file
	eofSeen  bool  // a read has already reported the end of the stream
}

func newPipeDrain() *pipeDrain {
	d := &pipeDrain{}
	d.arrived.L = &d.mu
	return d
}

func (d *pipeDrain) drain(r *os.File) {
	defer r.Close()
	for {
		buf := make([]byte, 4096)
		n, err := r.Read(buf)
		d.mu.Lock()
		if n > 0 {
			d.chunks = append(d.chunks, buf[:n])
		}
		if err != nil {
			d.eof = true
			if err != io.EOF {
				d.err = err
			}
		}
		d.arrived.Broadcast()
		d.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// read gives at most n bytes: the leftover first, else the next chunk (keeping what does not fit), waiting
// for one if needed. n ≤ 0 is `Ok (Just <empty>)` at once. At the end: `Ok Nothing`, and after a read error
// the reads following the first end-of-stream report are `Err (IoError msg)`.
func (d *pipeDrain) read(n int64) Value {
	if n <= 0 {
		return Ok(Just(Bytes{}))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for {
		if len(d.leftover) == 0 && len(d.chunks) > 0 {
			d.leftover = d.chunks[0]
			d.chunks[0] = nil
			d.chunks = d.chunks[1:]
		}
		if len(d.leftover) > 0 {
			take := int(min(n, int64(len(d.leftover))))
			out := Bytes(append([]byte(nil), d.leftover[:take]...))
			d.leftover = d.leftover[take:]
			return Ok(Just(out))
		}
		if d.eof {
			if d.err != nil && d.eofSeen {
				return ioError(d.err.Error())
			}
			d.eofSeen = true
			return Ok(Nothing)
		}
		d.arrived.Wait()
	}
}

// Primitive values of the process group.
var (
	P_prim_process_run         = MkFunc("prim_process_run", 1, func(a []Value) Value { return F_prim_process_run(a[0]) })
	P_prim_process_spawn       = MkFunc("prim_process_spawn", 1, func(a []Value) Value { return F_prim_process_spawn(a[0]) })
	P_prim_process_wait        = MkFunc("prim_process_wait", 1, func(a []Value) Value { return F_prim_process_wait(a[0]) })
	P_prim_process_kill        = MkFunc("prim_process_kill", 2, func(a []Value) Value { return F_prim_process_kill(a[0], a[1]) })
	P_prim_process_stdin_write = MkFunc("prim_process_stdin_write", 2, func(a []Value) Value { return F_prim_process_stdin_write(a[0], a[1]) })
	P_prim_process_stdin_close = MkFunc("prim_process_stdin_close", 1, func(a []Value) Value { return F_prim_process_stdin_close(a[0]) })
	P_prim_process_stdout_read = MkFunc("prim_process_stdout_read", 2, func(a []Value) Value { return F_prim_process_stdout_read(a[0], a[1]) })
	P_prim_process_stderr_read = MkFunc("prim_process_stderr_read", 2, func(a []Value) Value { return F_prim_process_stderr_read(a[0], a[1]) })
)

func init() {
	register("prim_process_run", P_prim_process_run)
	register("prim_process_spawn", P_prim_process_spawn)
	register("prim_process_wait", P_prim_process_wait)
	register("prim_process_kill", P_prim_process_kill)
	register("prim_process_stdin_write", P_prim_process_stdin_write)
	register("prim_process_stdin_close", P_prim_process_stdin_close)
	register("prim_process_stdout_read", P_prim_process_stdout_read)
	register("prim_process_stderr_read", P_prim_process_stderr_read)
}
