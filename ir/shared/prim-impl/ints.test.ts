// ir/shared/prim-impl/ints.test.ts: Int primitives (PRIMITIVES.md §3.1), exact results and error texts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkFloat } from '../value';
import { call, shown, throwsLune } from './testing';

test('arithmetic is unbounded', () => {
  assert.is(call('prim_addInt', 2n, 3n), 5n);
  assert.is(call('prim_subInt', 0n, 5n), -5n);
  assert.is(call('prim_mulInt', 9223372036854775807n, 2n), 18446744073709551614n);
  assert.is(call('prim_addInt', 9223372036854775807n, 1n), 9223372036854775808n);
  assert.is(call('prim_mulInt', 10n ** 30n, 10n ** 30n), 10n ** 60n);
});

test('div/mod round toward minus infinity', () => {
  const table: [bigint, bigint, bigint, bigint][] = [
    [7n, 2n, 3n, 1n], [-7n, 2n, -4n, 1n], [7n, -2n, -4n, -1n], [-7n, -2n, 3n, -1n],
    [6n, 3n, 2n, 0n], [-6n, 3n, -2n, 0n], [0n, -5n, 0n, 0n], [1n, 10n ** 30n, 0n, 1n], [-1n, 10n ** 30n, -1n, 10n ** 30n - 1n],
  ];
  for (const [a, b, q, r] of table) {
    assert.is(call('prim_divInt', a, b), q, `${a} div ${b}`);
    assert.is(call('prim_modInt', a, b), r, `${a} mod ${b}`);
  }
});

test('division by zero', () => {
  throwsLune(() => call('prim_divInt', 1n, 0n), 'divide by zero');
  throwsLune(() => call('prim_modInt', 1n, 0n), 'divide by zero');
  throwsLune(() => call('prim_divInt', 0n, 0n), 'divide by zero');
});

test('comparisons', () => {
  assert.is(shown('prim_eqInt', 3n, 3n), 'True');
  assert.is(shown('prim_eqInt', 3n, 4n), 'False');
  assert.is(shown('prim_leInt', 3n, 3n), 'True');
  assert.is(shown('prim_leInt', 4n, 3n), 'False');
  assert.is(shown('prim_geInt', 3n, 3n), 'True');
  assert.is(shown('prim_geInt', 2n, 3n), 'False');
});

test('showInt', () => {
  assert.is(call('prim_showInt', 42n), '42');
  assert.is(call('prim_showInt', -5n), '-5');
  assert.is(call('prim_showInt', 0n), '0');
  assert.is(call('prim_showInt', 2n ** 100n), '1267650600228229401496703205376');
});

test('parseInt: ASCII digits only, unbounded', () => {
  assert.is(shown('prim_parseInt', '42'), 'Ok 42');
  assert.is(shown('prim_parseInt', '007'), 'Ok 7');
  assert.is(shown('prim_parseInt', '0'), 'Ok 0');
  assert.is(shown('prim_parseInt', '99999999999999999999999'), 'Ok 99999999999999999999999');
  for (const bad of ['', '-5', '+5', ' 5', '5 ', '1_000', '٣', '12a', '0x10', '1.0', '５']) {
    assert.is(shown('prim_parseInt', bad), 'Err "invalid int"', JSON.stringify(bad));
  }
});

test('wrong argument shapes', () => {
  throwsLune(() => call('prim_addInt', 1n, '2'), 'NotAFunction <prim>');
  throwsLune(() => call('prim_divInt', mkFloat(1), 0n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_showInt', 'x'), 'NotAFunction <prim>');
  throwsLune(() => call('prim_parseInt', 5n), 'ExpectedString 5');
});

test.run();
