// ir/shared/prim-impl/bools.test.ts: prim_and (and prim_or/prim_not, absent from the reference evaluator).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { falseV, mkCon, trueV } from '../value';
import { referenceUnimplemented } from './index';
import { call, shown, throwsLune } from './testing';

test('and', () => {
  assert.is(shown('prim_and', trueV, trueV), 'True');
  assert.is(shown('prim_and', trueV, falseV), 'False');
  assert.is(shown('prim_and', falseV, trueV), 'False');
  assert.is(shown('prim_and', falseV, falseV), 'False');
});

test('and: False ignores the second argument; True requires a Bool', () => {
  assert.is(shown('prim_and', falseV, 42n), 'False');
  throwsLune(() => call('prim_and', trueV, 42n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_and', 1n, trueV), 'NotAFunction <prim>');
  throwsLune(() => call('prim_and', mkCon('My.True'), trueV), 'NotAFunction <prim>');
});

test('or / not (obvious semantics; flagged as missing in the reference)', () => {
  assert.is(shown('prim_or', falseV, trueV), 'True');
  assert.is(shown('prim_or', falseV, falseV), 'False');
  assert.is(shown('prim_or', trueV, 42n), 'True');
  assert.is(shown('prim_not', trueV), 'False');
  assert.is(shown('prim_not', falseV), 'True');
  throwsLune(() => call('prim_not', 0n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_or', falseV, 0n), 'NotAFunction <prim>');
  assert.equal([...referenceUnimplemented].sort(), ['prim_not', 'prim_or']);
});

test.run();
