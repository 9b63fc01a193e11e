// ir/core/eval/process.ts: child processes (§3.16) on node:child_process. Spawning blocks the scheduler
// (as Lune's does); waiting and reading poll with 1 ms sleeps so other fibers keep running.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { err, just, mkBytes, mkCon, nothing, ok, unit, type Value } from '../../shared/value';
import { ByteStream } from './byte-stream';
import type { ProcessEntry } from './handles';
import { asBytes, asInt } from './sockets';
import { type Eff, type World, V, done, ioEff, wrongShape } from './values';

type Impl = (args: readonly Value[]) => Value;

/** A parsed `Cmd` record. */
interface Cmd { program: string; args: string[]; cwd: string | null; env: [string, string][]; clearEnv: boolean }

const P = (name: string, ...args: Value[]): Value => mkCon(`Lune.Process.${name}`, args);
const conNamed = (v: Value, suffix: string, n: number): v is Extract<Value, { tag: 'Con' }> =>
  typeof v === 'object' && v.tag === 'Con' && v.name.endsWith(suffix) && v.args.length === n;

// Walks a Cons/Nil list; undefined when it is not one.
function listItems(v: Value): Value[] | undefined {
  const out: Value[] = [];
  for (;;) {
    if (conNamed(v, 'Nil', 0)) return out;
    if (!conNamed(v, 'Cons', 2)) return undefined;
    out.push(v.args[0]!);
    v = v.args[1]!;
  }
}

/** Reads a Cmd record, or returns the SpawnFailed message of §3.16. */
export function parseCmd(v: Value): Cmd | string {
  if (typeof v !== 'object' || v.tag !== 'Record') return 'Cmd: expected record';
  const f = v.fields;
  const program = f.get('program');
  if (typeof program !== 'string') return 'Cmd.program: expected String';
  const args: string[] = [];
  const argsV = f.get('args');
  if (argsV !== undefined) {
    const items = listItems(argsV);
    if (items === undefined) return 'Cmd.args: expected List String';
    for (const a of items) {
      if (typeof a !== 'string') return 'Cmd.args: expected String';
      args.push(a);
    }
  }
  let cwd: string | null = null;
  const cwdV = f.get('cwd');
  if (cwdV !== undefined) {
    if (conNamed(cwdV, 'Just', 1) && typeof cwdV.args[0] === 'string') cwd = cwdV.args[0];
    else if (!conNamed(cwdV, 'Nothing', 0)) return 'Cmd.cwd: expected Maybe String';
  }
  const env: [string, string][] = [];
  const envV = f.get('env');
  if (envV !== undefined) {
    const items = listItems(envV);
    if (items === undefined) return 'Cmd.env: expected List (String, String)';
    for (const p of items) {
      if (!conNamed(p, 'Pair', 2) || typeof p.args[0] !== 'string' || typeof p.args[1] !== 'string')
        return 'Cmd.env: expected List (String, String)';
      env.push([p.args[0], p.args[1]]);
    }
  }
  let clearEnv = false;
  const ce = f.get('clearEnv');
  if (ce !== undefined) {
    if (conNamed(ce, 'True', 0)) clearEnv = true;
    else if (!conNamed(ce, 'False', 0)) return 'Cmd.clearEnv: expected Bool';
  }
  return { program, args, cwd, env, clearEnv };
}

function childEnv(w: World, cmd: Cmd): Record<string, string | undefined> {
  if (cmd.clearEnv) return Object.fromEntries(cmd.env);
  const parent = w.io.env ?? process.env;
  if (cmd.env.length === 0) return parent;
  const out = { ...parent };
  for (const [k, v] of cmd.env) out[k] = v; // later pairs win
  return out;
}

// Starts the child; resolves once it has spawned, or with the ProcessError value of a failed spawn.
function start(w: World, cmd: Cmd, stdio: StdioOptions): Promise<{ child: ChildProcess } | { error: Value }> {
  const base = w.io.cwd ?? process.cwd();
  return new Promise((res) => {
    let child: ChildProcess;
    try {
      child = spawn(cmd.program, cmd.args, { cwd: cmd.cwd === null ? base : resolve(base, cmd.cwd), env: childEnv(w, cmd), stdio });
    } catch (e) {
      res({ error: P('SpawnFailed', (e as Error).message) });
      return;
    }
    child.once('spawn', () => {
      child.on('error', () => {}); // e.g. a failed kill: reported through the primitive's result
      res({ child });
    });
    child.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') res({ error: P('NotFound', cmd.program) });
      else if (e.code === 'EACCES') res({ error: P('PermissionDenied', cmd.program) });
      else res({ error: P('SpawnFailed', e.message) });
    });
  });
}

const exitCode = (code: number | null, signal: NodeJS.Signals | null): bigint =>
  code !== null ? BigInt(code) : -BigInt(signal === null ? 0 : constants.signals[signal]);

/** Repeats `check` every millisecond (as a scheduler sleep) until it has an answer. */
const poll = (check: () => Value | undefined): Eff => {
  const v = check();
  return v !== undefined ? done(v) : { k: 'sleep', ms: 1, after: () => poll(check) };
};

const io = (run: (w: World) => Eff): Value => V(ioEff(run));
const blockThen = (p: Promise<Eff>): Eff => ({ k: 'block', p });

function processEntry(w: World, v: Value): ProcessEntry {
  if (typeof v !== 'object' || v.tag !== 'Process') throw wrongShape();
  return w.handles.processes.get(v['id'] as number)!;
}

function run(w: World, cmdV: Value): Eff {
  const cmd = parseCmd(cmdV);
  if (typeof cmd === 'string') return done(err(P('SpawnFailed', cmd)));
  // stdout/stderr are forwarded to EvalIO rather than inherited, so captured runs see the child's output.
  return blockThen(start(w, cmd, ['inherit', 'pipe', 'pipe']).then((c) => {
    if ('error' in c) return done(err(c.error));
    const child = c.child;
    let status: bigint | null = null;
    child.stdout!.setEncoding('utf8').on('data', (s: string) => w.io.stdout(s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => w.io.stderr(s));
    child.once('close', (code, signal) => (status = exitCode(code, signal)));
    return poll(() => (status === null ? undefined : ok(P('Exited', status))));
  }));
}

function spawnProcess(w: World, cmdV: Value): Eff {
  const cmd = parseCmd(cmdV);
  if (typeof cmd === 'string') return done(err(P('SpawnFailed', cmd)));
  return blockThen(start(w, cmd, ['pipe', 'pipe', 'pipe']).then((c) => {
    if ('error' in c) return done(err(c.error));
    const child = c.child;
    const entry: ProcessEntry = {
      child,
      stdout: new ByteStream(child.stdout!, null, 4096),
      stderr: new ByteStream(child.stderr!, null, 4096),
      exit: null,
      stdinClosed: false,
    };
    child.stdin!.on('error', () => {}); // reported by the write that hits it
    child.once('exit', (code, signal) => (entry.exit = exitCode(code, signal)));
    const id = w.handles.nextProcess++;
    w.handles.processes.set(id, entry);
    return done(ok(V({ tag: 'Process', id })));
  }));
}

// Reads the next chunk of at most n bytes (§3.16 stdout_read): Just bytes, Nothing at end of stream; after
// an I/O error the read that finds the end still says Nothing and later reads give the error.
function readChunk(s: ByteStream, n: bigint): Eff {
  if (n <= 0n) return done(ok(just(mkBytes(new Uint8Array(0)))));
  return poll(() => {
    const b = s.take(Number(n));
    if (b !== null) return ok(just(mkBytes(new Uint8Array(b))));
    if (!s.ended) return undefined;
    if (s.error !== null && s.endReported) return err(P('IoError', s.error.message));
    s.endReported = true;
    return ok(nothing);
  });
}

const signalOf = (v: Value): NodeJS.Signals => {
  if (conNamed(v, 'Lune.Process.SigTerm', 0)) return 'SIGTERM';
  if (conNamed(v, 'Lune.Process.SigKill', 0)) return 'SIGKILL';
  if (conNamed(v, 'Lune.Process.SigInt', 0)) return 'SIGINT';
  throw wrongShape();
};

/** The process primitives by name. */
export const processPrims: Readonly<Record<string, Impl>> = {
  prim_process_run: ([c]) => io((w) => run(w, c!)),
  prim_process_spawn: ([c]) => io((w) => spawnProcess(w, c!)),
  prim_process_wait: ([p]) => io((w) => {
    const e = processEntry(w, p!);
    return poll(() => (e.exit === null ? undefined : ok(P('Exited', e.exit))));
  }),
  prim_process_kill: ([p, s]) => {
    const sig = signalOf(s!);
    return io((w) => {
      const e = processEntry(w, p!);
      if (e.exit !== null) return done(ok(unit));
      try {
        // SigInt goes to the child itself: it is not a process-group leader (see §3.16's ambiguity).
        e.child.kill(sig);
        return done(ok(unit));
      } catch (x) {
        return done(err(P('IoError', (x as Error).message)));
      }
    });
  },
  prim_process_stdin_write: ([p, b]) => {
    const bytes = asBytes(b!);
    return io((w) => {
      const e = processEntry(w, p!);
      if (e.stdinClosed) return done(err(P('IoError', 'stdin is closed')));
      return blockThen(new Promise<Eff>((res) =>
        e.child.stdin!.write(bytes, (x) => res(done(x ? err(P('IoError', x.message)) : ok(unit))))));
    });
  },
  prim_process_stdin_close: ([p]) => io((w) => {
    const e = processEntry(w, p!);
    if (!e.stdinClosed) {
      e.stdinClosed = true;
      e.child.stdin!.end();
    }
    return done(ok(unit));
  }),
  prim_process_stdout_read: ([p, n]) => {
    const len = asInt(n!);
    return io((w) => readChunk(processEntry(w, p!).stdout, len));
  },
  prim_process_stderr_read: ([p, n]) => {
    const len = asInt(n!);
    return io((w) => readChunk(processEntry(w, p!).stderr, len));
  },
};
