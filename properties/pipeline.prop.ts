// properties/pipeline.prop.ts: the whole pipeline, read from `stages`: every stage's output passes its checker,
// every IR that has an evaluator runs the program exactly as the Core evaluator does, and compiling twice
// prints every stage identically (no state leaks between compiles). Optimizing passes on (the default).
import fc from 'fast-check';
import { test } from 'uvu';
import type * as Core from '../ir/core/core';
import * as CoreEval from '../ir/core/eval';
import type { EvalIO, RunResult } from '../ir/core/eval';
import * as Anf from '../ir/anf';
import * as PatternCompiled from '../ir/pattern-compiled';
import * as Renamed from '../ir/renamed';
import { goTarget } from '../ir/shared/prims';
import { type StageName, stages } from '../passes/pipeline';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty } from './config';
import { Tally, assertChecks, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [];

/** The evaluator of each stage's output (GoAst has none: go-diff.prop.ts runs the Go binary instead). */
const evaluators: Partial<Record<StageName, (m: any, io: EvalIO) => Promise<RunResult>>> = {
  core: (m: Core.Module, io) => CoreEval.runMain(m, io),
  renamed: (m: Renamed.Module, io) => Renamed.runMain(m, io),
  'pattern-compiled': (m: PatternCompiled.Module, io) => PatternCompiled.runMain(m, io),
  anf: (m: Anf.Module, io) => Anf.runMain(m, io),
  'anf-simplified': (m: Anf.Module, io) => Anf.runMain(m, io),
  'anf-fused': (m: Anf.Module, io) => Anf.runMain(m, io),
};

/** Runs every stage in order, checking each output; returns each stage's printed output. */
async function throughStages(x: Core.Module, expected: Awaited<ReturnType<typeof outcomeOf>>): Promise<string[]> {
  const printed: string[] = [];
  let current: unknown = x;
  for (const s of stages) {
    current = s.run(current, { target: goTarget });
    assertChecks(s.name, s.check(current));
    printed.push(s.print(current, { spans: false }));
    const run = evaluators[s.name];
    if (run !== undefined) assertSameOutcome(expected, await outcomeOf((io) => run(current, io)), ['core', s.name]);
  }
  return printed;
}

test('pipeline: every stage checks, evaluates like Core, and prints deterministically', async () => {
  const tally = new Tally('pipeline.prop');
  await assertProperty('pipeline preserves meaning', 'properties/pipeline.prop.ts', fc.asyncProperty(typedProgram(), async (x) => {
    const expected = await outcomeOf((io) => CoreEval.runMain(x, io));
    const first = await throughStages(x, expected);
    const second = stages.reduce<{ v: unknown; out: string[] }>((acc, s) => {
      const v = s.run(acc.v, { target: goTarget });
      return { v, out: [...acc.out, s.print(v, { spans: false })] };
    }, { v: x, out: [] }).out;
    stages.forEach((s, i) => {
      if (first[i] !== second[i]) throw new Error(`stage ${s.name} printed differently on a second compile`);
    });
    tally.add(countNodes(x), expected);
  }), 60, regressions, tally.reset);
  console.log(tally.summary());
});

test.run();
