// scripts/conformance/process.ts: runs a child process with a deadline and captures its output. Each child
// leads its own process group, so a timeout also ends whatever it started (tsx starts a second node).
import { spawn, type ChildProcess } from 'node:child_process';

/** How a finished child ended and what it printed. */
export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Where and how long a child may run, and what it reads on stdin. */
export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly stdin?: string;
}

/** Output past this many bytes is dropped (a runaway program must not exhaust the runner's memory). */
const maxOutput = 16 << 20;

/** Children still running, so an interrupted run can end them (they lead their own process groups). */
const live = new Set<Child>();
let handlersInstalled = false;
function endAllOnInterrupt(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const c of live) c.kill();
      process.exit(130);
    });
  }
}

/** A started child whose output is being collected. */
export class Child {
  private readonly out: Buffer[] = [];
  private readonly err: Buffer[] = [];
  private outBytes = 0;
  private errBytes = 0;
  readonly done: Promise<{ exitCode: number }>;
  private readonly proc: ChildProcess;

  constructor(cmd: string, args: readonly string[], o: Omit<RunOptions, 'timeoutMs'>) {
    const t0 = performance.now();
    this.proc = spawn(cmd, args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    endAllOnInterrupt();
    live.add(this);
    this.proc.stdout!.on('data', (b: Buffer) => {
      if ((this.outBytes += b.length) <= maxOutput) this.out.push(b);
    });
    this.proc.stderr!.on('data', (b: Buffer) => {
      if ((this.errBytes += b.length) <= maxOutput) this.err.push(b);
    });
    this.proc.stdin!.on('error', () => { /* the child may exit without reading its input */ });
    this.proc.stdin!.end(o.stdin ?? '');
    this.done = new Promise((res) => {
      this.proc.on('error', (e) => {
        live.delete(this);
        this.err.push(Buffer.from(`cannot start ${cmd}: ${e.message}\n`));
        res({ exitCode: 127 });
      });
      this.proc.on('close', (code, signal) => {
        live.delete(this);
        this.ms = performance.now() - t0;
        res({ exitCode: code ?? (signal !== null ? 128 + signalNumber(signal) : 1) });
      });
    });
  }

  ms = 0;
  get stdout(): string { return Buffer.concat(this.out).toString('utf8'); }
  get stderr(): string { return Buffer.concat(this.err).toString('utf8'); }

  /** Ends the child's whole process group (only processes this runner started). */
  kill(): void {
    const pid = this.proc.pid;
    if (pid === undefined || this.proc.exitCode !== null) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Runs to completion or to the deadline (then kills it: `timedOut`). */
export async function run(cmd: string, args: readonly string[], o: RunOptions): Promise<RunResult> {
  const c = new Child(cmd, args, o);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    c.kill();
  }, o.timeoutMs);
  const { exitCode } = await c.done;
  clearTimeout(timer);
  return { exitCode, stdout: c.stdout, stderr: c.stderr, timedOut, ms: c.ms };
}

function signalNumber(s: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 } as Record<string, number>)[s] ?? 0;
}
