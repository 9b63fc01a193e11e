// ir/core/eval/prims.ts: the evaluator's primitive table: the pure primitives of ir/shared/prim-impl (helper
// C2) plus this folder's effect primitives, turned into Code for resolve.ts. Arity-0 primitives are values
// computed once (§1.5); a primitive without an implementation fails clearly only when evaluated.
// Database constructors and the `$primShowValue`/`$primUnbound` internals also come from prim-impl.
import { CompileError } from '../../shared/diagnostic';
import { noSpan } from '../../shared/span';
import { primTable } from '../../shared/prims';
import { pureImpls } from '../../shared/prim-impl';
import type { Value } from '../../shared/value';
import type { Code } from './code';
import type { PrimLookup } from './resolve';
import { filePrims } from './files';
import { ioPrims } from './io-prims';
import { processPrims } from './process';
import { socketPrims } from './sockets';
import { stmPrims } from './stm';
import { tlsPrims } from './tls';
import { V } from './values';

type Impl = (args: readonly Value[]) => Value;

const effectImpls: ReadonlyMap<string, Impl> = new Map(Object.entries({
  ...ioPrims, ...stmPrims, ...filePrims, ...socketPrims, ...tlsPrims, ...processPrims,
}));

// prim_or/prim_not come from prim-impl: Lune's own evaluator lacks them (PRIMITIVES.md §3.2), we give them
// the obvious meaning like Lune's Go runtime.
const implOf = (name: string): Impl | undefined => effectImpls.get(name) ?? pureImpls.get(name);

/** Builds the primitive lookup for one module resolution (arity-0 values are computed on first use). */
export function primLookup(): PrimLookup {
  const cache = new Map<string, Code>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const info = primTable.get(name);
    if (info === undefined) return undefined;
    const impl = implOf(name);
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
