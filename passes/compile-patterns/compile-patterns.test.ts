// passes/compile-patterns/compile-patterns.test.ts: cases the generated programs rarely contain: repeated
// alternatives (the first wins, and the tree tests each head once) and the exact tree for a nested pattern.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from '../../ir/core/core';
import * as CoreEval from '../../ir/core/eval';
import * as PC from '../../ir/pattern-compiled';
import { goTarget } from '../../ir/shared/prims';
import { rename } from '../rename';
import { compilePatterns } from './index';

const { mk } = Core;
const put = (s: string) => mk.app(mk.var('prim_putStrLn'), mk.str(s));

/** Compiles `main`, checks the output, and returns [Core outcome, PatternCompiled outcome, printed tree]. */
async function run(main: Core.Expr): Promise<[string, string, string]> {
  const m = mk.module('Main', [mk.decl('Main.main', main)]);
  const pc = compilePatterns(rename(m, goTarget));
  assert.equal(PC.check(pc).map((d) => d.message), []);
  const outcome = async (f: (io: CoreEval.EvalIO) => Promise<CoreEval.RunResult>) => {
    let out = '';
    const r = await f({ stdout: (t) => (out += t), stderr: () => {} });
    return `${out}${r.error ?? ''}`;
  };
  return [await outcome((io) => CoreEval.runMain(m, io)), await outcome((io) => PC.runMain(pc, io)), PC.print(pc)];
}

test('a repeated string alternative: the first wins, and "a" is tested once', async () => {
  for (const [s, want] of [['a', 'first\n'], ['b', 'other\n']] as const) {
    const [core, pc, printed] = await run(mk.case(mk.str(s), [
      mk.alt(mk.pstring('a'), put('first')), mk.alt(mk.pstring('a'), put('second')), mk.alt(mk.pwild(), put('other'))]));
    assert.is(core, want);
    assert.is(pc, want);
    assert.is(printed.match(/"a" ->/g)?.length, 1);
  }
});

test('a repeated constructor alternative with different sub-patterns falls through in order', async () => {
  const just = (p: Core.Pattern) => mk.pcon('Lune.Prelude.Just', [p]);
  const scrut = (n: bigint) => mk.app(mk.var('Lune.Prelude.Just'), mk.int(n));
  for (const [n, want] of [[1n, 'one\n'], [2n, 'two\n'], [3n, 'NonExhaustiveCase Just 3']] as const) {
    const [core, pc] = await run(mk.case(mk.app(mk.var('prim_showInt'), mk.case(scrut(n), [mk.alt(just(mk.pvar('k')), mk.var('k'))])), [
      mk.alt(mk.pstring('1'), put('one')), mk.alt(mk.pstring('2'), put('two'))]));
    assert.is(core, n === 3n ? 'NonExhaustiveCase "3"' : want);
    assert.is(pc, core);
  }
  const [core, pc] = await run(mk.case(scrut(2n), [mk.alt(just(mk.pwild()), put('first')), mk.alt(just(mk.pvar('x')), put('second'))]));
  assert.is(core, 'first\n');
  assert.is(pc, core);
});

test('a right-hand side reached from two leaves becomes a join point taking its pattern variable', async () => {
  const cons = (...ps: Core.Pattern[]) => mk.pcon('Lune.Prelude.Cons', ps);
  const list = (...xs: string[]) => xs.reduceRight<Core.Expr>((t, x) => mk.apps(mk.var('Lune.Prelude.Cons'), [mk.str(x), t]), mk.var('Lune.Prelude.Nil'));
  // Cons "a" Nil -> …; Cons y _ -> …y…: the second clause is reached when the head is not "a", and when it is
  // "a" but the tail is not Nil.
  for (const [xs, want] of [[['a'], 'only a\n'], [['a', 'b'], 'a\n'], [['c'], 'c\n']] as const) {
    const [core, pc, printed] = await run(mk.case(list(...xs), [
      mk.alt(cons(mk.pstring('a'), mk.pcon('Lune.Prelude.Nil', [])), put('only a')),
      mk.alt(cons(mk.pvar('y'), mk.pwild()), mk.app(mk.var('prim_putStrLn'), mk.var('y'))),
      mk.alt(mk.pwild(), put('empty')),
    ]));
    assert.is(core, want);
    assert.is(pc, want);
    assert.match(printed, "let _j = \\y -> %prim_putStrLn y in");
    assert.match(printed, "_ -> _j _f\n");
  }
});

test.run();
