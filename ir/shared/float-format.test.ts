// ir/shared/float-format.test.ts: showFloat against every example of PRIMITIVES.md §3.3/§1.8 and edge cases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { floatToDigits, floatToDigitsExact, showFloat } from './float-format';

const cases: readonly (readonly [number, string])[] = [
  // §3.3 prim_showFloat examples
  [42.0, '42.0'], [0.1, '0.1'], [0.01, '1.0e-2'], [1e7, '1.0e7'], [9999999.0, '9999999.0'],
  [12345678.9, '1.23456789e7'], [1.5e-3, '1.5e-3'], [95.5, '95.5'], [0.1 + 0.2, '0.30000000000000004'],
  [-0.0, '-0.0'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
  // algorithm steps 4/5
  [150.0, '150.0'], [123456.789, '123456.789'], [0.5, '0.5'], [0.0, '0.0'], [1e21, '1.0e21'],
  [1e22, '1.0e22'], [2.5, '2.5'], [12345678, '1.2345678e7'], [1.2345678e7, '1.2345678e7'],
  // edge cases
  [5e-324, '5.0e-324'], [1.7976931348623157e308, '1.7976931348623157e308'], [-1.5, '-1.5'],
  [-0.01, '-1.0e-2'], [0.09999999999999999, '9.999999999999999e-2'], [1, '1.0'], [10, '10.0'],
  [1234567.5, '1234567.5'], [99999999, '9.9999999e7'], [1e-7, '1.0e-7'], [100, '100.0'],
  [2.2250738585072014e-308, '2.2250738585072014e-308'], [-5e-324, '-5.0e-324'], [1e100, '1.0e100'],
  [9007199254740993, '9.007199254740992e15'], [0.3, '0.3'], [1 / 3, '0.3333333333333333'],
  // where GHC's digits differ from JS's shortest: GHC excludes the halfway boundary and rounds last-digit ties up
  [1e23, '9.999999999999999e22'], [45352674494521344, '4.5352674494521344e16'],
  [132405809496.453125, '1.3240580949645313e11'], [95.5, '95.5'], [0.25, '0.25'], [3.125, '3.125'],
];

for (const [x, want] of cases) {
  test(`showFloat(${Object.is(x, -0) ? '-0' : String(x)}) = ${want}`, () => {
    assert.is(showFloat(x), want);
  });
}

test('shortest digits round-trip', () => {
  for (const x of [0.1, 0.2, 0.7, 1e-5, 123.456, 6.02214076e23, 1.1, 4.35, 2 ** 53, 2 ** -1074]) {
    const s = showFloat(x); // Haskell's d.ddde-N is also valid JS number syntax
    assert.is(Number(s), x, s);
  }
});

test('the fast path agrees with the exact GHC port (random bit patterns, fixed seed)', () => {
  fc.assert(fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (x) => {
    const fast = floatToDigits(x);
    const exact = floatToDigitsExact(x);
    return fast.digits === exact.digits && fast.exponent === exact.exponent;
  }), { seed: 42, numRuns: 20000 });
});

test('every finite double round-trips through showFloat', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(Number(showFloat(x)), x)),
    { seed: 42, numRuns: 20000 });
});

test.run();
