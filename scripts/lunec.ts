// scripts/lunec.ts: the command line. `compile` runs the pipeline and go build; `eval` runs the evaluator.
// Exit codes: 0 ok, 1 error in the program (Lune runtime error, no main), 2 bad input or usage.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { isMainThread, parentPort } from 'node:worker_threads';
import { loadModule } from '../ir/core/load';
import { withEntry } from '../ir/core/entry';
import { runMain } from '../ir/core/eval';
import { CompileError, InternalError, NoMainError, formatDiagnostic } from '../ir/shared/diagnostic';
import { goTarget } from '../ir/shared/prims';
import { compile, stages } from '../passes/pipeline';
import { emitModule } from '../emit/module';
import { writeModule } from '../emit/write';
import { goBuild } from '../emit/build';
import { launch } from './lunec-launch.mjs';

const usage = `lune-go: compile Lune Core to a native Go binary

usage:
  lunec compile FILE [-o DIR] [--run] [--emit-only] [-O0] [--dump STAGE|all] [--stop-after STAGE] [--spans] [--timings]
  lunec eval FILE            run FILE on the reference evaluator
  lunec --help

FILE is a \`lune --core\` dump (.core) or a readable-Core file (.lcore).
  -o DIR            write the Go module (and the binary DIR/program) to DIR (default: out/<name>)
  --run             run the binary after building it (with no -o, in a temporary directory)
  --emit-only       write the Go module, do not run go build
  -O0               no optimizing passes (anf-dicts, anf-simplified and anf-fused are then the identity; no unboxed workers,
                    no loops for tail calls, tail contexts, list cursors or string accumulators)
  --dump STAGE      print a stage's IR to stdout (stages: ${stages.map((s) => s.name).join(', ')}, or all)
  --stop-after STAGE  stop the pipeline after STAGE (implies no Go output)
  --spans           include source spans in dumps
  --timings         print the time of each pass and of go build on stderr
Exit codes: 0 ok, 1 error in the program (runtime error, no main), 2 bad input or usage.`;

interface Options {
  command: 'compile' | 'eval';
  file: string;
  out?: string;
  run: boolean;
  emitOnly: boolean;
  dump?: string;
  stopAfter?: string;
  spans: boolean;
  timings: boolean;
  optimize: boolean;
  programArgs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const o: Options = { command: 'compile', file: '', run: false, emitOnly: false, spans: false, timings: false, optimize: true, programArgs: [] };
  const args = [...argv];
  if (args[0] === 'compile' || args[0] === 'eval') o.command = args.shift() as 'compile' | 'eval';
  const stageNames = new Set<string>(stages.map((s) => s.name));
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '-o') o.out = value(a);
    else if (a === '--run') o.run = true;
    else if (a === '--emit-only') o.emitOnly = true;
    else if (a === '--spans') o.spans = true;
    else if (a === '--timings') o.timings = true;
    else if (a === '-O0') o.optimize = false;
    else if (a === '--dump') o.dump = value(a);
    else if (a === '--stop-after') o.stopAfter = value(a);
    else if (a === '--') o.programArgs = args.splice(0);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (o.file === '') o.file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (o.file === '') throw new UsageError('no input file');
  for (const s of [o.dump, o.stopAfter]) {
    if (s !== undefined && s !== 'all' && !stageNames.has(s)) throw new UsageError(`unknown stage ${s} (stages: ${[...stageNames].join(', ')})`);
  }
  return o;
}

async function main(argv: string[]): Promise<number> {
  let o: Options | 'help';
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`lunec: error: ${e.message}\n(run lunec --help for usage)\n`);
      return 2;
    }
    throw e;
  }
  if (o === 'help') {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const opts = o;
  try {
    const t0 = performance.now();
    const m = withEntry(loadModule(opts.file));
    const readMs = performance.now() - t0;
    return opts.command === 'eval' ? await evaluate(m, opts) : await compileFile(m, opts, readMs);
  } catch (e) {
    return report(e, opts.file);
  }
}

/** Prints an error the way a user should see it and returns the exit code. */
function report(e: unknown, file: string): number {
  if (e instanceof CompileError) {
    process.stderr.write(formatDiagnostic(file, e.span, e.message) + '\n');
    for (const n of e.notes) process.stderr.write(`  note: ${n}\n`);
    return e instanceof NoMainError ? 1 : 2;
  }
  if (e instanceof InternalError) {
    process.stderr.write(`${file}: ${e.message}\n(this is a bug in lune-go; please report it with the input file)\n`);
    return 70;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${file}: internal error: ${msg}\n(this is a bug in lune-go; please report it with the input file)\n`);
  if (process.env.LUNEC_DEBUG) console.error(e);
  return 70;
}

async function evaluate(m: Awaited<ReturnType<typeof loadModule>>, _o: Options): Promise<number> {
  const out: string[] = [];
  let pending = 0;
  const flush = () => {
    if (out.length > 0) process.stdout.write(out.splice(0).join(''));
    pending = 0;
  };
  const r = await runMain(m, {
    stdout: (t) => {
      out.push(t);
      pending += t.length;
      if (pending > 1 << 16) flush();
    },
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  });
  flush();
  if (r.exitCode !== 0) process.stderr.write(`error: ${r.error ?? 'unknown error'}\n`);
  return r.exitCode;
}

async function compileFile(m: Awaited<ReturnType<typeof loadModule>>, o: Options, readMs: number): Promise<number> {
  const timings: [string, number][] = [['read', readMs]];
  const stopAfter = o.stopAfter ?? (o.dump !== undefined && o.dump !== 'all' && !o.run && o.out === undefined ? o.dump : undefined);
  const result = compile(m, {
    target: goTarget,
    optimize: o.optimize,
    stopAfter,
    spans: o.spans,
    onWarning: (d) => process.stderr.write(formatDiagnostic(o.file, d.span, d.message, 'warning') + '\n'),
    onStage: (name, printed, ms) => {
      timings.push([name, ms]);
      if (o.dump === name || o.dump === 'all') {
        if (o.dump === 'all') process.stdout.write(`==== ${name} ====\n`);
        process.stdout.write(printed());
        if (!printed().endsWith('\n')) process.stdout.write('\n');
      }
    },
  });
  const showTimings = () => {
    if (o.timings) for (const [n, ms] of timings) process.stderr.write(`${n.padEnd(18)} ${ms.toFixed(1).padStart(8)} ms\n`);
  };
  if (result.file === null || stopAfter !== undefined) {
    showTimings();
    return 0;
  }
  const temp = o.out === undefined && o.run ? mkdtempSync(join(tmpdir(), 'lunec-')) : undefined;
  const outDir = resolve(o.out ?? temp ?? join('out', basename(o.file).replace(/\.[^.]*$/, '')));
  try {
    const t0 = performance.now();
    const files = emitModule(result.file);
    writeModule(files, outDir);
    timings.push(['emit', performance.now() - t0]);
    if (o.emitOnly) {
      showTimings();
      return 0;
    }
    const b = await goBuild(outDir);
    timings.push(['go build', b.ms]);
    showTimings();
    if (!b.ok) {
      process.stderr.write(`${o.file}: internal error: go build failed for the generated module in ${outDir}:\n${b.stderr}`);
      return 70;
    }
    if (!o.run) return 0;
    const r = spawnSync(join(outDir, 'program'), o.programArgs, { stdio: 'inherit' });
    return r.status ?? 1;
  } finally {
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  }
}

/** Defined (true) only in the esbuild bundle. */
declare const LUNEC_BUNDLED: boolean | undefined;

// The CLI runs in a worker thread with a large stack (scripts/lunec-launch.mjs). Bundled (dist/lunec.mjs, see
// scripts/build-cli.mjs), the worker runs this same file; otherwise a tiny entry that registers tsx first.
if (isMainThread) {
  launch(typeof LUNEC_BUNDLED !== 'undefined' ? new URL(import.meta.url) : new URL('./lunec-worker.mjs', import.meta.url));
} else {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => process.exit(report(e, process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '')),
  );
}

/** Called by the evaluator's stdin reader (ir/core/eval/stdin.ts) before it first reads. */
export const requestStdin = (): void => parentPort?.postMessage('lunec:stdin');
