// scripts/load.ts (npm run load; not part of npm test): servers under load on 127.0.0.1:8080. Part echo compiles
// examples/echo-concurrent.lcore and runs 1,000 connections × 100 request/reply messages; part http compiles the
// corpus's 18_Api_Server and sends 20,000 requests (one per connection) from 1,000 concurrent clients. Each part
// prints connections, messages/requests, failures, p50/p99 latency, throughput and the server's peak RSS.
// usage: load [--only echo|http] [--connections N] [--messages N] [--requests N] [--corpus DIR]
// Exit 1 if anything failed or was lost (every reply must be intact); every wait has a deadline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkHttpResponse } from './conformance/server';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = '127.0.0.1';
const port = 8080;
/** One message or request (connect, send, whole reply) may take this long before it counts as failed. */
const opTimeoutMs = 30_000;
/** A whole part (all clients) must finish within this; whatever is still running then fails. */
const partTimeoutMs = 240_000;
/** The whole script ends by then whatever happens (compiles included). */
const overallTimeoutMs = 15 * 60_000;

interface Options {
  only?: 'echo' | 'http';
  connections: number;
  messages: number;
  requests: number;
  corpus: string;
}

/** The nearest-rank percentile (p in 0–100) of ascending-sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** What one part measured. */
export interface PartResult {
  readonly title: string;
  readonly connections: number;
  readonly unit: 'messages' | 'requests';
  readonly attempted: number;
  readonly failures: number;
  readonly latenciesMs: readonly number[]; // of the exchanges that succeeded
  readonly elapsedMs: number;
  readonly peakRssKiB: number | undefined;
  readonly serverCpuMs: number | undefined; // user + system time the server spent during the load
  readonly clientCpuMs: number; // the same for this script (the load generator), to see which side was the limit
  readonly reasons: readonly string[]; // the first few failures, for the report
}

/** The report lines of one part, in a fixed format (figures rounded for reading, not for parsing). */
export function formatPart(r: PartResult): string[] {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const ms = (x: number): string => (Number.isNaN(x) ? '-' : `${x.toFixed(2)} ms`);
  const perS = r.elapsedMs > 0 ? Math.round(((r.attempted - r.failures) * 1000) / r.elapsedMs) : 0;
  const rss = r.peakRssKiB === undefined ? 'unknown' : `${(r.peakRssKiB / 1024).toFixed(1)} MiB (VmHWM)`;
  return [
    r.title,
    `  connections     ${r.connections}`,
    `  ${r.unit.padEnd(15)} ${r.attempted}`,
    `  failures        ${r.failures}`,
    `  latency         p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? NaN)}`,
    `  throughput      ${perS} ${r.unit}/s (${(r.elapsedMs / 1000).toFixed(2)} s)`,
    `  server peak RSS ${rss}`,
    `  server CPU      ${cpu(r.serverCpuMs, r.elapsedMs)}`,
    `  client CPU      ${cpu(r.clientCpuMs, r.elapsedMs)}`,
    ...r.reasons.map((w) => `  failed: ${w}`),
  ];
}

const cpu = (ms: number | undefined, elapsedMs: number): string =>
  ms === undefined ? 'unknown' : `${(ms / 1000).toFixed(2)} s (${Math.round((100 * ms) / Math.max(1, elapsedMs))}% of one core)`;

/** The text client c sends as its i-th message: distinct per message, with multi-byte UTF-8 and varying length. */
export function echoMessage(c: number, i: number): string {
  return `client ${c} message ${i} héllo wörld ✓ ${'x'.repeat((c * 7 + i * 13) % 200)}`;
}

/** One HTTP exchange of the mix: the request text and the status line and body the server must answer with. */
export interface HttpCase {
  readonly request: string;
  readonly status: string;
  readonly body: string;
}

const postBody = '{"name":"Bob"}';
/** The route mix of part http (the routes of 18_Api_Server, plus one it does not have). */
export const httpMix: readonly HttpCase[] = [
  { request: `GET /health HTTP/1.1\r\nHost: ${host}\r\n\r\n`, status: 'HTTP/1.1 200 OK', body: '{"status":"ok"}' },
  { request: `GET /users/123 HTTP/1.1\r\nHost: ${host}\r\n\r\n`, status: 'HTTP/1.1 200 OK', body: '{"id":123,"name":"Alice"}' },
  {
    request: `POST /users HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${postBody.length}\r\n\r\n${postBody}`,
    status: 'HTTP/1.1 201 Created', body: '{"id":456,"name":"Created"}',
  },
  { request: `GET /nowhere HTTP/1.1\r\nHost: ${host}\r\n\r\n`, status: 'HTTP/1.1 404 Not Found', body: '{"error":"Not Found"}' },
];

// ---------------------------------------------------------------------------------------------------------------

/** A client connection that collects what it receives and lets callers wait for a condition on it. */
class Conn {
  private chunks: Buffer[] = [];
  bytes = 0;
  ended = false; // the peer closed its side
  closed = false;
  error: string | undefined;
  private wake: (() => void) | undefined;
  constructor(readonly sock: Socket) {
    sock.setNoDelay(true);
    sock.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.bytes += b.length;
      this.poke();
    });
    sock.on('end', () => { this.ended = true; this.poke(); });
    sock.on('close', () => { this.closed = true; this.poke(); });
    sock.on('error', (e) => { this.error ??= e.message; this.poke(); });
  }
  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
  /** Everything received so far, and forget it. */
  take(): Buffer {
    const all = Buffer.concat(this.chunks);
    this.chunks = [];
    this.bytes = 0;
    return all;
  }
  /** Waits until ready() holds (true), or the connection failed or the deadline passed (false). */
  async until(ready: () => boolean, deadline: number): Promise<boolean> {
    while (!ready()) {
      if (this.closed || this.error !== undefined) return ready();
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.wake = () => { clearTimeout(t); res(); };
      });
    }
    return true;
  }
}

/** Opens a connection, or gives why it could not (refused, reset, timed out). */
function open(deadline: number): Promise<Conn | string> {
  return new Promise((res) => {
    const sock = connect({ host, port });
    const t = setTimeout(() => { sock.destroy(); res('connect timed out'); }, Math.max(0, deadline - Date.now()));
    sock.once('connect', () => { clearTimeout(t); res(new Conn(sock)); });
    sock.once('error', (e) => { clearTimeout(t); sock.destroy(); res(`connect: ${e.message}`); });
  });
}

/** Counts failures and keeps the first few reasons. */
class Tally {
  failures = 0;
  readonly reasons: string[] = [];
  readonly latencies: number[] = [];
  fail(n: number, why: string): void {
    this.failures += n;
    if (this.reasons.length < 5) this.reasons.push(why);
  }
}

/** Part echo's client c: 100 messages, each sent only after the previous echo arrived whole, then a clean close. */
async function echoClient(c: number, messages: number, partDeadline: number, t: Tally): Promise<void> {
  const conn = await open(Math.min(partDeadline, Date.now() + opTimeoutMs));
  if (typeof conn === 'string') return t.fail(messages, `client ${c}: ${conn}`);
  try {
    for (let i = 0; i < messages; i++) {
      const msg = echoMessage(c, i);
      const want = Buffer.from(`Echo: ${msg}`, 'utf8');
      const t0 = performance.now();
      conn.sock.write(msg);
      const ok = await conn.until(() => conn.bytes >= want.length, Math.min(partDeadline, Date.now() + opTimeoutMs));
      const got = conn.take();
      if (!ok || !got.equals(want)) {
        const what = ok ? `got ${JSON.stringify(got.toString('utf8').slice(0, 80))}` : (conn.error ?? (conn.ended ? 'server closed the connection' : 'timed out'));
        // The stream is out of step now: this message and every later one of this client are lost.
        return t.fail(messages - i, `client ${c} message ${i}: expected ${JSON.stringify(want.toString('utf8').slice(0, 80))}, ${what}`);
      }
      t.latencies.push(performance.now() - t0);
    }
    conn.sock.end();
    if (!(await conn.until(() => conn.ended, Math.min(partDeadline, Date.now() + opTimeoutMs)))) {
      t.fail(1, `client ${c}: the server did not close the connection after the client hung up`);
    } else if (conn.bytes > 0) {
      t.fail(1, `client ${c}: unexpected bytes after the last echo: ${JSON.stringify(conn.take().toString('utf8').slice(0, 80))}`);
    }
  } finally {
    conn.sock.destroy();
  }
}

/** Part http's client c: its share of the requests, one connection each, the response read until the server closes. */
async function httpClient(c: number, count: number, clients: number, partDeadline: number, t: Tally): Promise<void> {
  for (let j = 0; j < count; j++) {
    const x = httpMix[(c + j * clients) % httpMix.length]!;
    const what = `client ${c} request ${j} (${x.request.split('\r\n')[0]})`;
    const t0 = performance.now();
    const deadline = Math.min(partDeadline, Date.now() + opTimeoutMs);
    const conn = await open(deadline);
    if (typeof conn === 'string') {
      t.fail(1, `${what}: ${conn}`);
      continue;
    }
    try {
      conn.sock.end(x.request); // one write: the server reads the request with a single recv
      if (!(await conn.until(() => conn.ended, deadline))) {
        t.fail(1, `${what}: ${conn.error ?? 'no complete response before the deadline'}`);
        continue;
      }
      const why = checkHttpResponse(conn.take().toString('utf8'), x);
      if (why !== undefined) t.fail(1, `${what}: ${why}`);
      else t.latencies.push(performance.now() - t0);
    } finally {
      conn.sock.destroy();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** A started server binary, in its own process group so that stopping it cannot miss a child. */
class Server {
  private out = '';
  private err = '';
  exited: string | undefined;
  readonly done: Promise<void>;
  private readonly proc: ChildProcess;
  constructor(binary: string) {
    this.proc = spawn(binary, [], { cwd: dirname(binary), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (s: string, b: Buffer): string => (s.length < 65536 ? s + b.toString('utf8') : s);
    this.proc.stdout!.on('data', (b: Buffer) => (this.out = keep(this.out, b)));
    this.proc.stderr!.on('data', (b: Buffer) => (this.err = keep(this.err, b)));
    this.done = new Promise((res) => {
      this.proc.on('error', (e) => { this.exited = `could not start: ${e.message}`; res(); });
      this.proc.on('close', (code, sig) => { this.exited ??= `exited (${sig ?? `code ${code}`})`; res(); });
    });
  }
  /** What the server printed, for error messages. */
  get output(): string { return `${this.out}${this.err}`.trim().split('\n').slice(0, 5).join(' | '); }
  /** The peak resident set size so far (VmHWM, KiB); undefined once the process is gone. */
  peakRssKiB(): number | undefined {
    try {
      const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) : undefined;
    } catch {
      return undefined;
    }
  }
  /** User + system CPU time so far (ms; /proc/PID/stat counts in USER_HZ = 100 ticks per second on Linux). */
  cpuMs(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }
  /** Kills the process group (only the server this script started) and waits for it to go. */
  async stop(): Promise<void> {
    if (this.exited === undefined && this.proc.pid !== undefined) {
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    await this.done;
  }
}

const servers = new Set<Server>();

/** Waits until the server accepts a connection (a probe that sends nothing, which both servers tolerate). */
async function waitUntilListening(s: Server, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (s.exited !== undefined) throw new Error(`the server ${s.exited} before listening on port ${port}: ${s.output}`);
    const probe = await open(Math.min(deadline, Date.now() + 1000));
    if (typeof probe !== 'string') {
      probe.sock.destroy();
      return;
    }
    if (Date.now() > deadline) throw new Error(`nothing listened on ${host}:${port} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fails clearly when port 8080 is taken: the load would hit some other server. */
async function ensurePortFree(): Promise<void> {
  const probe = await open(Date.now() + 1000);
  if (typeof probe === 'string') return;
  probe.sock.destroy();
  throw new Error(`something already listens on ${host}:${port}; stop it first (server cases share that port)`);
}

/** Compiles a program with the CLI into out/load/<name>; gives the binary's path. */
function compile(file: string, name: string): string {
  const outDir = join(repo, 'out', 'load', name);
  const path = process.env.PATH?.split(':').includes('/usr/local/go/bin') ? process.env.PATH : `${process.env.PATH}:/usr/local/go/bin`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'lunec.ts'), 'compile', file, '-o', outDir],
    { cwd: repo, env: { ...process.env, PATH: path }, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`compiling ${file} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().slice(0, 500)}`);
  return join(outDir, 'program');
}

/**
 * Makes sure this process may hold `need` descriptors (the 1,000 client sockets). The soft limit is raised with
 * prlimit when the hard limit allows it; the server needs nothing here, since Go raises its own soft limit to the
 * hard limit at start-up.
 */
function ensureFdLimit(need: number): void {
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  if (m === null) return;
  const soft = m[1] === 'unlimited' ? Infinity : Number(m[1]);
  const hard = m[2] === 'unlimited' ? Infinity : Number(m[2]);
  if (soft >= need) return;
  if (hard < need) throw new Error(`the open-file limit is ${hard} (hard); the load needs about ${need}: raise it (ulimit -Hn, as root) and retry`);
  const r = spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${need}:${m[2]}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not raise the open-file limit from ${soft} to ${need} (${(r.stderr || r.error?.message || '').trim()}); run \`ulimit -n ${need}\` first`);
}

/** Runs one part: starts the server, runs the clients under the part deadline, reads the peak RSS, stops it. */
async function runPart(title: string, binary: string, unit: PartResult['unit'], connections: number, attempted: number,
  clients: (deadline: number, t: Tally) => Promise<void>[]): Promise<PartResult> {
  const server = new Server(binary);
  servers.add(server);
  try {
    await waitUntilListening(server, 30_000);
    const t = new Tally();
    const cpu0 = server.cpuMs();
    const clientCpu0 = process.cpuUsage();
    const t0 = performance.now();
    const deadline = Date.now() + partTimeoutMs;
    await Promise.all(clients(deadline, t));
    const elapsedMs = performance.now() - t0;
    const cpu1 = server.cpuMs();
    const clientCpu = process.cpuUsage(clientCpu0);
    const counted = t.failures + t.latencies.length;
    if (counted !== attempted) t.fail(attempted - counted, `${attempted - counted} ${unit} unaccounted for`);
    if (server.exited !== undefined) t.fail(1, `the server ${server.exited} during the load: ${server.output}`);
    return { title, connections, unit, attempted, failures: t.failures, latenciesMs: t.latencies, elapsedMs,
      peakRssKiB: server.peakRssKiB(), serverCpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0,
      clientCpuMs: (clientCpu.user + clientCpu.system) / 1000, reasons: t.reasons };
  } finally {
    await server.stop();
    servers.delete(server);
  }
}

function parseArgs(argv: string[]): Options {
  const o: Options = { connections: 1000, messages: 100, requests: 20_000, corpus: join(repo, '..', 'shared', 'lune-corpus') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number`);
      return n;
    };
    if (a === '--only') {
      const v = value();
      if (v !== 'echo' && v !== 'http') throw new Error('--only takes echo or http');
      o.only = v;
    } else if (a === '--connections') o.connections = count();
    else if (a === '--messages') o.messages = count();
    else if (a === '--requests') o.requests = count();
    else if (a === '--corpus') o.corpus = resolve(value());
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  ensureFdLimit(o.connections + 256);
  await ensurePortFree();
  const results: PartResult[] = [];
  if (o.only !== 'http') {
    const binary = compile(join(repo, 'examples', 'echo-concurrent.lcore'), 'echo-concurrent');
    results.push(await runPart('echo: examples/echo-concurrent.lcore', binary, 'messages', o.connections, o.connections * o.messages,
      (deadline, t) => Array.from({ length: o.connections }, (_, c) => echoClient(c, o.messages, deadline, t))));
    console.log(formatPart(results.at(-1)!).join('\n'));
  }
  if (o.only !== 'echo') {
    const binary = compile(join(o.corpus, 'dumps', '18_Api_Server.core'), '18_Api_Server');
    const share = (c: number): number => Math.floor(o.requests / o.connections) + (c < o.requests % o.connections ? 1 : 0);
    results.push(await runPart('http: 18_Api_Server (GET /health, GET /users/123, POST /users, GET /nowhere)', binary, 'requests',
      Math.min(o.connections, o.requests), o.requests,
      (deadline, t) => Array.from({ length: Math.min(o.connections, o.requests) }, (_, c) => httpClient(c, share(c), o.connections, deadline, t))));
    console.log(formatPart(results.at(-1)!).join('\n'));
  }
  const failed = results.reduce((n, r) => n + r.failures, 0);
  console.log(failed === 0 ? 'load: all exchanges intact' : `load: ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const watchdog = setTimeout(() => {
    console.error(`load: gave up after ${overallTimeoutMs / 60_000} minutes`);
    void Promise.all([...servers].map((s) => s.stop())).then(() => process.exit(1));
  }, overallTimeoutMs);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => void Promise.all([...servers].map((s) => s.stop())).then(() => process.exit(130)));
  }
  main(process.argv.slice(2)).then(
    (code) => { clearTimeout(watchdog); process.exit(code); },
    (e: unknown) => {
      console.error(`load: ${e instanceof Error ? e.message : String(e)}`);
      void Promise.all([...servers].map((s) => s.stop())).then(() => process.exit(1));
    },
  );
}
