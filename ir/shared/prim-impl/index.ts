// ir/shared/prim-impl/index.ts: the pure primitives of the reference evaluator, one table over the groups
// ints, floats, bools, strings, templates, json, bytes (PRIMITIVES.md §3) and database (ir/shared/prims.ts). The evaluator applies them.
import { type Value, LuneError } from '../value';
import { boolImpls } from './bools';
import { bytesImpls } from './bytes';
import { databaseImpls } from './database';
import { showValue } from '../show';
import { floatImpls } from './floats';
import { intImpls } from './ints';
import { jsonImpls } from './json';
import { stringImpls } from './strings';
import { templateImpls } from './templates';

/**
 * Implementation of every primitive of the pure groups, by name. Call with exactly `arity` evaluated
 * arguments (`[]` for the constants prim_templateEmpty, prim_jsonNull, prim_bytesEmpty). Lune runtime
 * errors are thrown as `LuneError` with the Haskell show text.
 */
export const pureImpls: ReadonlyMap<string, (args: readonly Value[]) => Value> = new Map([
  ...intImpls, ...boolImpls, ...floatImpls, ...stringImpls, ...templateImpls, ...jsonImpls, ...bytesImpls, ...databaseImpls,
  ['$primShowValue', (args: readonly Value[]) => showValue(args[0]!)],
  ['$primUnbound', (args: readonly Value[]) => { throw new LuneError(`UnboundVariable ${showValue(args[0]!)}`); }],
]);

/**
 * Primitives that are typed but have no implementation in the Haskell reference evaluator (PRIMITIVES.md
 * §3.2, §6.1): there, using them is `UnboundVariable "prim_or"`. pureImpls implements them anyway (the
 * obvious semantics, like the Go runtime); an evaluator that must match the reference checks this set.
 */
export const referenceUnimplemented: ReadonlySet<string> = new Set(['prim_or', 'prim_not']);

export { templateLeaf, templateValue, render as renderTemplate } from './templates';
export { parseJson, stringifyJson } from './json';
