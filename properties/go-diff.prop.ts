// properties/go-diff.prop.ts: differential testing of the Go target against the evaluator. N generated programs
// are merged into one module (properties/merge.ts), compiled and built once; the binary runs once per program
// (stdin = its index) and must agree with the Core evaluator on stdout, exit code and the `error: …` line,
// with the optimizing passes on (default) and off (-O0).
// A disagreement is then shrunk program by program (one go build per candidate) and reported readably.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Core from '../ir/core/core';
import * as CoreEval from '../ir/core/eval';
import { print } from '../ir/core/print';
import { gofmtDiff } from '../ir/goast/gofmt';
import { goTarget } from '../ir/shared/prims';
import { compile } from '../passes/pipeline';
import { emitModule } from '../emit/module';
import { writeModule } from '../emit/write';
import { goBuild } from '../emit/build';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty, params } from './config';
import { mergePrograms } from './merge';
import { type Outcome, Tally, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [];

const defaultRuns = 60;
/** Each shrinking step costs a go build (about a second), so shrinking stops after this many steps. */
const maxShrinks = 80;
const work = mkdtempSync(join(tmpdir(), 'go-diff-'));
let builds = 0;

/** Compiles `m` to a Go binary; returns its path. Throws with Go's messages when the build fails. */
async function buildProgram(m: Core.Module, optimize: boolean): Promise<string> {
  const dir = join(work, `build${builds++}`);
  const { file } = compile(m, { target: goTarget, optimize });
  const files = emitModule(file!);
  const gofmt = gofmtDiff([files.get('main.go')!]);
  if (gofmt !== '') throw new Error(`main.go is not gofmt-clean:\n${gofmt.slice(0, 2000)}`);
  writeModule(files, dir);
  const b = await goBuild(dir);
  if (!b.ok) throw new Error(`go build failed:\n${b.stderr.slice(0, 3000)}`);
  return join(dir, 'program');
}

/** Runs the binary with `stdin`; the Lune error is the first stderr line starting `error: `. */
function runBinary(path: string, stdin: string): Outcome {
  const r = spawnSync(path, [], { input: stdin, encoding: 'utf8', timeout: 20000, env: { ...process.env, LUNE_TRACEBACK: '' } });
  if (r.error !== undefined) throw new Error(`could not run ${path}: ${r.error.message}`);
  const errorLine = r.stderr.split('\n').find((l) => l.startsWith('error: '));
  if (r.status !== 0 && errorLine === undefined) throw new Error(`exit ${r.status} (signal ${r.signal}) without an error line; stderr:\n${r.stderr.slice(0, 3000)}`);
  return { stdout: r.stdout, exitCode: r.status ?? -1, error: errorLine === undefined ? '' : errorLine.slice('error: '.length) };
}

for (const optimize of [true, false]) {
  const flag = optimize ? '' : ' (-O0)';
  test(`go-diff${flag}: the Go binary agrees with the evaluator on every generated program`, async () => {
    const p = params<[Core.Module]>(defaultRuns);
    const t0 = performance.now();
    // The batch: the same programs fc.assert below generates first (same seed), built as one module.
    const programs = fc.sample(typedProgram(), { seed: p.seed!, numRuns: p.numRuns!, ...(p.path === undefined ? {} : { path: p.path }) });
    // Go outcomes of the programs built together, keyed by their printed text.
    const fromBatch = new Map<string, Outcome>();
    try {
      const binary = await buildProgram(mergePrograms(programs), optimize);
      programs.forEach((m, i) => fromBatch.set(print(m), runBinary(binary, `${i}\n`)));
      assert.is(runBinary(binary, 'nope\n').stdout, 'no such program\n');
    } catch (e) {
      // Find (and shrink) the program responsible by building them one at a time.
      console.log(`go-diff${flag}: the batch failed (${(e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' | ')}); building programs one by one`);
    }
    const tBuild = performance.now() - t0;

    const tally = new Tally(`go-diff.prop${flag}`);
    let singles = 0;
    await assertProperty(`the Go binary${flag} agrees with the evaluator`, 'properties/go-diff.prop.ts', fc.asyncProperty(fc.limitShrink(typedProgram(), maxShrinks), async (x) => {
      const expected = await outcomeOf((io) => CoreEval.runMain(x, io));
      let go = fromBatch.get(print(x));
      if (go === undefined) { // a shrinking candidate (or a regression): build it alone
        singles++;
        go = runBinary(await buildProgram(x, optimize), '');
      }
      assertSameOutcome(expected, go, ['evaluator', `Go${flag}`]);
      tally.add(countNodes(x), expected);
    }), defaultRuns, regressions, tally.reset);
    console.log(`${tally.summary()}; one go build for the batch (${(tBuild / 1000).toFixed(1)} s), ${singles} single builds`);
  });
}

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
