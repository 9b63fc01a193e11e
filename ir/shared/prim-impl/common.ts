// ir/shared/prim-impl/common.ts: what every pure primitive group shares: the implementation type, the
// Haskell evaluator's error forms, Lune list conversion and Haskell's Integer -> Int narrowing.
import { showValue } from '../show';
import {
  type BytesV, type CharV, type FloatV, type JsonV, type TemplateV, type Value, LuneError, cons, isCon, nil,
} from '../value';

/** A primitive's implementation: receives exactly `arity` evaluated arguments (none for a constant). */
export type PrimImpl = (args: readonly Value[]) => Value;

/**
 * The Haskell evaluator's catch-all for arguments of the wrong shape: `NotAFunction` of the partially
 * applied primitive, which prints as `<prim>`.
 */
export function notAFunction(): never {
  throw new LuneError('NotAFunction <prim>');
}

/** `ExpectedString v`, `ExpectedJson v`, `ExpectedTemplate v`, `NotARecord v` (v printed by showValue). */
export function wrongValue(kind: 'ExpectedString' | 'ExpectedJson' | 'ExpectedTemplate' | 'NotARecord', v: Value): never {
  throw new LuneError(`${kind} ${showValue(v)}`);
}

/** Shape tests for primitive arguments (undefined-tolerant, so a missing argument is just "wrong shape"). */
export const isInt = (v: Value | undefined): v is bigint => typeof v === 'bigint';
export const isString = (v: Value | undefined): v is string => typeof v === 'string';
export const isFloat = (v: Value | undefined): v is FloatV => typeof v === 'object' && v.tag === 'Float';
export const isChar = (v: Value | undefined): v is CharV => typeof v === 'object' && v.tag === 'Char';
export const isTemplate = (v: Value | undefined): v is TemplateV => typeof v === 'object' && v.tag === 'Template';
export const isJson = (v: Value | undefined): v is JsonV => typeof v === 'object' && v.tag === 'Json';
export const isBytes = (v: Value | undefined): v is BytesV => typeof v === 'object' && v.tag === 'Bytes';

/** The i-th argument; the evaluator always passes `arity` of them, so a missing one is a shape error. */
export function arg(args: readonly Value[], i: number): Value {
  const v = args[i];
  return v === undefined ? notAFunction() : v;
}

/**
 * The elements of a proper `Lune.Prelude.Cons`/`Nil` chain (exact names and argument counts, as the
 * Haskell `valueToList`), or undefined. Iterative, so long lists are fine.
 */
export function listElements(v: Value): Value[] | undefined {
  const out: Value[] = [];
  for (let cur = v; ; ) {
    if (!isCon(cur)) return undefined;
    if (cur.name === 'Lune.Prelude.Nil' && cur.args.length === 0) return out;
    if (cur.name !== 'Lune.Prelude.Cons' || cur.args.length !== 2) return undefined;
    out.push(cur.args[0] as Value);
    cur = cur.args[1] as Value;
  }
}

/** A Lune list of the given elements. */
export function toList(xs: readonly Value[]): Value {
  let l: Value = nil;
  for (let i = xs.length - 1; i >= 0; i--) l = cons(xs[i] as Value, l);
  return l;
}

/** Haskell's `fromIntegral :: Integer -> Int` on a 64-bit GHC: keeps the low 64 bits, two's complement. */
export const toHaskellInt = (n: bigint): bigint => BigInt.asIntN(64, n);

/**
 * Haskell's `show` of an Int at precedence 9 (as `showSignedInt 9` in GHC's error texts): negative
 * numbers in parentheses.
 */
export const showIntPrec9 = (n: bigint): string => (n < 0n ? `(${n})` : `${n}`);
