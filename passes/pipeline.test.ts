// passes/pipeline.test.ts: the stage list's order and hooks, --stop-after, and who is blamed for a problem.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from '../ir/core';
import { CompileError, InternalError } from '../ir/shared/diagnostic';
import { goTarget } from '../ir/shared/prims';
import * as G from '../ir/goast';
import { parseCore } from '../ir/core/parse';
import { compile, stageNames, stages } from './pipeline';

const { mk } = Core;
const hello = mk.module('Main', [mk.decl('Main.main', mk.app(mk.var('prim_putStrLn'), mk.str('hi')))]);

test('the stages, in order', () => {
  assert.equal(stageNames, ['core', 'renamed', 'pattern-compiled', 'anf', 'anf-dicts', 'anf-simplified', 'anf-fused', 'goast']);
  assert.equal(stages.map((s) => s.name), stageNames);
});

test('compile runs every stage, reports each to onStage, and returns the Go file', () => {
  const seen: string[] = [];
  const r = compile(hello, { target: goTarget, onStage: (name, printed, ms) => {
    assert.ok(ms >= 0);
    assert.type(printed(), 'string');
    seen.push(name);
  } });
  assert.equal(seen, stageNames);
  assert.ok(r.file !== null);
  assert.equal(G.check(r.file!), []);
  assert.ok(G.print(r.file!).includes('rt.F_prim_putStrLn("hi")'));
  assert.equal([...r.outputs.keys()], stageNames);
});

test('stopAfter ends the run after that stage, with no Go file', () => {
  const seen: string[] = [];
  const r = compile(hello, { target: goTarget, stopAfter: 'anf', onStage: (name) => seen.push(name) });
  assert.equal(seen, ['core', 'renamed', 'pattern-compiled', 'anf']);
  assert.is(r.file, null);
  assert.throws(() => compile(hello, { target: goTarget, stopAfter: 'parse' }),
    (e: Error) => e instanceof InternalError && e.message === 'internal error in pipeline: unknown stage parse (stages: core, renamed, pattern-compiled, anf, anf-dicts, anf-simplified, anf-fused, goast)');
});

test('problems in unreachable input Core are ignored unless strictInput; then they are the user\'s', () => {
  const m = mk.module('Main', [...hello.decls, mk.decl('Main.unused', mk.var('nowhere'))]);
  assert.ok(compile(m, { target: goTarget }).file !== null);
  assert.throws(() => compile(m, { target: goTarget, strictInput: true }),
    (e: Error) => e instanceof CompileError && e.stage === 'core' && e.message === 'unbound variable nowhere in Main.unused');
});

test('stopAfter goast returns the Go file; spans reach the printers, and each printer runs at most once', () => {
  assert.ok(compile(hello, { target: goTarget, stopAfter: 'goast' }).file !== null);
  const m = parseCore('module Main\nMain.main = prim_putStrLn "hi"\n', 't.lcore');
  const dumps = new Map<string, string>();
  let calls = 0;
  const spy = stages[1]!.print;
  (stages[1] as { print: typeof spy }).print = (o, opts) => { calls++; return spy(o, opts); };
  try {
    compile(m, { target: goTarget, spans: true, stopAfter: 'renamed', onStage: (name, printed) => { printed(); dumps.set(name, printed()); } });
  } finally { (stages[1] as { print: typeof spy }).print = spy; }
  assert.is(calls, 1);
  assert.is(dumps.get('renamed'), 'module Main (main = Main.main)\n\nMain.main @2:1 =\n  %prim_putStrLn "hi"\n');
  compile(m, { target: goTarget, stopAfter: 'renamed', onStage: (name, printed) => dumps.set(name, printed()) });
  assert.is(dumps.get('renamed'), 'module Main (main = Main.main)\n\nMain.main =\n  %prim_putStrLn "hi"\n');
});

test('strictInput: the first Core problem is the message, the others its notes', () => {
  const m = mk.module('Main', [...hello.decls, mk.decl('Main.u', mk.app(mk.var('nowhere'), mk.var('elsewhere')))]);
  assert.throws(() => compile(m, { target: goTarget, strictInput: true }),
    (e: Error) => e instanceof CompileError && e.message === 'unbound variable nowhere in Main.u' && e.notes.join('|') === 'unbound variable elsewhere in Main.u');
});

test('a checker rejecting a pass output is an InternalError naming the stage, with the count of other problems', () => {
  const s = stages[3]!;
  const check = s.check;
  const span = mk.var('x').span;
  const fake = (n: number) => () => Array.from({ length: n }, (_, i) => ({ stage: 'anf', span, message: `bad ${i}` }));
  try {
    (s as { check: typeof check }).check = fake(3);
    assert.throws(() => compile(hello, { target: goTarget }),
      (e: Error) => e instanceof InternalError && e.message === 'internal error in anf: the anf checker rejected the pass output: bad 0 (and 2 more)');
    (s as { check: typeof check }).check = fake(1);
    assert.throws(() => compile(hello, { target: goTarget }),
      (e: Error) => e instanceof InternalError && e.message === 'internal error in anf: the anf checker rejected the pass output: bad 0');
  } finally { (s as { check: typeof check }).check = check; }
  assert.ok(compile(hello, { target: goTarget }).file !== null);
});

test('optimize false reaches code generation: no loop for a self tail call', () => {
  const src = parseCore(`module Main
Main.count = \\n -> case prim_eqInt n 0 of { Lune.Prelude.True -> 0; Lune.Prelude.False -> Main.count (prim_subInt n 1) }
Main.main = prim_putStrLn (prim_showInt (Main.count 3))
`, 't.lcore');
  const on = G.print(compile(src, { target: goTarget }).file!);
  const off = G.print(compile(src, { target: goTarget, optimize: false }).file!);
  assert.ok(on.includes('for {'), on);
  assert.not.ok(off.includes('for {'), off);
});

test.run();
