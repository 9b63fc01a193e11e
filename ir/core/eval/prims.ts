// ir/core/eval/prims.ts: the evaluator's primitive table: the pure primitives of ir/shared/prim-impl (helper
// C2) plus this folder's effect primitives, turned into Code for resolve.ts. Arity-0 primitives are values
// computed once (§1.5); a primitive without an implementation fails clearly only when evaluated.
import { CompileError } from '../../shared/diagnostic';
import { noSpan } from '../../shared/span';
import { primTable } from '../../shared/prims';
import { pureImpls } from '../../shared/prim-impl';
import { falseV, trueV, LuneError, type Value } from '../../shared/value';
import { showValue } from '../../shared/show';
import type { Code } from './code';
import type { PrimLookup } from './resolve';
import { dbPrims } from './db-prims';
import { filePrims } from './files';
import { ioPrims } from './io-prims';
import { processPrims } from './process';
import { socketPrims } from './sockets';
import { stmPrims } from './stm';
import { tlsPrims } from './tls';
import { V } from './values';

type Impl = (args: readonly Value[]) => Value;

const asBool = (v: Value): boolean => {
  if (v === trueV || (typeof v === 'object' && v.tag === 'Con' && v.name === 'Lune.Prelude.True' && v.args.length === 0)) return true;
  if (typeof v === 'object' && v.tag === 'Con' && v.name === 'Lune.Prelude.False' && v.args.length === 0) return false;
  throw new LuneError(`NotAFunction ${showValue(v)}`);
};

// Lune's own evaluator lacks prim_or/prim_not (PRIMITIVES.md §3.2); we give them the obvious meaning, like
// Lune's Go runtime. Used only if prim-impl does not provide them.
const boolFallbacks: Readonly<Record<string, Impl>> = {
  prim_or: ([a, b]) => (asBool(a!) ? trueV : asBool(b!) ? trueV : falseV),
  prim_not: ([a]) => (asBool(a!) ? falseV : trueV),
};

const effectImpls: ReadonlyMap<string, Impl> = new Map(Object.entries({
  ...ioPrims, ...stmPrims, ...filePrims, ...socketPrims, ...tlsPrims, ...processPrims,
}));

const implOf = (name: string): Impl | undefined =>
  effectImpls.get(name) ?? pureImpls.get(name) ?? boolFallbacks[name];

/** Builds the primitive lookup for one module resolution (arity-0 values are computed on first use). */
export function primLookup(): PrimLookup {
  const cache = new Map<string, Code>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const info = primTable.get(name) ?? dbPrims.get(name);
    if (info === undefined) return undefined;
    const impl = implOf(name) ?? dbPrims.get(name)?.impl;
    let code: Code;
    if (impl === undefined) {
      code = { k: 'prim', get: () => { throw new CompileError('eval', noSpan, `${name} is not supported by the evaluator`); } };
    } else if (info.arity === 0) {
      let v: Value | undefined;
      code = { k: 'prim', get: () => (v ??= impl([])) };
    } else {
      code = { k: 'lit', v: V({ tag: 'Prim', name, arity: info.arity, args: [], impl }) };
    }
    cache.set(name, code);
    return code;
  };
}
