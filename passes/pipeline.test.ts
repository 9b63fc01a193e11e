// passes/pipeline.test.ts: the stage list's order and hooks, --stop-after, and who is blamed for a problem.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from '../ir/core';
import { CompileError, InternalError } from '../ir/shared/diagnostic';
import { goTarget } from '../ir/shared/prims';
import * as G from '../ir/goast';
import { compile, stageNames, stages } from './pipeline';

const { mk } = Core;
const hello = mk.module('Main', [mk.decl('Main.main', mk.app(mk.var('prim_putStrLn'), mk.str('hi')))]);

test('the stages, in order', () => {
  assert.equal(stageNames, ['core', 'renamed', 'pattern-compiled', 'anf', 'anf-simplified', 'goast']);
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
    (e: Error) => e instanceof InternalError && e.message === 'internal error in pipeline: unknown stage parse (stages: core, renamed, pattern-compiled, anf, anf-simplified, goast)');
});

test('problems in unreachable input Core are ignored unless strictInput; then they are the user\'s', () => {
  const m = mk.module('Main', [...hello.decls, mk.decl('Main.unused', mk.var('nowhere'))]);
  assert.ok(compile(m, { target: goTarget }).file !== null);
  assert.throws(() => compile(m, { target: goTarget, strictInput: true }),
    (e: Error) => e instanceof CompileError && e.stage === 'core' && e.message === 'unbound variable nowhere in Main.unused');
});

test.run();
