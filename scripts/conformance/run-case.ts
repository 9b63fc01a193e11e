// scripts/conformance/run-case.ts: runs one manifest case on one target (the evaluator, or Go: compile, then
// run the binary) in a fresh temporary directory, and judges the result by the case's kind.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkRefusal, compareExact, compareUnordered, dumpFacts, normalisationsFor, timingDependent } from './compare';
import { caseEnv, type Case } from './manifest';
import { Child, run, type RunResult } from './process';
import { echoSession, httpSession } from './server';

/** Where a case runs: a compiled Go binary or the reference evaluator. */
export type Target = 'go' | 'evaluator';
/** The verdict printed for a case. */
export type Status = 'pass' | 'fail' | 'skip';
/** A verdict and the reason shown next to it. */
export interface Outcome { readonly status: Status; readonly why: string }

export interface RunnerConfig {
  /** The corpus directory (holds manifest.json). */
  readonly dir: string;
  /** The repository root (holds scripts/lunec.ts and node_modules). */
  readonly repo: string;
  readonly target: Target;
  /** Deadline for running one program (the Go compile step gets `compileTimeoutMs`). */
  readonly timeoutMs: number;
  readonly compileTimeoutMs: number;
  /** Keep the temporary directories (for debugging). */
  readonly keep: boolean;
}

const pass = (why = ''): Outcome => ({ status: 'pass', why });
const fail = (why: string): Outcome => ({ status: 'fail', why });

/** Runs `c`; never throws (an unexpected problem is a failing outcome). */
export async function runCase(c: Case, cfg: RunnerConfig): Promise<Outcome> {
  if (c.kind === 'compile-only' && cfg.target === 'evaluator') return { status: 'skip', why: 'compile-only (interactive program): not run on the evaluator' };
  const work = mkdtempSync(join(tmpdir(), `lune-conf-${c.name}-`));
  try {
    return await runIn(c, cfg, work);
  } catch (e) {
    return fail(`runner error: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (!cfg.keep) rmSync(work, { recursive: true, force: true });
  }
}

async function runIn(c: Case, cfg: RunnerConfig, work: string): Promise<Outcome> {
  const dump = resolve(cfg.dir, c.dump);
  const dumpText = readFileSync(dump, 'utf8');
  const cwd = join(work, 'cwd');
  mkdirSync(cwd);
  copyFixtures(dumpText, cfg.dir, cwd);
  const env = { ...process.env, PATH: withGo(process.env.PATH ?? ''), ...caseEnv(c, cfg.dir) };
  const tsx = join(cfg.repo, 'node_modules', '.bin', 'tsx');
  const lunec = join(cfg.repo, 'scripts', 'lunec.ts');

  // The command that runs the program, after the Go target's compile step.
  let cmd: string;
  let args: string[];
  if (cfg.target === 'evaluator') {
    cmd = tsx;
    args = [lunec, 'eval', dump];
  } else {
    const out = join(work, 'build');
    const built = await run(tsx, [lunec, 'compile', dump, '-o', out], { cwd: cfg.repo, env, timeoutMs: cfg.compileTimeoutMs });
    if (built.timedOut) return fail(`compile timed out after ${cfg.compileTimeoutMs / 1000} s`);
    if (isRefusal(c.kind)) {
      if (built.exitCode !== 0) return judgeRefusal(c.kind, built, dumpText, 'compile');
    } else if (built.exitCode !== 0) {
      return fail(`compile failed (exit ${built.exitCode}): ${firstLine(built.stderr)}`);
    }
    cmd = join(out, 'program');
    args = [];
    if (!existsSync(cmd)) return fail(`compile exited 0 but wrote no ${cmd}`);
    if (c.kind === 'compile-only') return pass();
  }

  if (c.kind === 'server') return serve(c, cmd, args, cwd, env, cfg);
  const r = await run(cmd, args, { cwd, env, timeoutMs: cfg.timeoutMs });
  if (r.timedOut) return fail(`timed out after ${cfg.timeoutMs / 1000} s`);
  if (isRefusal(c.kind)) return judgeRefusal(c.kind, r, dumpText, 'run');
  if (c.expected === undefined) return fail('the manifest gives no expected output for this case');
  const expected = readFileSync(resolve(cfg.dir, c.expected), 'utf8');
  const why = c.kind === 'unordered'
    ? compareUnordered(r.stdout, expected, normalisationsFor(c), timingDependent(c))
    : compareExact(r.stdout, expected, normalisationsFor(c));
  if (why !== undefined) return fail(`stdout ${why}${r.exitCode !== 0 ? ` (exit ${r.exitCode}: ${firstLine(r.stderr)})` : ''}`);
  if (r.exitCode !== 0) return fail(`stdout matches but exit ${r.exitCode}: ${firstLine(r.stderr)}`);
  return pass();
}

const isRefusal = (k: Case['kind']): k is 'no-main' | 'frontend-error' | 'ffi' => k === 'no-main' || k === 'frontend-error' || k === 'ffi';

function judgeRefusal(kind: 'no-main' | 'frontend-error' | 'ffi', r: RunResult, dumpText: string, step: string): Outcome {
  const why = checkRefusal(kind, r.exitCode, r.stderr, dumpFacts(dumpText));
  return why === undefined ? pass(`refused at ${step}: ${firstLine(r.stderr)}`) : fail(`${step}: ${why}`);
}

async function serve(c: Case, cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, cfg: RunnerConfig): Promise<Outcome> {
  const server = new Child(cmd, args, { cwd, env });
  const startMs = cfg.timeoutMs;
  const http = /Lune\.Http\./.test(readFileSync(resolve(cfg.dir, c.dump), 'utf8'));
  const why = http ? await httpSession(server, startMs) : await echoSession(server, startMs);
  server.kill();
  await server.done;
  if (why === undefined) return pass(http ? 'HTTP: /health, /users/123, POST /users, 404' : 'echo session');
  const err = firstLine(server.stderr);
  return fail(err === '' ? why : `${why} (server stderr: ${err})`);
}

/**
 * Copies into the working directory every corpus file the program names by a relative path in a string
 * literal (14_File_Read reads "README.md" from its working directory).
 */
function copyFixtures(dumpText: string, dir: string, cwd: string): void {
  for (const m of dumpText.matchAll(/CString "([\w.-]+(?:\/[\w.-]+)*)"/g)) {
    const rel = m[1]!;
    if (rel.startsWith('.') || rel === 'manifest.json') continue;
    const from = join(dir, rel);
    if (existsSync(from) && statSync(from).isFile()) {
      mkdirSync(dirname(join(cwd, rel)), { recursive: true });
      copyFileSync(from, join(cwd, rel));
    }
  }
}

/** The PATH with the Go toolchain's usual directory appended (the compile step runs `go build`). */
function withGo(path: string): string {
  const goBin = '/usr/local/go/bin';
  return existsSync(goBin) && !path.split(':').includes(goBin) ? `${path}:${goBin}` : path;
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.slice(0, 300) ?? '';
}
