// scripts/conformance.ts (npm run conformance): runs the corpus's cases through the CLI on the Go target (or the
// evaluator) and prints `NAME  KIND  pass|fail|skip  why` per case, then `N passed, M failed, K skipped`.
// usage: conformance [--evaluator] [--only NAME[,NAME…]] [--ratchet FILE] [--update-ratchet] [--jobs N]
//                    [--timeout SECONDS] [--keep] DIR
// Exit 1 when a case failed; with --ratchet, only when a case listed in the ratchet file did not pass.
import { resolve } from 'node:path';
import { loadManifest, type Case } from './conformance/manifest';
import { addToRatchet, judgeRatchet, readRatchet } from './conformance/ratchet';
import { runCase, type Outcome, type RunnerConfig } from './conformance/run-case';

interface Options {
  evaluator: boolean;
  only?: Set<string>;
  ratchet?: string;
  updateRatchet: boolean;
  jobs: number;
  timeoutS: number;
  keep: boolean;
  dir?: string;
}

const usage = 'usage: conformance [--evaluator] [--only NAME[,NAME…]] [--ratchet FILE] [--update-ratchet] [--jobs N] [--timeout SECONDS] [--keep] DIR';

function parseArgs(argv: string[]): Options {
  const o: Options = { evaluator: false, updateRatchet: false, jobs: 2, timeoutS: 60, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--evaluator') o.evaluator = true;
    else if (a === '--only') o.only = new Set([...(o.only ?? []), ...value().split(',')]);
    else if (a === '--ratchet') o.ratchet = value();
    else if (a === '--update-ratchet') o.updateRatchet = true;
    else if (a === '--jobs') o.jobs = Math.max(1, Number(value()) || 1);
    else if (a === '--timeout') o.timeoutS = Number(value()) || 60;
    else if (a === '--keep') o.keep = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (o.dir === undefined) o.dir = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (o.updateRatchet && o.ratchet === undefined) throw new Error('--update-ratchet needs --ratchet FILE');
  return o;
}

/** A lock: server cases share port 8080, so they run one at a time. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async with<T>(f: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await prev;
    try {
      return await f();
    } finally {
      release();
    }
  }
}

async function main(argv: string[]): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`conformance: ${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  const dir = resolve(o.dir ?? new URL('../../shared/lune-corpus', import.meta.url).pathname);
  let cases: Case[];
  try {
    cases = loadManifest(dir);
  } catch (e) {
    process.stderr.write(`conformance: ${(e as Error).message}\n`);
    return 2;
  }
  if (o.only !== undefined) {
    const unknown = [...o.only].filter((n) => !cases.some((c) => c.name === n));
    if (unknown.length > 0) {
      process.stderr.write(`conformance: no case named ${unknown.join(', ')} in ${dir}/manifest.json\n`);
      return 2;
    }
    cases = cases.filter((c) => o.only!.has(c.name));
  }
  const cfg: RunnerConfig = {
    dir, repo: resolve(new URL('..', import.meta.url).pathname), target: o.evaluator ? 'evaluator' : 'go',
    timeoutMs: o.timeoutS * 1000, compileTimeoutMs: Math.max(180, o.timeoutS) * 1000, keep: o.keep,
  };

  // A pool of `jobs` workers; results print in manifest order as soon as each is known.
  const serverLock = new Mutex();
  const results: Promise<Outcome>[] = new Array(cases.length);
  const resolvers: ((x: Outcome) => void)[] = [];
  for (let i = 0; i < cases.length; i++) results[i] = new Promise((r) => (resolvers[i] = r));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i]!;
      const go = () => runCase(c, cfg);
      resolvers[i]!(await (c.kind === 'server' ? serverLock.with(go) : go()));
    }
  };
  const workers = Array.from({ length: Math.min(o.jobs, cases.length) }, worker);
  const width = Math.max(4, ...cases.map((c) => c.name.length));
  const counts = { pass: 0, fail: 0, skip: 0 };
  const status = new Map<string, string>();
  for (const [i, c] of cases.entries()) {
    const r = await results[i]!;
    counts[r.status]++;
    status.set(c.name, r.status);
    console.log(`${c.name.padEnd(width)}  ${c.kind.padEnd(14)}  ${r.status.padEnd(4)}  ${r.why}`.trimEnd());
  }
  await Promise.all(workers);

  let exit = counts.fail > 0 ? 1 : 0;
  if (o.ratchet !== undefined) {
    const { broken, newlyPassing } = judgeRatchet(readRatchet(o.ratchet), status);
    for (const n of broken) console.log(`ratchet: ${n} is listed in ${o.ratchet} but did not pass`);
    for (const n of newlyPassing) console.log(`newly passing: ${n}${o.updateRatchet ? ` (added to ${o.ratchet})` : ''}`);
    if (o.updateRatchet && newlyPassing.length > 0) addToRatchet(o.ratchet, newlyPassing);
    exit = broken.length > 0 ? 1 : 0;
  }
  console.log(`${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped`);
  return exit;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
  process.stderr.write(`conformance: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(70);
});
