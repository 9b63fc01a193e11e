// passes/to-goast/continuations.test.ts: an IO bind's continuation that is a let-bound lambda of one parameter, read
// nowhere else, is a Go func literal the runtime applies itself (rt.RunIO), not an *rt.Func; one that is also
// passed elsewhere stays a Lune function value. Both run alike, optimizations on and off.
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
Main.main = Main.greet "b"
`;

test('a continuation read only by binds is a Go func literal; one also passed to a function is an *rt.Func', async () => {
  for (const optimize of [true, false]) {
    const file = compile(parseCore(src, 't.lcore'), { target: goTarget, optimize }).file!;
    const main = G.print(file).split('func Main_greet(')[1]!;
    assert.match(main, 'rt.MkFunc1("Main.greet", func(_ rt.Value) rt.Value {'); // k: also given to Main.twice
    assert.match(main, ' := func(_ rt.Value) rt.Value {\n'); // the two inline continuations
    assert.is(main.split('rt.MkFunc1(').length, 2);
    const dir = mkdtempSync(join(tmpdir(), 'continuations-'));
    try {
      writeModule(emitModule(file), dir);
      const b = await goBuild(dir);
      assert.ok(b.ok, b.stderr);
      const r = spawnSync(join(dir, 'program'), [], { encoding: 'utf8' });
      assert.is(r.stdout, 'x\na\nb\nc\nb\n');
      assert.is(r.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test.run();
