// ir/core/parse-fast.test.ts: the hand-written reader builds exactly what the ohm parse of the whole text
// builds (nodes and spans), declines what it is not sure of, and leaves every error to ohm.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadModule } from './load';
import { parseCore, parseCoreWithOhm } from './parse';
import { parseFast } from './parse-fast';
import { print } from './print';
import { layout } from './syntax';

const root = join(import.meta.dirname, '..', '..');
const show = (x: unknown): string =>
  JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? String(v) : v));
const outcome = (f: () => unknown): string => {
  try {
    return show(f());
  } catch (e) {
    return `error ${(e as Error).message} ${show((e as { span?: unknown }).span)}`;
  }
};
const fastAccepts = (text: string): boolean => parseFast(layout(text).text, { span: () => ({}) as never }, () => [], Number) !== undefined;

function same(name: string, text: string): void {
  assert.is(outcome(() => parseCore(text, name)), outcome(() => parseCoreWithOhm(text, name)), name);
}

test('examples, golden inputs and bench programs: read alike, all by the fast reader', () => {
  for (const dir of ['examples', 'golden', 'bench']) {
    for (const f of readdirSync(join(root, dir), { recursive: true }) as string[]) {
      if (!f.endsWith('.lcore')) continue;
      const text = readFileSync(join(root, dir, f), 'utf8');
      same(`${dir}/${f}`, text);
      assert.ok(fastAccepts(text), `${dir}/${f} is read by the fast reader`);
    }
  }
});

test('the smaller corpus dumps printed in the readable syntax read alike', () => {
  const dir = join(root, '..', 'shared', 'lune-corpus', 'dumps');
  for (const f of readdirSync(dir)) {
    let text: string;
    try {
      text = print(loadModule(join(dir, f)));
    } catch {
      continue; // a frontend error report
    }
    if (text.length > 12_000) continue; // ohm's whole-text match of a large one takes seconds
    same(f, text);
  }
});

const valid: readonly string[] = [
  'module M\nM.main = 1\n-- c\n',
  'module M\nM.main = 1\n;\n',
  'module M\n{- x -}\nM.a = 1\n  {- y {- nested -} -}\nM.main = 2   \n\n',
  '  module M\nM.a = 1\nM.b = case x of\n  A -> 1\n  B -> 2\nM.c = 3',
  'module M ; M.a = 1\nM.b = 2',
  'module M\nM.a = 1\nM.b = 2 ; M.c = 3\nM.main = 4\n',
  'module M\nM.a = \\x -> x\nM.b = let y = 1 in y\nM.c = $"a${M.a : Int}b"\nM.d = \'\'x\n${M.a : Int}\ny\'\'\n',
  'module M\nM.a = f -1 1.5 1e3 1.5e 2e -Infinity NaN NaNx Infinityy 0.5E-3 00012 -0 -0.0\nM.b = r.#x.#y (f x).#z g .#w\n',
  "module M\nM.c = 'a' '\\n' '\\u{1F600}' x\n",
  "module M\nM.c = f \"😀\" `😀` `odd name` `a\\`b` $\"x\\|y\\$z${`q` : `T` a}\" ''\\|''\n",
  'module M\nM.p = \\(Lune.Prelude.Just x) _ %foo `Bar` A.b a.B (%C y) "s" -> case m of { A.B c d -> 1; ; _ -> 2 ;}\n',
  'module M\nM.p = \\x -> case x of\n  Just (Pair a _) -> a\n  "text" -> 1\n  other -> 2\nM.q = foreign ccall "puts" : String -> IO Int\n',
  'module M\nM.r = foreign `ccall` "x" : (a -> {x : Int, y : %Maybe b}) -> b\n',
  'module M\nM.w = #wanted(Show (List a)) #wanted (Eq) { } { a = 1 , b = {} }\n',
  'module M\nM.t = case x of {}\nM.u = case x of { }\n',
  'module M\nM.a = \\x -> \\y -> case x of { A -> \\z -> z; B y -> let q = y in q }\nM.b = M.a\n  1\n   2\n',
  'module M\nM.a = x --comment\n  y {- c {- n -} -} z\n',
  'module M\nM.a = $"${x : a -> b}"\nM.b = \\ _x _ -> _x\n',
  'module M\nM.a = \\ A.B.c x -> 1\n',
];

test('edge cases of the grammar read alike, by the fast reader', () => {
  for (const [i, text] of valid.entries()) {
    same(`valid${i}`, text);
    assert.ok(fastAccepts(text), `valid${i} is read by the fast reader`);
  }
});

const declined: readonly string[] = [
  'module M\nM.t = $"a\n${x : T}"\n', // an inline template continued on the next line
  "module M\nM.c = '😀'\n", // a char outside the BMP
  'module M\nM.a = (\nM.main = 1\n',
  'module M\nM.a = 1\n\nM.main = "\\u{110000}"\n',
  'module M\nM.a = 1\nfoo\nM.b = 2\n',
  "module M\nM.c = 'ab'\n",
  'module M\nM.a = A.B. x\n',
  'module M\nM.a = {-x\n',
  'module M\nM.a = let in = 1 in 2\n',
  'module M\nM.a = f 1.x\n',
];

test('what the fast reader declines (errors included) reads as ohm reads it', () => {
  for (const [i, text] of declined.entries()) {
    same(`declined${i}`, text);
    assert.not.ok(fastAccepts(text), `declined${i} is left to ohm`);
  }
});

test.run();
