// properties/optimize.prop.ts: the optimizations change nothing observable. (1) On generated programs, the
// simplified ANF (stage anf-simplified) and the fused one (anf-fused) run exactly as the unsimplified ANF on the
// evaluator and pass the ANF checker. (2) The same programs, merged into one module and built twice with Go (optimize on: simplified ANF
// and unboxed workers; `-O0`: neither), agree with the Core evaluator program by program.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import type * as Core from '../ir/core/core';
import * as CoreEval from '../ir/core/eval';
import * as Anf from '../ir/anf';
import { goTarget } from '../ir/shared/prims';
import { compile } from '../passes/pipeline';
import { simplifyAnf } from '../passes/simplify-anf';
import { fuseLists } from '../passes/fuse-lists';
import { emitModule } from '../emit/module';
import { writeModule } from '../emit/write';
import { goBuild } from '../emit/build';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty, params } from './config';
import { mergePrograms } from './merge';
import { type Outcome, Tally, assertChecks, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [];

const anfOf = (m: Core.Module): Anf.Module => compile(m, { target: goTarget, stopAfter: 'anf' }).outputs.get('anf') as Anf.Module;

test('optimize: simplified ANF evaluates exactly as ANF', async () => {
  const tally = new Tally('optimize.prop (evaluator)');
  await assertProperty('simplify-anf preserves meaning', 'properties/optimize.prop.ts', fc.asyncProperty(typedProgram(), async (x) => {
    const plain = anfOf(x);
    const simple = simplifyAnf(plain);
    assertChecks('anf-simplified', Anf.check(simple));
    const fused = fuseLists(simple);
    assertChecks('anf-fused', Anf.check(fused));
    const expected = await outcomeOf((io) => Anf.runMain(plain, io));
    assertSameOutcome(expected, await outcomeOf((io) => Anf.runMain(simple, io)), ['anf', 'anf-simplified']);
    assertSameOutcome(expected, await outcomeOf((io) => Anf.runMain(fused, io)), ['anf', 'anf-fused']);
    tally.add(countNodes(x), expected);
  }), 100, regressions, tally.reset);
  console.log(tally.summary());
});

const work = mkdtempSync(join(tmpdir(), 'optimize-prop-'));

async function build(m: Core.Module, optimize: boolean): Promise<string> {
  const dir = join(work, optimize ? 'opt' : 'o0');
  const { file } = compile(m, { target: goTarget, optimize });
  writeModule(emitModule(file!), dir);
  const b = await goBuild(dir);
  if (!b.ok) throw new Error(`go build (optimize ${optimize}) failed:\n${b.stderr.slice(0, 3000)}`);
  return join(dir, 'program');
}

function run(path: string, stdin: string): Outcome {
  const r = spawnSync(path, [], { input: stdin, encoding: 'utf8', timeout: 20000, env: { ...process.env, LUNE_TRACEBACK: '' } });
  if (r.error !== undefined) throw new Error(`could not run ${path}: ${r.error.message}`);
  const errorLine = r.stderr.split('\n').find((l) => l.startsWith('error: '));
  return { stdout: r.stdout, exitCode: r.status ?? -1, error: errorLine === undefined ? '' : errorLine.slice('error: '.length) };
}

test('optimize: Go binaries built with and without optimizations agree with the evaluator', async () => {
  const p = params<[Core.Module]>(40);
  const programs = fc.sample(typedProgram(), { seed: p.seed!, numRuns: p.numRuns!, ...(p.path === undefined ? {} : { path: p.path }) });
  const merged = mergePrograms(programs);
  const [on, off] = [await build(merged, true), await build(merged, false)];
  for (let i = 0; i < programs.length; i++) {
    const expected = await outcomeOf((io) => CoreEval.runMain(programs[i]!, io));
    try {
      assertSameOutcome(expected, run(on, `${i}\n`), ['evaluator', 'Go optimized']);
      assertSameOutcome(expected, run(off, `${i}\n`), ['evaluator', 'Go -O0']);
    } catch (e) {
      throw new Error(`program ${i} of the batch (seed ${p.seed}): ${(e as Error).message}\n${String(programs[i])}`);
    }
  }
  console.log(`optimize.prop (Go): ${programs.length} programs, optimized and -O0 binaries agree with the evaluator`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
