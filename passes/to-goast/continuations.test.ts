// passes/to-goast/continuations.test.ts: let-bound lambdas as Go func literals (names.ts `direct`). An IO bind's
// continuation that is a let-bound lambda of one parameter, read nowhere else, is one the runtime applies itself
// (rt.RunIO), not an *rt.Func; one that is also passed elsewhere stays a Lune function value. Both run alike,
// optimizations on and off. A lambda only called with its arity is one called directly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCore } from '../../ir/core/parse';
import * as G from '../../ir/goast';
import { goTarget } from '../../ir/shared/prims';
import { compile } from '../pipeline';
import { emitModule } from '../../emit/module';
import { writeModule } from '../../emit/write';
import { goBuild } from '../../emit/build';

const src = `module Main
Main.twice = \\k -> $primIOBind (prim_putStrLn "a") k
Main.greet = \\name -> let k = \\u -> prim_putStrLn name in
  $primIOBind (prim_putStrLn "x") (\\u -> $primIOBind (Main.twice k) (\\v -> prim_ioBind (prim_putStrLn "c") k))
Main.apply = \\f x -> f x
Main.after = \\name -> prim_ioBind (Main.apply ($primIOBind (prim_putStrLn "p")) (\\u -> prim_putStrLn name)) (\\w -> prim_putStrLn name)
Main.main = $primIOBind (Main.greet "b") (\\u -> Main.after "q")
`;

test('a continuation read only by binds is a Go func literal; one also passed to a function is an *rt.Func', async () => {
  for (const optimize of [true, false]) {
    const file = compile(parseCore(src, 't.lcore'), { target: goTarget, optimize }).file!;
    const main = G.print(file).split('func Main_greet(')[1]!;
    assert.match(main, 'rt.MkFunc1("Main.greet", func(_ rt.Value) rt.Value {'); // k: also given to Main.twice
    assert.match(main, ' := func(_ rt.Value) rt.Value {\n'); // the two inline continuations
    assert.is(main.split('func Main_after(')[0]!.split('rt.MkFunc1(').length, 2);
    // prim_ioBind's continuation too; `$primIOBind m` given one argument is applied later: its continuation is
    // an ordinary function value.
    const after = main.split('func Main_after(')[1]!;
    assert.match(after, 'rt.F_prim_ioBind(');
    assert.is(after.split('rt.MkFunc1(').length, 2);
    const dir = mkdtempSync(join(tmpdir(), 'continuations-'));
    try {
      writeModule(emitModule(file), dir);
      const b = await goBuild(dir);
      assert.ok(b.ok, b.stderr);
      const r = spawnSync(join(dir, 'program'), [], { encoding: 'utf8' });
      assert.is(r.stdout, 'x\na\nb\nc\nb\np\nq\nq\n');
      assert.is(r.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('a let-bound lambda only called with its arity is a Go func literal called directly', () => {
  const pick = `module Main
Main.pick = \\b n -> let f = \\x -> prim_mulInt (prim_addInt x n) (prim_addInt x n) in case b of { Lune.Prelude.True -> f 1; Lune.Prelude.False -> f 2 }
Main.main = prim_putStrLn (prim_showInt (Main.pick Lune.Prelude.True 4))
`;
  const text = G.print(compile(parseCore(pick, 't.lcore'), { target: goTarget, optimize: true }).file!);
  assert.match(text, '\tf := func(x rt.Value) rt.Value {\n');
  assert.match(text, 'f(int64(1))');
});

test.run();
