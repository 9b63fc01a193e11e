// ir/shared/prim-impl/floats.ts: Float primitives (PRIMITIVES.md §3.3): IEEE doubles, Haskell's
// `truncate`/`fromIntegral` conversions and `show`.
import { showFloat } from '../float-format';
import { type Value, bool, mkFloat } from '../value';
import { type PrimImpl, isFloat, isInt, notAFunction } from './common';

const float2 = (f: (a: number, b: number) => Value): PrimImpl => (args) => {
  const a = args[0];
  const b = args[1];
  return isFloat(a) && isFloat(b) ? f(a.value, b.value) : notAFunction();
};

const twoTo1024 = 2n ** 1024n;

/**
 * Haskell's `truncate :: Double -> Integer`: exact for finite values; for non-finite ones GHC truncates
 * the `decodeFloat` encoding, giving Infinity → 2^1024, −Infinity → −2^1024, NaN → −1.5·2^1024.
 */
export function truncateFloat(x: number): bigint {
  if (Number.isNaN(x)) return -(3n * twoTo1024) / 2n;
  if (x === Infinity) return twoTo1024;
  if (x === -Infinity) return -twoTo1024;
  return BigInt(Math.trunc(x)); // every finite double is an integer once truncated, so this is exact
}

/** The Float primitives, by name. */
export const floatImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_addFloat', float2((a, b) => mkFloat(a + b))],
  ['prim_subFloat', float2((a, b) => mkFloat(a - b))],
  ['prim_mulFloat', float2((a, b) => mkFloat(a * b))],
  ['prim_divFloat', float2((a, b) => mkFloat(a / b))],
  ['prim_eqFloat', float2((a, b) => bool(a === b))],
  ['prim_gtFloat', float2((a, b) => bool(a > b))],
  ['prim_ltFloat', float2((a, b) => bool(a < b))],
  ['prim_geFloat', float2((a, b) => bool(a >= b))],
  ['prim_leFloat', float2((a, b) => bool(a <= b))],
  // Number(bigint) rounds to the nearest double (ties to even); past the largest double it is Infinity.
  ['prim_fromIntFloat', ([n]) => (isInt(n) ? mkFloat(Number(n)) : notAFunction())],
  ['prim_truncateFloat', ([x]) => (isFloat(x) ? truncateFloat(x.value) : notAFunction())],
  ['prim_showFloat', ([x]) => (isFloat(x) ? showFloat(x.value) : notAFunction())],
]);
