// scripts/golden.ts: golden files. For each golden/<case>/ holding in.lcore (or in.core): every stage's dump
// (renamed.txt, pattern-compiled.txt, anf.txt), main.go, and stdout.txt from building and running the program
// (stdin from stdin.txt when present); error.txt instead when compiling fails, or beside stdout.txt when the
// program exits non-zero. `--update` rewrites the files, `--only CASE` narrows the run, `--no-run` skips Go.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadModule } from '../ir/core/load';
import { CompileError, formatDiagnostic } from '../ir/shared/diagnostic';
import { goTarget } from '../ir/shared/prims';
import { compile, type StageName } from '../passes/pipeline';
import { emitModule } from '../emit/module';
import { writeModule } from '../emit/write';
import { goBuild } from '../emit/build';
import { gofmtDiff } from '../ir/goast/gofmt';

/** Which stage dumps become which golden files (the `core` input is the case itself). */
const dumpFiles: ReadonlyMap<StageName, string> = new Map([
  ['renamed', 'renamed.txt'], ['pattern-compiled', 'pattern-compiled.txt'], ['anf', 'anf.txt'], ['goast', 'main.go'],
]);
const outputFiles = ['renamed.txt', 'pattern-compiled.txt', 'anf.txt', 'main.go', 'stdout.txt', 'error.txt'];

interface Options { readonly update: boolean; readonly only: string[]; readonly run: boolean; readonly dir: string }

function parseArgs(argv: readonly string[]): Options {
  let update = false;
  let run = true;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--update') update = true;
    else if (a === '--no-run') run = false;
    else if (a === '--only' && i + 1 < argv.length) only.push(argv[++i]!);
    else throw new Error(`usage: golden.ts [--update] [--no-run] [--only CASE]…  (unknown argument ${a})`);
  }
  return { update, only, run, dir: fileURLToPath(new URL('../golden', import.meta.url)) };
}

/** The files a case should have, computed from its input; `module` is the Go module to build, if any. */
interface Produced { files: Map<string, string>; module: Map<string, string> | null }

function produce(caseDir: string, input: string): Produced {
  const files = new Map<string, string>();
  const rel = relative(process.cwd(), input);
  try {
    const m = loadModule(input);
    const r = compile(m, {
      target: goTarget,
      onStage: (name, printed) => {
        const f = dumpFiles.get(name);
        if (f !== undefined) files.set(f, ensureNewline(printed()));
      },
    });
    const main = files.get('main.go');
    if (r.file === null || main === undefined) throw new Error(`${caseDir}: the pipeline produced no Go file`);
    const fmt = gofmtDiff([main]);
    if (fmt !== '') throw new Error(`${caseDir}: main.go is not gofmt-clean:\n${fmt}`);
    return { files, module: emitModule(r.file) };
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const lines = [formatDiagnostic(rel, e.span, e.message), ...e.notes.map((n) => `  note: ${n}`)];
    return { files: new Map([['error.txt', lines.join('\n') + '\n']]), module: null };
  }
}

const ensureNewline = (s: string): string => (s.endsWith('\n') ? s : s + '\n');

// Builds and runs one module; adds stdout.txt (and error.txt for a non-zero exit).
async function runProgram(caseDir: string, p: Produced): Promise<void> {
  if (p.module === null) return;
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  try {
    writeModule(p.module, dir);
    const b = await goBuild(dir);
    if (!b.ok) throw new Error(`${caseDir}: go build failed:\n${b.stderr}`);
    const stdinFile = join(caseDir, 'stdin.txt');
    const r = spawnSync(join(dir, 'program'), [], {
      input: existsSync(stdinFile) ? readFileSync(stdinFile) : '', encoding: 'utf8', timeout: 20_000, env: { ...process.env, LUNE_TRACEBACK: '' },
    });
    p.files.set('stdout.txt', r.stdout);
    if (r.status !== 0) p.files.set('error.txt', `exit ${r.status ?? r.signal}\n${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The first differing line of two texts, for a short failure report.
function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n    want: ${JSON.stringify(a[i] ?? '<end of file>')}\n    got:  ${JSON.stringify(b[i] ?? '<end of file>')}`;
  }
  return 'identical';
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const all = existsSync(o.dir) ? readdirSync(o.dir).filter((c) => existsSync(join(o.dir, c, 'in.lcore')) || existsSync(join(o.dir, c, 'in.core'))).sort() : [];
  for (const c of o.only) if (!all.includes(c)) throw new Error(`no golden case ${c} (cases: ${all.join(', ') || 'none'})`);
  const cases = o.only.length > 0 ? all.filter((c) => o.only.includes(c)) : all;
  let failed = 0;
  const queue = [...cases];
  // Two cases at a time: go build is the slow part and already uses several cores.
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      // Not `failed += await …`: that reads `failed` before the await, so the other worker's failures were lost
      // (one failing case could end in "13/13 cases match", exit 0).
      const ok = await oneCase(o, c);
      if (!ok) failed++;
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`golden: ${cases.length - failed}/${cases.length} cases ${o.update ? 'written' : 'match'}${o.run ? '' : ' (Go not run)'}`);
  return failed === 0 ? 0 : 1;
}

async function oneCase(o: Options, c: string): Promise<boolean> {
  const caseDir = join(o.dir, c);
  const input = existsSync(join(caseDir, 'in.lcore')) ? join(caseDir, 'in.lcore') : join(caseDir, 'in.core');
  let p: Produced;
  try {
    p = produce(caseDir, input);
    if (o.run) await runProgram(caseDir, p);
  } catch (e) {
    console.log(`FAIL ${c}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  const checked = o.run ? outputFiles : outputFiles.filter((f) => f !== 'stdout.txt' && !(f === 'error.txt' && p.module !== null));
  if (o.update) {
    for (const f of checked) {
      const path = join(caseDir, f);
      const text = p.files.get(f);
      if (text !== undefined) writeFileSync(path, text);
      else rmSync(path, { force: true });
    }
    console.log(`wrote ${c}`);
    return true;
  }
  const problems: string[] = [];
  for (const f of checked) {
    const path = join(caseDir, f);
    const want = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const got = p.files.get(f);
    if (want === undefined && got !== undefined) problems.push(`${f}: missing (run with --update to create it)`);
    else if (want !== undefined && got === undefined) problems.push(`${f}: expected but not produced`);
    else if (want !== got) problems.push(`${f}: differs at ${firstDifference(want!, got!)}`);
  }
  if (problems.length === 0) return true;
  console.log(`FAIL ${c}:\n  ${problems.join('\n  ')}`);
  return false;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
