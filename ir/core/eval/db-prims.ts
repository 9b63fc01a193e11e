// ir/core/eval/db-prims.ts: the DbValue constructors prim_dbNull/Int/Float/String/Bool. They are not in
// PRIMITIVES.md or ir/shared/prims.ts, but the corpus's Lune.Database prelude (SOURCE commit) defines
// `Lune.Database.int = prim_dbInt` etc., and 22–24_Database_* evaluate them successfully in Lune. Lune
// code matches their results with `Lune.Database.DbInt n` patterns, so each builds that constructor.
import { LuneError, mkCon, type Value } from '../../shared/value';
import { showValue } from '../../shared/show';

type Check = (v: Value) => boolean;

const isFloat: Check = (v) => typeof v === 'object' && v.tag === 'Float';
const isBool: Check = (v) =>
  typeof v === 'object' && v.tag === 'Con' && v.args.length === 0 && (v.name === 'Lune.Prelude.True' || v.name === 'Lune.Prelude.False');

const con = (name: string, ok: Check) => ([v]: readonly Value[]): Value => {
  if (!ok(v!)) throw new LuneError(`NotAFunction ${showValue(v!)}`);
  return mkCon(`Lune.Database.${name}`, [v!]);
};

/** Name → arity and implementation (arity 0: the value itself). */
export const dbPrims: ReadonlyMap<string, { readonly arity: number; readonly impl: (args: readonly Value[]) => Value }> = new Map([
  ['prim_dbNull', { arity: 0, impl: () => mkCon('Lune.Database.DbNull') }],
  ['prim_dbInt', { arity: 1, impl: con('DbInt', (v) => typeof v === 'bigint') }],
  ['prim_dbFloat', { arity: 1, impl: con('DbFloat', isFloat) }],
  ['prim_dbString', { arity: 1, impl: con('DbString', (v) => typeof v === 'string') }],
  ['prim_dbBool', { arity: 1, impl: con('DbBool', isBool) }],
]);
