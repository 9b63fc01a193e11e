// ir/shared/prim-impl/floats.test.ts: Float primitives (PRIMITIVES.md §3.3), incl. the Haskell conversions.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Value, mkFloat } from '../value';
import { call, shown, throwsLune } from './testing';

const f = mkFloat;
const num = (v: Value): number => (typeof v === 'object' && v.tag === 'Float' ? v.value : NaN);

test('IEEE arithmetic', () => {
  assert.is(num(call('prim_addFloat', f(0.1), f(0.2))), 0.30000000000000004);
  assert.is(num(call('prim_subFloat', f(1), f(3))), -2);
  assert.is(num(call('prim_mulFloat', f(1.5), f(4))), 6);
  assert.is(num(call('prim_divFloat', f(1), f(0))), Infinity);
  assert.is(num(call('prim_divFloat', f(-1), f(0))), -Infinity);
  assert.ok(Number.isNaN(num(call('prim_divFloat', f(0), f(0)))));
  assert.is(shown('prim_divFloat', f(1), f(4)), '0.25');
});

test('comparisons (NaN compares false, 0.0 = -0.0)', () => {
  assert.is(shown('prim_eqFloat', f(NaN), f(NaN)), 'False');
  assert.is(shown('prim_eqFloat', f(0), f(-0)), 'True');
  assert.is(shown('prim_gtFloat', f(2), f(1)), 'True');
  assert.is(shown('prim_gtFloat', f(NaN), f(1)), 'False');
  assert.is(shown('prim_ltFloat', f(1), f(2)), 'True');
  assert.is(shown('prim_ltFloat', f(1), f(NaN)), 'False');
  assert.is(shown('prim_geFloat', f(2), f(2)), 'True');
  assert.is(shown('prim_geFloat', f(NaN), f(NaN)), 'False');
  assert.is(shown('prim_leFloat', f(3), f(2)), 'False');
  assert.is(shown('prim_leFloat', f(-0), f(0)), 'True');
});

test('fromIntFloat: nearest double, huge → Infinity', () => {
  assert.is(num(call('prim_fromIntFloat', 3n)), 3);
  assert.is(num(call('prim_fromIntFloat', -7n)), -7);
  assert.is(num(call('prim_fromIntFloat', 2n ** 53n + 1n)), 9007199254740992); // tie → even
  assert.is(num(call('prim_fromIntFloat', 2n ** 53n + 3n)), 9007199254740996); // tie → even
  assert.is(num(call('prim_fromIntFloat', 10n ** 400n)), Infinity);
  assert.is(num(call('prim_fromIntFloat', -(10n ** 400n))), -Infinity);
  assert.is(shown('prim_fromIntFloat', 10000000n), '1.0e7');
});

test('truncateFloat: toward zero, exact, non-finite as GHC', () => {
  assert.is(call('prim_truncateFloat', f(2.7)), 2n);
  assert.is(call('prim_truncateFloat', f(-2.7)), -2n);
  assert.is(call('prim_truncateFloat', f(-0.5)), 0n);
  assert.is(call('prim_truncateFloat', f(1e20)), 100000000000000000000n);
  assert.is(call('prim_truncateFloat', f(1.7976931348623157e308)), (2n ** 53n - 1n) * 2n ** 971n);
  assert.is(call('prim_truncateFloat', f(Infinity)), 2n ** 1024n);
  assert.is(call('prim_truncateFloat', f(-Infinity)), -(2n ** 1024n));
  assert.is(call('prim_truncateFloat', f(NaN)), -3n * 2n ** 1023n);
});

test('showFloat', () => {
  assert.is(call('prim_showFloat', f(42)), '42.0');
  assert.is(call('prim_showFloat', f(0.01)), '1.0e-2');
  assert.is(call('prim_showFloat', f(-Infinity)), '-Infinity');
});

test('wrong argument shapes', () => {
  throwsLune(() => call('prim_addFloat', 1n, f(1)), 'NotAFunction <prim>');
  throwsLune(() => call('prim_truncateFloat', 1n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_fromIntFloat', f(1)), 'NotAFunction <prim>');
  throwsLune(() => call('prim_showFloat', '1.0'), 'NotAFunction <prim>');
});

test.run();
