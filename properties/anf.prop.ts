// properties/anf.prop.ts: ANF conversion preserves meaning, including which error a program stops with when
// several operands would fail (evaluation order), and its output passes the Anf checker.
import fc from 'fast-check';
import { test } from 'uvu';
import * as Anf from '../ir/anf';
import * as PatternCompiled from '../ir/pattern-compiled';
import { goTarget } from '../ir/shared/prims';
import { toAnf } from '../passes/anf';
import { compilePatterns } from '../passes/compile-patterns';
import { rename } from '../passes/rename';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty } from './config';
import { Tally, assertChecks, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [];

test('anf: Anf eval equals PatternCompiled eval, and the output checks', async () => {
  const tally = new Tally('anf.prop');
  await assertProperty('anf preserves meaning', 'properties/anf.prop.ts', fc.asyncProperty(typedProgram(), async (x) => {
    const q = compilePatterns(rename(x, goTarget));
    const out = toAnf(q);
    assertChecks('anf', Anf.check(out));
    const before = await outcomeOf((io) => PatternCompiled.runMain(q, io));
    assertSameOutcome(before, await outcomeOf((io) => Anf.runMain(out, io)), ['PatternCompiled', 'Anf']);
    tally.add(countNodes(x), before);
  }), 100, regressions, tally.reset);
  console.log(tally.summary());
});

test.run();
