// ir/shared/prim-impl/ints.ts: Int primitives (PRIMITIVES.md §3.1). Ints are unbounded (bigint); div/mod
// round toward −∞ like Haskell's `div`/`mod`.
import { LuneError, type Value, bool, err, ok } from '../value';
import { type PrimImpl, isInt, isString, notAFunction, wrongValue } from './common';

// Both arguments must be Ints, else the evaluator's `NotAFunction <prim>`. (Indexing rather than
// destructuring: these run in the evaluator's hottest loops.)
const int2 = (f: (a: bigint, b: bigint) => Value): PrimImpl => (args) => {
  const a = args[0];
  const b = args[1];
  return isInt(a) && isInt(b) ? f(a, b) : notAFunction();
};

// Haskell raises `divide by zero` lazily, when the result is first inspected; we fail eagerly
// (PRIMITIVES.md §3.1 recommends it), which differs only if the result is never used.
function checkDivisor(b: bigint): void {
  if (b === 0n) throw new LuneError('divide by zero');
}

/** Floor division: the quotient rounded toward −∞. */
export function floorDiv(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  const q = a / b; // truncates toward zero
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Floor modulo: the result has the sign of the divisor, and a = b*floorDiv(a,b) + floorMod(a,b). */
export function floorMod(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  const r = a % b; // has the sign of a
  return r !== 0n && ((r < 0n) !== (b < 0n)) ? r + b : r;
}

// A non-empty run of ASCII digits only: no sign, no spaces, no other Unicode digits.
const decimalDigits = /^[0-9]+$/;

/** The Int primitives, by name. */
export const intImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_addInt', int2((a, b) => a + b)],
  ['prim_subInt', int2((a, b) => a - b)],
  ['prim_mulInt', int2((a, b) => a * b)],
  ['prim_divInt', int2(floorDiv)],
  ['prim_modInt', int2(floorMod)],
  ['prim_eqInt', int2((a, b) => bool(a === b))],
  ['prim_leInt', int2((a, b) => bool(a <= b))],
  ['prim_geInt', int2((a, b) => bool(a >= b))],
  ['prim_showInt', ([n]) => (isInt(n) ? n.toString() : notAFunction())],
  ['prim_parseInt', ([s]) => {
    if (!isString(s)) return s === undefined ? notAFunction() : wrongValue('ExpectedString', s);
    return decimalDigits.test(s) ? ok(BigInt(s)) : err('invalid int');
  }],
]);
