// ir/core/eval.test.ts: the evaluator's entry points and core semantics (PRIMITIVES.md §1): entry lookup,
// refused programs, runtime errors as Show forms, evaluation order, laziness of top-level names, and
// the explicit machine's depth: 1,000,000-deep recursion and 1,000,000-iteration IO loops.
import { test } from 'uvu';
import { spawnSync } from 'node:child_process';
import * as assert from 'uvu/assert';
import * as Core from './core';
import { CompileError, NoMainError } from '../shared/diagnostic';
import { showValue } from '../shared/show';
import { evalDecl, runMain } from './eval';
import { parseCore } from './parse';
import { program, runSource } from './eval/testing';

const { mk } = Core;
const quiet = { stdout: () => {}, stderr: () => {} };

test('hello: putStrLn writes the text and a newline to EvalIO.stdout', async () => {
  const r = await runSource(program(String.raw`Main.main = Main.seq (Main.say "Hello") (Main.say "λ world")`));
  assert.equal(r, { exitCode: 0, stdout: 'Hello\nλ world\n', stderr: '' });
});

test('entry: <Module>.main first, else a declaration named main; a Task main is unwrapped once', async () => {
  const both = `module Demo\nmain = prim_putStrLn "plain"\nDemo.main = prim_putStrLn "qualified"\n`;
  assert.is((await capture(parseCore(both, 't'))).stdout, 'qualified\n');
  const plain = `module Demo\nmain = prim_putStrLn "plain"\n`;
  assert.is((await capture(parseCore(plain, 't'))).stdout, 'plain\n');
  const task = `module Demo\nDemo.main = Lune.Prelude.Task ($primIOBind (prim_putStrLn "t") (\\_ -> $primIOPure (Lune.Prelude.Err 1)))\n`;
  assert.equal(await capture(parseCore(task, 't')), { exitCode: 0, stdout: 't\n' }, 'a Task ending in Err still exits 0');
});

test('a main that is not IO is NotAnIO', async () => {
  const r = await runSource(program('Main.main = Lune.Prelude.Just 3'));
  assert.equal([r.exitCode, r.error], [1, 'NotAnIO Just 3']);
});

test('no main: NoMainError naming the expected binding; demo/demo2 modules print their values', async () => {
  const lib = parseCore('module Shapes\nShapes.area = 3\n', 't');
  try {
    await runMain(lib, quiet);
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.instance(e, NoMainError);
    assert.is((e as Error).message, 'module Shapes has no main binding (expected Shapes.main)');
  }
  const demos = parseCore('module D\nD.demo = Lune.Prelude.Ok 80\nD.demo2 = Lune.Prelude.Err "port out of range"\n', 't');
  assert.equal(await capture(demos), { exitCode: 0, stdout: 'Ok 80\nErr "port out of range"\n' });
});

test('a reachable foreign import is refused before anything runs; an unreachable one is ignored', async () => {
  const reach = program(String.raw`
Main.puts = foreign ccall "puts" : String -> IO Int
Main.main = Main.seq (Main.say "before") (Main.puts "hi")`);
  try {
    await runSource(reach);
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.instance(e, CompileError);
    assert.is((e as Error).message, 'foreign import of C symbol "puts" is not supported by the evaluator');
  }
  const unused = program(String.raw`
Main.strlen = foreign ccall "strlen" : String -> IO Int
Main.main = Main.say "fine"`);
  assert.is((await runSource(unused)).stdout, 'fine\n');
});

test('runtime errors end the run with exit 1 and the Show form; earlier output stays', async () => {
  const cases: [string, string][] = [
    ['case Lune.Prelude.Just 3 of { Lune.Prelude.Nothing -> Main.done }', 'NonExhaustiveCase Just 3'],
    ['(\\(Lune.Prelude.Just x) -> Main.done) Lune.Prelude.Nothing', 'PatternMatchFailure (PCon "Lune.Prelude.Just" [PVar "x"]) Nothing'],
    ['{ a = 1 }.#b', 'MissingField "b"'],
    ['(Lune.Prelude.Just 1).#b', 'NotARecord Just 1'],
    ['Main.nowhere', 'UnboundVariable "Main.nowhere"'],
    ['3 4', 'NotAFunction 3'],
    ['$primIOBind 3 (\\x -> Main.done)', 'NotAnIO 3'],
    ['prim_putStrLn (prim_showInt (prim_divInt 1 0))', 'divide by zero'],
    ['prim_putStrLn 5', 'NotAFunction <prim>'],
    ['prim_sleepMs "x"', 'NotAFunction <prim>'],
    ['prim_spawn 5', 'NotAnIO 5'],
  ];
  for (const [expr, show] of cases) {
    // Inside a bind continuation, so the error comes after the first action ran.
    const late = await runSource(program(`Main.main = Main.bind (Main.say "start") (\\_ -> ${expr})`));
    assert.equal([late.exitCode, late.error, late.stdout], [1, show, 'start\n'], expr);
    // As a direct argument it is evaluated (call-by-value) before anything runs.
    const early = await runSource(program(`Main.main = Main.seq (Main.say "start") (${expr})`));
    assert.equal([early.exitCode, early.error, early.stdout], [1, show, ''], expr);
  }
});

test('prim_or and prim_not work (Lune\'s own evaluator lacks them)', async () => {
  const m = parseCore('module M\nM.a = prim_or Lune.Prelude.False Lune.Prelude.True\nM.b = prim_not Lune.Prelude.True\n', 't');
  assert.equal([showValue(evalDecl(m, 'M.a')), showValue(evalDecl(m, 'M.b'))], ['True', 'False']);
});

test('top-level names are lazy: a failing declaration only fails when used', async () => {
  const r = await runSource(program(String.raw`
Main.broken = prim_or_missing 1
Main.main = Main.say "ok"`));
  assert.equal([r.exitCode, r.stdout], [0, 'ok\n']);
  const m = parseCore('module M\nM.bad = M.nope\nM.good = 1\n', 't');
  assert.is(evalDecl(m, 'M.good'), 1n);
  assert.throws(() => evalDecl(m, 'M.bad'), (e: unknown) => (e as { show?: string }).show === 'UnboundVariable "M.nope"');
});

test('evaluation order: function, then argument, apply, then the next argument (§1.5)', async () => {
  const m = parseCore(String.raw`module M
M.f = \x -> case x of { Lune.Prelude.True -> \y -> y }
M.order = M.f Lune.Prelude.False M.undefinedArg
`, 't');
  // f is applied to False (NonExhaustiveCase) before the second argument is evaluated (UnboundVariable).
  assert.throws(() => evalDecl(m, 'M.order'), (e: unknown) => (e as { show?: string }).show === 'NonExhaustiveCase False');
});

test('case binders: leftmost binding of a repeated name wins; let is not recursive', () => {
  const m = parseCore(String.raw`module M
M.pair = case Lune.Prelude.Pair 1 2 of { Lune.Prelude.Pair x x -> x }
M.shadow = \x -> let x = prim_addInt x 1 in x
M.r = { a = 1, a = 2 }
M.use = M.shadow 41
`, 't');
  assert.is(evalDecl(m, 'M.pair'), 1n);
  assert.is(evalDecl(m, 'M.use'), 42n);
  assert.is(showValue(evalDecl(m, 'M.r')), '{ a = 2 }');
});

test('templates: holes are evaluated at render time in the captured environment', () => {
  const hole = '$' + '{prim_templateText (prim_showInt n) : Int}';
  const m = parseCore(`module M\nM.t = \\n -> $"n=${hole}!"\nM.s = prim_templateRender (M.t 5)\n`, 't');
  assert.is(evalDecl(m, 'M.s'), 'n=5!');
});

test('a non-tail-recursive function over 1,000,000 elements runs on the heap stack', () => {
  const m = parseCore(String.raw`module M
M.build = \n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> Lune.Prelude.Cons n (M.build (prim_subInt n 1)) }
M.sum = \xs -> case xs of {
    Lune.Prelude.Nil -> 0;
    Lune.Prelude.Cons x rest -> prim_addInt x (M.sum rest) }
M.total = M.sum (M.build 1000000)
`, 't');
  assert.is(evalDecl(m, 'M.total'), 500000500000n);
});

test('an IO loop of 1,000,000 binds (loop n = bind act (\\_ -> loop (n-1))) runs in bounded memory', () => {
  // In a child Node whose heap is capped at 40 MB: growing by even ~40 bytes per iteration would crash it.
  const fixture = new URL('./eval/ioloop-fixture.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--max-old-space-size=40', '--import', 'tsx', fixture, '1000000'], { encoding: 'utf8' });
  assert.equal([r.status, r.stdout], [0, 'end\n'], r.stderr);
});

test('a top-level IO loop `loop = bind act (\\_ -> loop)` runs 1,000,000 times', async () => {
  const input = Array.from({ length: 1000000 }, () => 'go');
  input.push('stop');
  const src = program(String.raw`
Main.loop = $primIOBind prim_readLine (\l -> case l of { "stop" -> Main.say "stopped"; _ -> Main.loop })
Main.main = Main.loop`);
  const r = await runSource(src, { input });
  assert.equal([r.exitCode, r.stdout], [0, 'stopped\n']);
});

test('deeply nested Core (a 100,000-element list literal, 100,000 nested calls) resolves and runs', () => {
  let list: Core.Expr = mk.var('Lune.Prelude.Nil');
  for (let i = 100000; i > 0; i--) list = mk.apps(mk.var('Lune.Prelude.Cons'), [mk.int(BigInt(i)), list]);
  let calls: Core.Expr = mk.int(0n);
  for (let i = 0; i < 100000; i++) calls = mk.app(mk.var('M.inc'), calls);
  const m = mk.module('M', [
    mk.decl('M.xs', list),
    mk.decl('M.inc', mk.lam([mk.pvar('x')], mk.apps(mk.var('prim_addInt'), [mk.var('x'), mk.int(1n)]))),
    mk.decl('M.n', calls),
  ]);
  const xs = evalDecl(m, 'M.xs');
  assert.ok(typeof xs === 'object' && xs.tag === 'Con' && xs.name === 'Lune.Prelude.Cons' && xs.args[0] === 1n);
  assert.is(evalDecl(m, 'M.n'), 100000n);
});

async function capture(m: Core.Module): Promise<{ exitCode: number; stdout: string; error?: string }> {
  let stdout = '';
  const r = await runMain(m, { stdout: (t) => void (stdout += t), stderr: () => {} });
  return { ...r, stdout };
}

test.run();
