// scripts/bench.ts (npm run bench): compiles each bench/<name>.lcore, builds its hand-written Go twin, runs
// them alternately, checks both print the same answer and prints medians, ratios and peak RSS. Also reports
// the compile time of 50_HealthAgent per pass and its scaling with input size. Not a test: figures only.
//   npm run bench [-- --only NAME] [-- --runs N] [-- --json FILE] [-- --no-compile-time] [-- -O0]
// (-O0: the programs compiled without the optimizing passes, for the before/after table.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModule } from '../ir/core/load';
import { print } from '../ir/core/print';
import * as Core from '../ir/core/core';
import { renameGlobals } from '../properties/merge';

const root = resolve(import.meta.dirname, '..');
const goEnv = { ...process.env, PATH: `${process.env.PATH}:/usr/local/go/bin`, GOPROXY: 'off', GOFLAGS: '-mod=mod' };

interface Row {
  name: string; generated_ms: number; twin_ms: number; ratio: number; generated_rss_kb: number; twin_rss_kb: number;
  /** User + system CPU time: steadier than wall time on a loaded machine (but counts the GC's parallel work). */
  generated_cpu_ms: number; twin_cpu_ms: number;
}

function args() {
  const a = process.argv.slice(2);
  const get = (f: string) => { const i = a.indexOf(f); return i >= 0 ? a[i + 1] : undefined; };
  return { only: get('--only'), runs: Number(get('--runs') ?? 5), json: get('--json'), compileTime: !a.includes('--no-compile-time'), o0: a.includes('-O0') };
}

/** Runs a binary under /usr/bin/time, returning stdout, wall ms, CPU ms (user + system) and peak RSS in KiB. */
function measure(bin: string): { out: string; ms: number; cpuMs: number; rssKb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', bin], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [rss, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { out: r.stdout, ms, cpuMs: (user! + sys!) * 1000, rssKb: rss! };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

let optFlags: string[] = [];

function benchOne(name: string, runs: number): Row {
  const out = join(root, 'out', 'bench', name);
  mkdirSync(join(root, 'out', 'bench'), { recursive: true });
  execFileSync('node', [join(root, 'scripts/lunec-run.mjs'), 'compile', join(root, 'bench', `${name}.lcore`), '-o', out, ...optFlags], { stdio: 'inherit', cwd: root });
  const twin = join(root, 'out', 'bench', `${name}-twin`);
  execFileSync('go', ['build', '-o', twin, `./${name}`], { cwd: join(root, 'bench/twins'), env: goEnv, stdio: 'inherit' });
  const gen: ReturnType<typeof measure>[] = [];
  const tw: ReturnType<typeof measure>[] = [];
  for (let i = 0; i < runs; i++) {
    gen.push(measure(join(out, 'program')));
    tw.push(measure(twin));
  }
  const a = gen[0]!.out.trim(), b = tw[0]!.out.trim();
  if (a !== b) throw new Error(`${name}: generated program printed ${JSON.stringify(a)}, twin printed ${JSON.stringify(b)}`);
  const g = median(gen.map((x) => x.ms)), t = median(tw.map((x) => x.ms));
  return {
    name, generated_ms: g, twin_ms: t, ratio: g / t, generated_rss_kb: Math.max(...gen.map((x) => x.rssKb)), twin_rss_kb: Math.max(...tw.map((x) => x.rssKb)),
    generated_cpu_ms: median(gen.map((x) => x.cpuMs)), twin_cpu_ms: median(tw.map((x) => x.cpuMs)),
  };
}

/** `compile --emit-only --timings` of a module; returns the per-pass lines and the wall time. */
function compileTimings(file: string): { wallMs: number; cpuMs: number; lines: string } {
  const t0 = performance.now();
  // The bundled CLI, as `npm run compile` runs it (built beforehand, so no build is timed), under /usr/bin/time
  // for its CPU time (user + system), which a loaded machine inflates less than wall time.
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'node', join(root, 'scripts/lunec-run.mjs'), 'compile', file, '--emit-only', '--timings', '-o', join(root, 'out', 'bench', 'compile-time')], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(`compile of ${file} failed: ${r.stderr}`);
  const wallMs = performance.now() - t0;
  const lines = r.stderr.split('\n');
  const cpu = [...lines].reverse().find((l) => l.startsWith('cpu '))!.split(' ').slice(1).map(Number);
  return { wallMs, cpuMs: (cpu[0]! + cpu[1]!) * 1000, lines: lines.filter((l) => !l.startsWith('cpu ')).join('\n') };
}

/** A module k times as large: the declarations repeated under new names (main kept from the first copy). */
function scaled(m: Core.Module, k: number): Core.Module {
  const decls: Core.Decl[] = [];
  for (let i = 0; i < k; i++) decls.push(...renameGlobals(m, (n) => (i === 0 ? n : `Copy${i}.${n}`)).filter((d) => i === 0 || !d.name.endsWith('.main')));
  // Copies must be reachable to be compiled: main runs copy i's main as well (sequenced with $primIOBind).
  const main = decls.find((d) => d.name === `${m.name}.main`)!;
  let body: Core.Expr = main.body;
  for (let i = 1; i < k; i++) {
    const copy = renameGlobals(m, (n) => `Copy${i}.${n}`).find((d) => d.name === `Copy${i}.${m.name}.main`)!;
    decls.push(copy);
    body = Core.mk.apps(Core.mk.var('$primIOBind'), [body, Core.mk.lam([Core.mk.pwild()], Core.mk.var(copy.name))]);
  }
  return Core.mk.module(m.name, [...decls.filter((d) => d !== main), Core.mk.decl(main.name, body)]);
}

/**
 * The edit-compile loop: `npm run compile` (compile + go build) of 00_Hello after a change to the program, with
 * Go's build cache warm (a first build fills it). Medians of 5; each run changes the printed greeting.
 */
function warmBuild(): void {
  const hello = resolve(root, '../shared/lune-corpus/dumps/00_Hello.core');
  if (!existsSync(hello)) return;
  const text = print(loadModule(hello));
  if (!text.includes('"Hello, world!"')) throw new Error('00_Hello no longer prints "Hello, world!": update warmBuild');
  const times: number[] = [];
  for (let i = 0; i <= 5; i++) {
    const file = join(root, 'out', 'bench', 'hello-edit.lcore');
    writeFileSync(file, text.replace('"Hello, world!"', `"Hello, world! (edit ${i})"`));
    const t0 = performance.now();
    execFileSync('npm', ['run', '--silent', 'compile', '--', file, '-o', join(root, 'out', 'bench', 'hello-edit')], { cwd: root, stdio: 'ignore' });
    if (i > 0) times.push(performance.now() - t0); // run 0 only warms the cache
  }
  console.log(`
npm run compile (compile + go build) of 00_Hello after an edit, warm cache: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
}

function main(): void {
  const o = args();
  optFlags = o.o0 ? ['-O0'] : [];
  const names = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.lcore')).map((f) => f.replace(/\.lcore$/, ''))
    .filter((n) => o.only === undefined || n === o.only).sort();
  const rows: Row[] = [];
  for (const n of names) {
    if (!existsSync(join(root, 'bench/twins', n))) { console.error(`${n}: no twin in bench/twins/${n}, skipped`); continue; }
    rows.push(benchOne(n, o.runs));
  }
  console.log(`\n${'benchmark'.padEnd(12)} ${'generated ms'.padStart(13)} ${'twin ms'.padStart(9)} ${'ratio'.padStart(7)} ${'gen RSS KiB'.padStart(12)} ${'twin RSS KiB'.padStart(13)} ${'gen CPU ms'.padStart(11)} ${'twin CPU ms'.padStart(12)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(12)} ${r.generated_ms.toFixed(1).padStart(13)} ${r.twin_ms.toFixed(1).padStart(9)} ${r.ratio.toFixed(2).padStart(7)} ${String(r.generated_rss_kb).padStart(12)} ${String(r.twin_rss_kb).padStart(13)} ${r.generated_cpu_ms.toFixed(0).padStart(11)} ${r.twin_cpu_ms.toFixed(0).padStart(12)}`);
  }
  if (o.json) writeFileSync(o.json, JSON.stringify(rows, null, 1) + '\n');
  if (!o.compileTime) return;
  const health = resolve(root, '../shared/lune-corpus/dumps/50_HealthAgent.core');
  if (!existsSync(health)) { console.error('50_HealthAgent.core not found: compile-time figures skipped'); return; }
  console.log(`\ncompile --emit-only of 50_HealthAgent, per pass:`);
  const one = compileTimings(health);
  console.log(one.lines.trimEnd());
  console.log(`wall (including Node start-up): ${one.wallMs.toFixed(0)} ms, CPU ${one.cpuMs.toFixed(0)} ms`);
  warmBuild();
  const m = loadModule(health);
  const base: { wallMs: number; cpuMs: number }[] = [];
  for (const k of [1, 2, 4]) {
    const file = join(root, 'out', 'bench', `health-x${k}.lcore`);
    writeFileSync(file, print(scaled(m, k)));
    // Median of 3 (by CPU time) per size.
    const runs = [0, 1, 2].map(() => compileTimings(file)).sort((a, b) => a.cpuMs - b.cpuMs);
    const t = runs[1]!;
    base.push(t);
    console.log(`scaling ${k}x: ${t.wallMs.toFixed(0)} ms wall (${(t.wallMs / base[0]!.wallMs).toFixed(2)}x of 1x), ` +
      `${t.cpuMs.toFixed(0)} ms CPU (${(t.cpuMs / base[0]!.cpuMs).toFixed(2)}x of 1x)`);
  }
}

main();
