// properties/compile-patterns.prop.ts: the pattern compiler preserves meaning (PatternCompiled eval = Renamed
// eval: stdout, exit code, error text), and its output passes the PatternCompiled checker, which also rejects a
// decision tree that tests one variable (so one constructor) twice on a path or repeats an arm's head.
import fc from 'fast-check';
import { test } from 'uvu';
import * as PatternCompiled from '../ir/pattern-compiled';
import * as Renamed from '../ir/renamed';
import { goTarget } from '../ir/shared/prims';
import { compilePatterns } from '../passes/compile-patterns';
import { rename } from '../passes/rename';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty } from './config';
import { Tally, assertChecks, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [];

test('compile-patterns: PatternCompiled eval equals Renamed eval; no constructor tested twice on a path', async () => {
  const tally = new Tally('compile-patterns.prop');
  await assertProperty('compile-patterns preserves meaning', 'properties/compile-patterns.prop.ts', fc.asyncProperty(typedProgram(), async (x) => {
    const q = rename(x, goTarget);
    const out = compilePatterns(q);
    assertChecks('pattern-compiled', PatternCompiled.check(out));
    const before = await outcomeOf((io) => Renamed.runMain(q, io));
    assertSameOutcome(before, await outcomeOf((io) => PatternCompiled.runMain(out, io)), ['Renamed', 'PatternCompiled']);
    tally.add(countNodes(x), before);
  }), 100, regressions, tally.reset);
  console.log(tally.summary());
});

test.run();
