// ir/shared/prim-impl/bools.ts: Bool primitives (PRIMITIVES.md §3.2). Arguments arrive evaluated
// (call-by-value); only the exact `Lune.Prelude.True`/`False` constructors are Bools.
import { type Value, falseV, trueV } from '../value';
import { type PrimImpl, notAFunction } from './common';

const isBool = (v: Value | undefined, b: boolean): boolean =>
  typeof v === 'object' && v.tag === 'Con' && v.args.length === 0 && v.name === (b ? 'Lune.Prelude.True' : 'Lune.Prelude.False');

/** The Bool primitives, by name. */
export const boolImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  // False and anything is False without looking at the second argument (the Haskell evaluator's rule).
  ['prim_and', ([a, b]) => {
    if (isBool(a, false)) return falseV;
    if (isBool(a, true) && isBool(b, true)) return trueV;
    if (isBool(a, true) && isBool(b, false)) return falseV;
    return notAFunction();
  }],
  // The Haskell evaluator has no prim_or/prim_not (see referenceUnimplemented in index.ts); these follow
  // the obvious semantics, mirroring prim_and (the Go runtime implements them too).
  ['prim_or', ([a, b]) => {
    if (isBool(a, true)) return trueV;
    if (isBool(a, false) && isBool(b, true)) return trueV;
    if (isBool(a, false) && isBool(b, false)) return falseV;
    return notAFunction();
  }],
  ['prim_not', ([a]) => (isBool(a, true) ? falseV : isBool(a, false) ? trueV : notAFunction())],
]);
